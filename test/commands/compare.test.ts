import { beforeAll, describe, expect, it } from "vitest";
import { renderText } from "../../src/core/render-text.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

describe("compare: the essay's pairing, Sustainable Energy for All vs. Finance in Common", () => {
  it("given the pair, shows SEforALL's measurable goals and figures against Finance in Common's vaguer goal carried by input legitimacy", async () => {
    const seforall = a.entry("seforall", "partnership");
    const fic = a.entry("finance-in-common", "partnership");
    const reply = await a.ask("compare SEforALL vs Finance in Common");

    expect(reply).toMatchObject({ ok: true, command: "compare", entries: [{ id: "seforall" }, { id: "finance-in-common" }] });
    const [seforallContrast, ficContrast] = itemsUnder(reply, "The contrast");
    const measurable = seforall.goals.filter((goal) => goal.measurable).length;
    expect(seforallContrast).toContain(`${seforall.title}: ${measurable} of ${seforall.goals.length} goals measurable`);
    expect(seforallContrast).toMatch(/output and outcome legitimacy/);
    expect(fic.goals.every((goal) => !goal.measurable)).toBe(true);
    expect(ficContrast).toMatch(new RegExp(`^${fic.title}: .*not measurable`));
    expect(ficContrast).toMatch(/Input legitimacy substitutes for outcome legitimacy/);

    const goals = itemsUnder(reply, "Goals").join("\n");
    for (const goal of seforall.goals) expect(goals).toContain(`target: ${goal.target}, by ${goal.deadline}`);
    for (const goal of fic.goals) expect(goals).toContain(`Not measurable: ${goal.text}`);
    const results = itemsUnder(reply, "Reported results").join("\n");
    for (const result of [...seforall.results, ...fic.results]) expect(results).toContain(result.figure);
    expect(itemsUnder(reply, "Governance")[1]).toContain(fic.governance?.hosted_by);
  });

  it("lays the two side by side on every aspect the issue names, one row per partnership", async () => {
    const reply = await a.ask("compare Sustainable Energy for All and Finance in Common");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["seforall", "finance-in-common"]);
    for (const heading of ["Founded", "Members by stakeholder category", "Legitimacy verdicts", "Threats addressed", "SDGs", "U.S. role"]) {
      expect(itemsUnder(reply, heading)).toHaveLength(2);
    }
    expect(reply.sources.map((source) => source.title)).toContainEqual(expect.stringMatching(/Multialigned World/));
  });

  it("reaches the same comparison from natural phrasings", async () => {
    for (const message of ["SEforALL versus Finance in Common", "what is the difference between SE4All and Finance in Common?"]) {
      const reply = await a.askNaturally(message);
      expect(reply.entries.map((entry) => entry.id)).toEqual(["seforall", "finance-in-common"]);
    }
  });
});

describe("compare: other pairs", () => {
  it("given two concepts, shows both definitions and whether the knowledge base records them as contrasting", async () => {
    const input = a.entry("input-legitimacy", "concept");
    const output = a.entry("output-legitimacy", "concept");
    const reply = await a.ask("compare input legitimacy vs output legitimacy");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["input-legitimacy", "output-legitimacy"]);
    const recordedAsContrast = input.contrasts_with.includes(output.id) || output.contrasts_with.includes(input.id);
    expect(reply.sections[0]?.text).toMatch(recordedAsContrast ? /contrasting ideas/ : /related|No direct link/);
    expect(itemsUnder(reply, "Definition")).toEqual([`${input.title}: ${input.definition}`, `${output.title}: ${output.definition}`]);
  });

  it("splits “A and B” where both halves are names, even when the names contain “and” or “for”", async () => {
    const reply = await a.ask("compare the Quad and AUKUS");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["quad", "aukus"]);
  });

  it("given two states, compares their roles side by side", async () => {
    const reply = await a.ask("compare India and China");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["india", "china"]);
    expect(itemsUnder(reply, "Role")).toEqual([
      `India: ${a.entry("india", "actor").role}`,
      `China: ${a.entry("china", "actor").role}`,
    ]);
  });

  it("given different kinds, explains why not and suggests entries that can be compared instead", async () => {
    const reply = await a.ask("compare gavi vs input legitimacy");
    expect(reply.title).toBe("Can't compare a partnership with a concept");
    expect(renderText(reply)).toContain("legitimacy Gavi");
    expect(reply.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of reply.suggestions) expect(["partnership", "concept"]).toContain(suggestion.kind);
    expect(reply.suggestions.map((suggestion) => suggestion.id)).not.toContain("gavi");
  });

  it("given an ambiguous name, says which entry it chose and offers the others", async () => {
    const reply = await a.ask("compare vaccine vs seforall");
    expect(reply.entries[0]?.id).toBe("gavi");
    expect(renderText(reply)).toMatch(/“vaccine” could mean several entries: comparing Gavi/);
    expect(reply.suggestions.map((suggestion) => suggestion.id)).toContain("covid-vaccine-coalition-2021");
  });

  it("answers a name that itself contains “vs” with that entry, not a split", async () => {
    const reply = await a.ask("compare democracies vs autocracies");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["democracies-vs-autocracies"]);
  });
});

describe("compare: misses and bad input", () => {
  it("given an unknown name, says which one it could not find and compares nothing", async () => {
    const reply = await a.ask("compare gavi vs qqqqzz");
    expect(reply).toMatchObject({ ok: true, title: "No match", entries: [] });
    expect(reply.sections[0]?.text).toContain("“qqqqzz”");
  });

  it("given a misspelt name, offers suggestions for it", async () => {
    const reply = await a.ask("compare gavi vs finanse in comon");
    const found = reply.entries.map((entry) => entry.id).concat(reply.suggestions.map((entry) => entry.id));
    expect(found).toContain("finance-in-common");
  });

  it.each(["compare", "compare gavi", "compare between"])("given “%s”, answers with the usage and an example", async (message) => {
    const reply = await a.ask(message);
    expect(reply).toMatchObject({ ok: false, error: { code: "missing_argument" } });
    expect(reply.error?.message).toMatch(/^Usage: compare <a> vs <b>, for example: compare /);
  });

  it("refuses three names at once", async () => {
    const reply = await a.ask("compare quad vs aukus vs nato");
    expect(reply).toMatchObject({ ok: false, error: { code: "bad_argument" } });
  });

  it("says so when both names mean the same entry", async () => {
    const reply = await a.ask("compare Gavi vs the Vaccine Alliance");
    expect(reply.title).toBe("Nothing to compare");
    expect(headings(reply)).toEqual([]);
  });
});
