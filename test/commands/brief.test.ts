import { beforeAll, describe, expect, it } from "vitest";
import { firstSentence } from "../../src/core/sentence.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

/** Every quote line must be a stored quotation, attributed to its speaker. */
function expectAttributedQuotes(lines: string[]) {
  expect(lines.length).toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(2);
  for (const line of lines) {
    const quote = a.kb.ofKind("quote").find((candidate) => line.includes(candidate.text));
    expect(quote, line).toBeDefined();
    expect(line).toContain(a.kb.get(quote?.speaker ?? "")?.title);
  }
}

describe("brief: a briefing card composed from the knowledge base", () => {
  it("given “climate”, briefs on the climate threat: concepts, 3-5 talking points, the partnerships with goals and results, quotes, sources", async () => {
    const reply = await a.ask("brief climate");
    expect(reply).toMatchObject({ ok: true, command: "brief", title: "Brief: climate change" });
    expect(headings(reply)).toEqual(["Key concepts", "Talking points", "Partnerships", "Quotes"]);
    expect(itemsUnder(reply, "Key concepts")[0]).toMatch(/^Global threats: /);
    const points = itemsUnder(reply, "Talking points");
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);

    const climate = a.kb.ofKind("partnership").filter((partnership) => partnership.threats.includes("climate-change"));
    const partnerships = itemsUnder(reply, "Partnerships");
    expect(partnerships.length).toBe(Math.min(4, climate.length));
    // Those that can be held to account come first: SEforALL, with its targets and figures.
    const seforall = a.entry("seforall", "partnership");
    expect(partnerships[0]).toMatch(new RegExp(`^${seforall.title}\\. `));
    for (const goal of seforall.goals) expect(partnerships[0]).toContain(`${goal.target} by ${goal.deadline}`);
    for (const result of seforall.results) expect(partnerships[0]).toContain(result.figure);

    expectAttributedQuotes(itemsUnder(reply, "Quotes"));
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("is deterministic: the same topic gives the same card", async () => {
    expect(await a.ask("brief climate")).toEqual(await a.ask("brief climate"));
  });

  it("given a state, briefs on it with the partnerships it belongs to and its foreign minister's quotes", async () => {
    const india = a.entry("india", "actor");
    const reply = await a.ask("brief India");
    expect(reply.entries[0]?.id).toBe("india");
    const points = itemsUnder(reply, "Talking points");
    expect(points[0]).toBe(firstSentence(india.summary));
    const memberOf = a.kb.ofKind("partnership").filter((partnership) => partnership.members.governments.includes("India"));
    for (const partnership of memberOf) expect(itemsUnder(reply, "Partnerships").join("\n")).toContain(partnership.title);
    expectAttributedQuotes(itemsUnder(reply, "Quotes"));
  });

  it("given a partnership, leads with its legitimacy reading and its measurable goal", async () => {
    const gavi = a.entry("gavi", "partnership");
    const reply = await a.ask("brief me on Gavi");
    expect(reply.title).toBe(`Brief: ${gavi.title}`);
    expect(itemsUnder(reply, "Talking points")[1]).toMatch(/legitimacy/);
    for (const goal of gavi.goals.filter((g) => g.measurable)) expect(itemsUnder(reply, "Partnerships")[0]).toContain(`${goal.target}`);
  });

  it.each(["brief me on India", "give me a briefing on India", "talking points on India"])("reaches the India brief from “%s”", async (message) => {
    const reply = message.startsWith("brief") ? await a.ask(message) : await a.askNaturally(message);
    expect(reply.command).toBe("brief");
    expect(reply.entries[0]?.id).toBe("india");
  });
});

describe("brief: misses, ambiguity, empty input", () => {
  it("given an ambiguous name, says which entry it briefs on and offers the others", async () => {
    const reply = await a.ask("brief legitimacy");
    expect(reply.sections[0]?.text).toMatch(/“legitimacy” could mean several entries: briefing on /);
    expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it("given an unknown topic, says so honestly", async () => {
    const reply = await a.ask("brief qqqqzz");
    expect(reply).toMatchObject({ ok: true, title: "No match", entries: [] });
  });

  it("given nothing, answers with the usage and an example", async () => {
    const reply = await a.ask("brief");
    expect(reply).toMatchObject({ ok: false, error: { code: "missing_argument" } });
    expect(reply.error?.message).toMatch(/^Usage: brief <topic>, for example: /);
  });
});
