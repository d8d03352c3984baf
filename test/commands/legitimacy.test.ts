import { beforeAll, describe, expect, it } from "vitest";
import { assessLegitimacy } from "../../src/domain/analysis/legitimacy.js";
import { renderText } from "../../src/core/render-text.js";
import { PartnershipSchema, STAKEHOLDER_CATEGORIES, STAKEHOLDER_LABELS } from "../../src/knowledge/schema.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

const CRITERIA = ["Input legitimacy", "Output legitimacy", "Outcome legitimacy", "Breadth of stakeholders"];

describe("legitimacy: a transparent assessment on the essay's criteria", () => {
  it("given Finance in Common, finds its standing in input legitimacy (a public host), not in measurable goals", async () => {
    const fic = a.entry("finance-in-common", "partnership");
    const reply = await a.ask("legitimacy finance in common");
    expect(reply).toMatchObject({ ok: true, command: "legitimacy", title: `Legitimacy: ${fic.title}` });
    expect(reply.entries[0]?.id).toBe("finance-in-common");
    expect(headings(reply)).toEqual([
      "Reading",
      "Input legitimacy: Partial",
      "Output legitimacy: Weak",
      "Outcome legitimacy: Partial",
      expect.stringMatching(/^Breadth of stakeholders: /),
    ]);
    expect(reply.sections.find((section) => section.heading === "Reading")?.text).toMatch(/Input legitimacy substitutes for outcome legitimacy/);
    expect(itemsUnder(reply, /^Input legitimacy/)).toContain(`Hosted or convened by: ${fic.governance?.hosted_by}`);
    expect(itemsUnder(reply, /^Output legitimacy/)).toContainEqual(expect.stringMatching(/^Missing: a measurable target and deadline/));
    for (const result of fic.results) expect(itemsUnder(reply, /^Outcome legitimacy/).join("\n")).toContain(result.figure);
  });

  it("given SEforALL, credits output and outcome legitimacy with each goal and figure as evidence", async () => {
    const seforall = a.entry("seforall", "partnership");
    const reply = await a.ask("legitimacy SE4All");
    expect(headings(reply)).toContain("Output legitimacy: Strong");
    expect(headings(reply)).toContain("Outcome legitimacy: Strong");
    for (const goal of seforall.goals) expect(itemsUnder(reply, /^Output legitimacy/).join("\n")).toContain(goal.text);
    for (const result of seforall.results) expect(itemsUnder(reply, /^Outcome legitimacy/).join("\n")).toContain(result.figure);
  });

  it("names the missing stakeholder categories as missing evidence, and gives no overall score", async () => {
    const quad = a.entry("quad", "partnership");
    const reply = await a.ask("legitimacy quad");
    const missing = STAKEHOLDER_CATEGORIES.filter((category) => (quad.members[category]?.length ?? 0) === 0);
    expect(missing.length).toBeGreaterThan(0);
    const breadth = itemsUnder(reply, /^Breadth of stakeholders/).join("\n");
    for (const category of missing) expect(breadth).toContain(STAKEHOLDER_LABELS[category]);
    expect(reply.fields).toEqual([]);
    expect(renderText(reply)).toContain("there is no overall score");
  });

  it("credits a treaty organisation with strong input legitimacy", async () => {
    const reply = await a.ask("legitimacy nato");
    expect(headings(reply)).toContain("Input legitimacy: Strong");
  });

  it("cites the partnership's sources and the concepts whose tests it applies", async () => {
    const reply = await a.ask("legitimacy gavi");
    expect(reply.entries.map((entry) => entry.id)).toEqual(["gavi", "input-legitimacy", "output-legitimacy"]);
    for (const source of a.entry("gavi", "partnership").sources) expect(reply.sources.map((s) => s.title)).toContain(source.title);
  });

  it.each(["is Finance in Common legitimate?", "how legitimate is Finance in Common?"])("reaches the assessment from “%s”", async (message) => {
    const reply = await a.askNaturally(message);
    expect(reply.entries[0]?.id).toBe("finance-in-common");
  });

  it("strips lead-in words: “legitimacy of the Quad”", async () => {
    expect((await a.ask("legitimacy of the Quad")).entries[0]?.id).toBe("quad");
  });
});

describe("legitimacy: misses, other kinds, ambiguity, empty input", () => {
  it("given a concept, says it assesses partnerships and suggests the partnerships linked to it", async () => {
    const concept = a.entry("output-legitimacy", "concept");
    const reply = await a.ask("legitimacy output legitimacy");
    expect(reply.title).toBe("Not a partnership");
    const examples = a.kb.getAll(concept.examples).filter((entry) => entry.kind === "partnership");
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(reply.suggestions.map((s) => s.id)).toContain(example.id);
  });

  it("given an unknown name, says so", async () => {
    const reply = await a.ask("legitimacy qqqqzz");
    expect(reply).toMatchObject({ ok: true, title: "No match", entries: [] });
  });

  it("given an ambiguous name, says which partnership it chose and offers the other partnerships", async () => {
    const reply = await a.ask("legitimacy vaccine");
    expect(reply.entries[0]?.id).toBe("gavi");
    expect(reply.sections[0]?.text).toMatch(/“vaccine” could mean several entries: using Gavi/);
    expect(reply.suggestions.map((s) => s.id)).toContain("covid-vaccine-coalition-2021");
    for (const suggestion of reply.suggestions) expect(suggestion.kind).toBe("partnership");
  });

  it("given nothing, answers with the usage and an example", async () => {
    const reply = await a.ask("legitimacy");
    expect(reply).toMatchObject({ ok: false, error: { code: "missing_argument" } });
    expect(reply.error?.message).toMatch(/^Usage: legitimacy <partnership>, for example: /);
  });
});

describe("the assessment rules, on partnerships built for the purpose", () => {
  const partnership = (fields: Record<string, unknown>) =>
    PartnershipSchema.parse({
      kind: "partnership",
      id: "example",
      as_of: "2024",
      title: "Example",
      summary: "An example.",
      us_role: "none",
      sources: [{ title: "Test", publisher: "Test", year: 2024 }],
      ...fields,
    });

  it("with no governance, goals, results or members recorded, draws no verdict from the absence and says what is missing", () => {
    const assessment = assessLegitimacy(partnership({}));
    expect([assessment.input, assessment.output, assessment.outcome, assessment.breadth].map((c) => c.verdict)).toEqual([
      "unrecorded",
      "unrecorded",
      "unrecorded",
      "unrecorded",
    ]);
    expect(assessment.breadth.missing).toEqual([`not recorded: ${STAKEHOLDER_CATEGORIES.map((c) => STAKEHOLDER_LABELS[c]).join(", ")}`]);
    expect(assessment.input.missing).toContain("no governance type recorded");
    expect(assessment.output.missing).toContain("no goals recorded");
    expect(assessment.basis).toMatch(/^Neither is established/);
  });

  it("given categories recorded as having no members, judges breadth weak; left out, it leaves breadth open", () => {
    const empty = Object.fromEntries(STAKEHOLDER_CATEGORIES.map((category) => [category, []]));
    const governmentsOnly = assessLegitimacy(partnership({ governance: { type: "network" }, members: { ...empty, governments: ["France"] } }));
    expect(governmentsOnly.input.verdict).toBe("weak");
    expect(governmentsOnly.breadth.verdict).toBe("weak");
    expect(governmentsOnly.breadth.missing).toEqual([`no members in: ${STAKEHOLDER_CATEGORIES.slice(1).map((c) => STAKEHOLDER_LABELS[c]).join(", ")}`]);

    const partlyKnown = assessLegitimacy(partnership({ members: { governments: ["France"], private_sector: ["A bank"], civil_society: [] } }));
    expect(partlyKnown.breadth.verdict).toBe("partial");
    expect(partlyKnown.breadth.reason).toMatch(/3 are not recorded, so the verdict is at least partial/);
  });

  it("treats figures without a measurable goal as activity, not demonstrated outcomes", () => {
    const assessment = assessLegitimacy(
      partnership({
        goals: [{ text: "Align finance.", measurable: false }],
        results: [{ text: "Banks connected", figure: "500", as_of: 2024 }],
      }),
    );
    expect(assessment.outcome.verdict).toBe("partial");
    expect(assessment.outcome.missing).toEqual(["a measurable goal to judge these figures against"]);
  });

  it("counts a UN body as strong input legitimacy and a government host as partial", () => {
    expect(assessLegitimacy(partnership({ governance: { type: "un-body" } })).input.verdict).toBe("strong");
    expect(assessLegitimacy(partnership({ governance: { type: "network", hosted_by: "Government of Kenya" } })).input.verdict).toBe("partial");
    expect(assessLegitimacy(partnership({ governance: { type: "network", hosted_by: "A foundation" } })).input.verdict).toBe("weak");
  });

  it("judges breadth by how many of the six categories have members", () => {
    const members = { governments: ["A"], private_sector: ["B"], civil_society: ["C"], philanthropy: ["D"] };
    expect(assessLegitimacy(partnership({ members })).breadth.verdict).toBe("strong");
    expect(assessLegitimacy(partnership({ members: { governments: ["A"], civil_society: ["C"] } })).breadth.verdict).toBe("partial");
  });
});
