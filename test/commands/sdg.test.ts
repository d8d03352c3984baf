import { beforeAll, describe, expect, it } from "vitest";
import { analyst, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

const goals = () => a.entry("agenda-2030", "document").numbered_goals;
/** Partnerships mapped to every goal (the UN itself) are listed apart from the goal-by-goal map. */
const general = () => a.kb.ofKind("partnership").filter((p) => goals().every((goal) => p.sdgs.includes(goal.number)));
const mappedTo = (number: number) =>
  a.kb.ofKind("partnership").filter((p) => p.sdgs.includes(number) && !general().includes(p));

describe("sdg: the 17 goals and the partnerships mapped to them", () => {
  it("given no argument, lists every goal with its partnerships, and the bodies mapped to every goal once", async () => {
    const reply = await a.ask("sdg");
    expect(reply).toMatchObject({ ok: true, command: "sdg", entries: [{ id: "agenda-2030" }] });
    const items = reply.sections.find((section) => section.items)?.items ?? [];
    expect(items).toHaveLength(goals().length);
    goals().forEach((goal, index) => {
      expect(items[index]?.startsWith(`${goal.number}. ${goal.name}: `)).toBe(true);
      for (const partnership of mappedTo(goal.number)) expect(items[index]).toContain(partnership.title);
    });
    for (const partnership of general()) expect(items.join("\n")).not.toContain(partnership.title);
  });

  it.each([
    ["sdg 7", 7],
    ["sdg affordable and clean energy", 7],
    ["sdgs climate", 13],
    ["sdg goal 3", 3],
  ])("given “%s”, shows SDG %i and the partnerships mapped to it", async (message, number) => {
    const reply = await a.ask(message);
    const expected = mappedTo(number);
    expect(reply.title).toMatch(new RegExp(`^SDG ${number}: `));
    if (expected.length > 0) expect(reply.entries.map((entry) => entry.id)).toEqual(expected.map((p) => p.id));
    else expect(reply.entries.map((entry) => entry.id)).toEqual(["agenda-2030"]);
  });

  it("reaches SDG 7 from “partnerships for SDG 7”", async () => {
    const reply = await a.askNaturally("partnerships for SDG 7");
    expect(reply.entries.map((entry) => entry.id)).toContain("seforall");
  });

  it("given a name that fits several goals, says which it chose and names the others", async () => {
    const reply = await a.ask("sdg water");
    expect(reply.title).toBe("SDG 6: Clean Water and Sanitation");
    expect(reply.sections[0]?.text).toMatch(/fits several goals: showing SDG 6 .*Also: SDG 14/);
  });
});

describe("sdg gaps: the essay's goal-by-goal exercise", () => {
  it("lists exactly the goals with no partnership of their own, and cites the seed-not-lead idea", async () => {
    const reply = await a.ask("sdg gaps");
    const uncovered = goals().filter((goal) => mappedTo(goal.number).length === 0);
    expect(itemsUnder(reply, "No partnership recorded")).toEqual(uncovered.map((goal) => `SDG ${goal.number} (${goal.name})`));
    expect(reply.fields).toEqual([
      { label: "Goals with no partnership of their own", value: `${uncovered.length} of ${goals().length}` },
    ]);
    expect(reply.entries.map((entry) => entry.id)).toEqual(expect.arrayContaining(["seed-not-lead", "agenda-2030"]));
  });

  it("lists apart the goals whose partnerships set no measurable goal", async () => {
    const reply = await a.ask("sdg gaps");
    const unmeasured = goals().filter((goal) => {
      const partnerships = mappedTo(goal.number);
      return partnerships.length > 0 && partnerships.every((p) => !p.goals.some((g) => g.measurable));
    });
    expect(itemsUnder(reply, /none with a measurable goal/).map((item) => item.split(":")[0])).toEqual(
      unmeasured.map((goal) => `SDG ${goal.number} (${goal.name})`),
    );
  });

  it("reaches the gaps from “which SDGs have no partnerships?”", async () => {
    expect((await a.askNaturally("which SDGs have no partnerships?")).title).toMatch(/^SDG gaps/);
  });
});

describe("sdg: misses", () => {
  it.each(["sdg 18", "sdg 0"])("given “%s”, says there is no such goal", async (message) => {
    const reply = await a.ask(message);
    expect(reply).toMatchObject({ ok: true, title: "No match", entries: [] });
    expect(reply.sections[0]?.text).toContain(`from 1 to ${goals().length}`);
  });

  it("given a misspelt name, offers the closest goal", async () => {
    const reply = await a.ask("sdg clena enrgy");
    expect(reply.sections[0]?.text).toContain("Did you mean SDG 7 (Affordable and Clean Energy)?");
  });
});
