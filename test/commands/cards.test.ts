import { beforeAll, describe, expect, it } from "vitest";
import type { Router } from "../../src/core/router.js";
import { toJson } from "../../src/core/json.js";
import { renderText } from "../../src/core/render-text.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { realKnowledge, realRouter } from "../support/app.js";

let router: Router;
let kb: KnowledgeBase;
beforeAll(async () => {
  router = await realRouter();
  kb = await realKnowledge();
});

const ask = (message: string) => router.handle(message, { adapter: "test" });

describe("cards say when their facts date from and what is not known", () => {
  it("given Gavi, shows the date its facts are current to and the U.S. role over time, ending with the June 2025 withholding", async () => {
    const reply = await ask("partnership gavi");
    const gavi = kb.get("gavi");
    if (gavi?.kind !== "partnership") throw new Error("gavi should be a partnership");
    expect(reply.fields).toContainEqual({ label: "As of", value: "June 2025" });
    // The full card's history, not the first screen's current role.
    const role = reply.fields.find((field) => field.label === "U.S. role" && field.firstScreen !== "only")?.value ?? "";
    const positions = gavi.us_role.map((spell) => role.toLowerCase().indexOf((spell.note ?? spell.role).toLowerCase()));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(role).toMatch(/withheld further funding \(since June 2025\)$/);
  });

  it("in the JSON reply, every entry carries its as_of date", async () => {
    const json = toJson(await ask("search vaccine"));
    if (!json.ok) throw new Error("search should succeed");
    expect(json.entries.length).toBeGreaterThan(0);
    for (const ref of json.entries) expect(ref.as_of).toBe(kb.get(ref.id)?.as_of);
  });

  it("tells a category with no members (“none”) from one the sources say nothing about (“not recorded”)", async () => {
    const aukus = renderText(await ask("partnership aukus"));
    expect(aukus).toContain("Private sector: none");
    const seforall = renderText(await ask("partnership seforall"));
    expect(seforall).toContain("Civil society: not recorded");
  });

  it("attributes a quotation to all of its speakers, and finds it under either", async () => {
    const quote = kb.get("lissner-rapp-hooper-open-world");
    if (quote?.kind !== "quote") throw new Error("the open world quote should be a quote");
    expect(quote.speakers).toEqual(["rebecca-lissner", "mira-rapp-hooper"]);
    expect(renderText(await ask("quote lissner-rapp-hooper-open-world"))).toContain("(Rebecca Lissner and Mira Rapp-Hooper, 2020)");
    for (const speaker of ["rebecca lissner", "mira rapp-hooper"]) {
      const reply = await ask(`quote ${speaker}`);
      expect(reply.entries.map((ref) => ref.id)).toContain("lissner-rapp-hooper-open-world");
    }
  });
});

describe("concept, partnership, actor and document cards", () => {
  it("given a concept name with a typo, shows its definition, why it matters and its sources", async () => {
    const reply = await ask("concept multialignmnet");
    const entry = kb.get("multialignment");
    if (entry?.kind !== "concept") throw new Error("multialignment should be a concept");
    expect(reply).toMatchObject({ ok: true, command: "concept", title: entry.title, entries: [{ id: "multialignment" }] });
    const text = renderText(reply);
    expect(text).toContain(entry.definition);
    expect(text).toContain(entry.why_it_matters);
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("shows a partnership's members by sector, goals flagged measurable or not, and results with figures", async () => {
    const reply = await ask("org SE4All");
    const entry = kb.get("seforall");
    if (entry?.kind !== "partnership") throw new Error("seforall should be a partnership");
    const text = renderText(reply);
    for (const goal of entry.goals) expect(text).toContain(goal.text);
    expect(text).toMatch(/Measurable: /);
    for (const result of entry.results) expect(text).toContain(result.figure);
    expect(reply.fields).toContainEqual(expect.objectContaining({ label: "U.S. role", value: expect.any(String) }));
  });

  it("shows a document's numbered goals (Agenda 2030's 17 SDGs)", async () => {
    const reply = await ask("doc agenda 2030");
    const sections = reply.sections.find((section) => section.heading === "Goals");
    expect(sections?.items).toHaveLength(17);
    expect(sections?.items?.[6]).toMatch(/^7\. /);
  });

  it("shows an actor's quotes, attributed", async () => {
    const reply = await ask("who jaishankar");
    const quotes = kb.quotesBy("subrahmanyam-jaishankar");
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(renderText(reply)).toContain(quote.text);
  });

  it("answers with an entry of another kind, and says so, when only that matches", async () => {
    const reply = await ask("concept gavi");
    expect(reply.entries).toEqual([expect.objectContaining({ id: "gavi", kind: "partnership" })]);
    expect(reply.sections[0]?.text).toMatch(/No concept matches “gavi”; the closest match is this partnership/);
  });

  it("given an ambiguous name, says which entry it chose and offers the others", async () => {
    const reply = await ask("concept legitimacy");
    expect(reply.entries).toHaveLength(1);
    expect(reply.sections[0]?.text).toMatch(/could mean several entries: showing/);
    const offered = [...reply.entries, ...reply.suggestions].map((ref) => ref.id);
    expect(offered).toEqual(expect.arrayContaining(["input-legitimacy", "output-legitimacy"]));
  });

  it("given nothing confident, replies with suggestions and no entries", async () => {
    const reply = await ask("partnership vacine alianse");
    expect(reply).toMatchObject({ ok: true, entries: [] });
    expect(reply.suggestions.map((ref) => ref.id)).toContain("gavi");
  });

  it("given no name, explains the usage with an example", async () => {
    expect(await ask("actor")).toMatchObject({
      ok: false,
      error: { code: "missing_argument", message: expect.stringMatching(/^Usage: actor <name>, for example: actor /) },
    });
  });
});

describe("search", () => {
  it("lists ranked hits with one-line summaries and scores", async () => {
    const reply = await ask("search vaccine alliance");
    expect(reply.command).toBe("search");
    expect(reply.entries[0]).toMatchObject({ id: "gavi", kind: "partnership", score: expect.any(Number) });
    expect(reply.sections[0]?.items?.[0]).toMatch(/^Gavi, the Vaccine Alliance \(partnership\): /);
  });

  it("says honestly when it knows nothing about the topic", async () => {
    const reply = await ask("search banana bread recipe");
    expect(reply).toMatchObject({ ok: true, entries: [], suggestions: [] });
    expect(renderText(reply)).toMatch(/I don't know anything about “banana bread recipe”/);
  });
});

describe("quote", () => {
  it("without a topic, lists every quotation with its speaker", async () => {
    const reply = await ask("quote");
    expect(reply.entries).toHaveLength(kb.ofKind("quote").length);
  });

  it("given a speaker, lists that speaker's quotations only", async () => {
    const reply = await ask("quote jaishankar");
    expect(reply.entries.length).toBeGreaterThan(0);
    expect(reply.entries.every((ref) => kb.get(ref.id)?.kind === "quote" && (kb.get(ref.id) as { speakers: string[] }).speakers.includes("subrahmanyam-jaishankar"))).toBe(true);
  });

  it("given a topic, finds quotations about it", async () => {
    const reply = await ask("quote impunity");
    expect(reply.entries.map((ref) => ref.id)).toContain("miliband-age-of-impunity");
  });
});

describe("bare questions", () => {
  it.each([
    ["what is input legitimacy?", "input-legitimacy"],
    ["who is Jaishankar?", "subrahmanyam-jaishankar"],
    ["tell me about the Quad", "quad"],
    ["explain seed not lead", "seed-not-lead"],
    ["gavi", "gavi"],
  ])("%j opens the card of %s", async (message, id) => {
    const reply = await ask(message);
    // The understanding step sends a name to the card command of its kind.
    expect(["ask", "concept", "partnership", "actor", "document"]).toContain(reply.command);
    expect(reply.title).toBe(kb.get(id)?.title);
    expect(reply.entries.map((ref) => ref.id)).toEqual([id]);
  });

  it("a topic question that names no single entry gets a ranked list", async () => {
    const reply = await ask("renewable energy access");
    expect(reply.title).toMatch(/^Results for/);
    // Only entries holding every word are asserted; the partnership itself is offered first.
    expect([...reply.entries, ...reply.suggestions].map((ref) => ref.id)).toContain("seforall");
  });

  it("small talk gets a friendly pointer, not a search", async () => {
    const reply = await ask("thanks");
    expect(reply.entries).toEqual([]);
    expect(renderText(reply)).toMatch(/help/);
  });
});

describe("help", () => {
  it("lists every visible command's usage and summary from the definitions", async () => {
    const reply = await ask("help");
    const listed = reply.sections.find((section) => section.heading === "Or start with a command")?.items ?? [];
    for (const command of router.registry.visible) expect(listed).toContain(`${command.usage}: ${command.summary}`);
    // The first screen says how to ask and where the list is.
    expect(renderText(reply)).toMatch(/Ask in your own words[\s\S]*“help in full” lists them all/);
  });

  it("shows one command's usage, aliases and examples", async () => {
    const reply = await ask("help org");
    expect(reply.title).toBe("help: partnership");
    expect(reply.fields).toContainEqual({ label: "Usage", value: "partnership <name>" });
    expect(reply.sections.find((section) => section.heading === "Examples")?.items).toContain("partnership gavi");
  });

  it("names the real commands when asked about one that does not exist", async () => {
    expect(await ask("help teleport")).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringMatching(/There is no command “teleport”/) } });
  });
});
