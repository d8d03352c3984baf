import { beforeAll, describe, expect, it } from "vitest";
import { STAKEHOLDER_CATEGORIES, STAKEHOLDER_LABELS, type StakeholderCategory } from "../../src/knowledge/schema.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

describe("stakeholders: members by the six categories", () => {
  it("given Gavi, lists each category that has members, with its members, and names those with none or not recorded", async () => {
    const gavi = a.entry("gavi", "partnership");
    const reply = await a.ask("stakeholders gavi");
    expect(reply).toMatchObject({ ok: true, command: "stakeholders", entries: [{ id: "gavi" }] });

    const members = (category: StakeholderCategory) => gavi.members[category] ?? [];
    const covered = STAKEHOLDER_CATEGORIES.filter((category) => members(category).length > 0);
    const missing = STAKEHOLDER_CATEGORIES.filter((category) => members(category).length === 0);
    expect(reply.fields).toEqual([{ label: "Categories covered", value: `${covered.length} of ${STAKEHOLDER_CATEGORIES.length}` }]);
    for (const category of covered) {
      expect(itemsUnder(reply, `${STAKEHOLDER_LABELS[category]} (${members(category).length})`)).toEqual(members(category));
    }
    const missingText = reply.sections.find((section) => section.heading === "Missing categories")?.text ?? "";
    for (const category of missing) expect(missingText).toContain(STAKEHOLDER_LABELS[category]);
  });

  it("given a government-only partnership, lists every other category as missing", async () => {
    const reply = await a.ask("stakeholders aukus");
    expect(headings(reply)).toEqual(["Governments (3)", "Missing categories"]);
  });

  it("reaches the Quad's members through the “members” alias: “members of the Quad”", async () => {
    const reply = await a.ask("members of the Quad");
    expect(reply).toMatchObject({ command: "stakeholders", entries: [{ id: "quad" }] });
  });

  it.each(["who is in the Quad?", "who are the members of the Quad?", "Quad members"])(
    "reaches the Quad's members from the phrasing “%s”",
    async (message) => {
      const reply = await a.askNaturally(message);
      expect(reply).toMatchObject({ command: "stakeholders", entries: [{ id: "quad" }] });
    },
  );
});

describe("stakeholders: misses, other kinds, ambiguity, empty input", () => {
  it("given a state, says it is not a partnership and suggests the partnerships that list it as a member", async () => {
    const reply = await a.ask("stakeholders India");
    expect(reply.title).toBe("Not a partnership");
    const withIndia = a.kb.ofKind("partnership").filter((partnership) => partnership.members.governments?.includes("India"));
    expect(withIndia.length).toBeGreaterThan(0);
    for (const partnership of withIndia) expect(reply.suggestions.map((s) => s.id)).toContain(partnership.id);
  });

  it("given an unknown name, says so", async () => {
    expect(await a.ask("stakeholders qqqqzz")).toMatchObject({ title: "No match", entries: [] });
  });

  it("given an ambiguous name, says which partnership it chose and offers the others", async () => {
    const reply = await a.ask("stakeholders vaccine");
    expect(reply.entries[0]?.id).toBe("gavi");
    expect(reply.sections[0]?.text).toMatch(/could mean several entries/);
    expect(reply.suggestions.map((s) => s.id)).toContain("covid-vaccine-coalition-2021");
  });

  it("given nothing, answers with the usage and an example", async () => {
    const reply = await a.ask("stakeholders");
    expect(reply).toMatchObject({ ok: false, error: { code: "missing_argument" } });
    expect(reply.error?.message).toMatch(/^Usage: stakeholders <partnership>, for example: /);
  });
});
