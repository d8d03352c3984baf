import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { realKnowledge } from "../support/app.js";
import { loadSearchCases as searchCases, OUT_OF_DOMAIN } from "../support/search-cases.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const topIds = (query: string) => kb.search(query).hits.map((hit) => hit.entry.id);

describe("search quality on the public labelled queries", () => {
  it("names a real entry in every labelled case", async () => {
    const unknown = (await searchCases()).filter((c) => c.expect !== OUT_OF_DOMAIN && !kb.get(c.expect));
    expect(unknown).toEqual([]);
  });

  it("reaches top-1 ≥ 90% and top-3 ≥ 97% in domain, and answers nothing out of domain", async () => {
    const cases = await searchCases();
    const inDomain = cases.filter((c) => c.expect !== OUT_OF_DOMAIN);
    const misses: string[] = [];
    let top1 = 0;
    let top3 = 0;
    for (const c of inDomain) {
      const ids = topIds(c.query);
      if (ids[0] === c.expect) top1 += 1;
      if (ids.slice(0, 3).includes(c.expect)) top3 += 1;
      else misses.push(`${c.query} → ${ids.slice(0, 3).join(", ") || "nothing"} (want ${c.expect})`);
    }
    const offTopicAnswered = cases.filter((c) => c.expect === OUT_OF_DOMAIN && topIds(c.query).length > 0).map((c) => c.query);
    const rate = (n: number) => Math.round((1000 * n) / inDomain.length) / 10;
    console.info(`search cases: ${inDomain.length} in domain, top-1 ${rate(top1)}%, top-3 ${rate(top3)}%; off-topic answered: ${offTopicAnswered.length}`);
    expect(misses).toEqual([]);
    expect(rate(top1)).toBeGreaterThanOrEqual(90);
    expect(rate(top3)).toBeGreaterThanOrEqual(97);
    expect(offTopicAnswered).toEqual([]);
  });
});

describe("searching", () => {
  it("answers an exact id, title or alias first, with a perfect score", () => {
    const [first] = kb.search("SEforALL").hits;
    expect(first).toMatchObject({ stage: "exact", score: 0 });
    expect(first?.entry.id).toBe("seforall");
  });

  it("tolerates typos in names within a budget that grows with word length", () => {
    expect(topIds("multialignmnet")[0]).toBe("multialignment");
    expect(topIds("jaishanker")[0]).toBe("subrahmanyam-jaishankar");
    expect(topIds("finanse in comon")[0]).toBe("finance-in-common");
  });

  it("strips question wrappers, punctuation and accents", () => {
    expect(topIds("What is INPUT legitimacy???")[0]).toBe("input-legitimacy");
    expect(topIds("tell me about the Quad")[0]).toBe("quad");
    expect(topIds("Gävi")[0]).toBe("gavi");
  });

  it("ranks an entry named by the words above entries that only mention them", () => {
    const hits = kb.search("vaccine alliance").hits;
    expect(hits[0]?.entry.id).toBe("gavi");
    expect(hits[0]?.stage).not.toBe("text");
    expect(hits.slice(1).every((hit) => hit.score >= (hits[0]?.score ?? 0))).toBe(true);
  });

  it("finds entries by words in their prose", () => {
    const ids = topIds("renewable energy");
    expect(ids).toContain("seforall");
  });

  it("gives no entries for out-of-domain questions or noise", () => {
    for (const query of ["banana bread recipe", "xqzjwv", "", "??", "a"]) expect(topIds(query)).toEqual([]);
  });

  it("offers a badly misspelled name as a suggestion, not an answer", () => {
    const result = kb.search("multilaterl alinement");
    expect(result.hits).toEqual([]);
    expect(result.hits.map((hit) => hit.entry.id)).not.toContain("multialignment");
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  it("keeps only the kinds asked for", () => {
    const hits = kb.search("jaishankar", { kinds: ["quote"] }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.entry.kind === "quote")).toBe(true);
  });
});

describe("resolving a name to one entry", () => {
  it("prefers the asked-for kind when a name fits several", () => {
    expect(kb.resolve("clinton 2009", "document").entry?.id).toBe("clinton-cfr-2009");
    expect(kb.resolve("hillary clinton", "actor").entry?.id).toBe("hillary-clinton");
  });

  it("answers with another kind, and says so, when the asked-for kind has no match", () => {
    const resolution = kb.resolve("gavi", "concept");
    expect(resolution.entry?.id).toBe("gavi");
    expect(resolution.otherKind).toBe(true);
  });

  it("lists close alternatives when a name is ambiguous", () => {
    const resolution = kb.resolve("legitimacy", "concept");
    const ids = [resolution.entry?.id, ...resolution.alternatives.map((entry) => entry.id)];
    expect(ids).toEqual(expect.arrayContaining(["input-legitimacy", "output-legitimacy"]));
  });

  it("does not treat a word found only in prose as a name", () => {
    const resolution = kb.resolve("trillion", "concept");
    expect(resolution.entry).toBeUndefined();
    expect(resolution.suggestions.map((entry) => entry.id)).toContain("seforall");
  });
});

describe("ambiguity within a kind", () => {
  it("does not call a name ambiguous because an entry of another kind shares its words", () => {
    const resolution = kb.resolve("finanse in comon", "partnership");
    expect(resolution.entry?.id).toBe("finance-in-common");
    expect(resolution.alternatives.every((entry) => entry.kind === "partnership")).toBe(true);
  });
});
