import { beforeAll, describe, expect, it } from "vitest";
import { firstSentence } from "../../src/core/sentence.js";
import { renderMarkdown } from "../../src/core/render-markdown.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";
import { realRouter } from "../support/app.js";

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
    for (const speaker of quote?.speakers ?? []) expect(line).toContain(a.kb.get(speaker)?.title);
  }
}

describe("brief: a briefing card composed from the knowledge base", () => {
  it("given “climate”, briefs on the climate threat: 3-5 talking points, the U.S. position, open questions, partnerships with goals and results, concepts, quotes, sources", async () => {
    const reply = await a.ask("brief climate");
    expect(reply).toMatchObject({ ok: true, command: "brief", title: "Brief: climate change" });
    expect(headings(reply)).toEqual(["Talking points", "Counterpart positions", "Open questions", "Partnerships", "Key concepts", "Quotes"]);
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
    // …and the first talking point is a claim about it: what it can be judged on, with its figure.
    expect(points[0]).toMatch(/^SEforALL can be judged on results: it has committed to /);
    expect(points[0]).toContain(seforall.results[0]?.figure);

    expectAttributedQuotes(itemsUnder(reply, "Quotes"));
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("gives talking points that are claims or asks, never a concept's definition", async () => {
    const definitions = a.kb.ofKind("concept").map((concept) => firstSentence(concept.definition));
    for (const topic of ["climate", "India", "Gavi", "multialignment", "the Quad", "AIIB"]) {
      const points = itemsUnder(await a.ask(`brief ${topic}`), "Talking points");
      expect(points.length, topic).toBeGreaterThanOrEqual(1);
      for (const point of points) for (const definition of definitions) expect(point, topic).not.toContain(definition);
    }
  });

  it("is deterministic: the same topic gives the same card", async () => {
    expect(await a.ask("brief climate")).toEqual(await a.ask("brief climate"));
  });

  it("given a state, briefs on it: claims about the partnerships it belongs to, the U.S. position there with its date, its own position as a counterpart, open questions, its foreign minister's quotes", async () => {
    const india = a.entry("india", "actor");
    const reply = await a.ask("brief India");
    expect(reply.entries[0]?.id).toBe("india");
    expect(reply.lead).toBe(firstSentence(india.summary));
    const memberOf = a.kb.ofKind("partnership").filter((partnership) => partnership.members.governments?.includes("India"));
    expect(memberOf.length).toBeGreaterThan(0);
    for (const partnership of memberOf) expect(itemsUnder(reply, "Partnerships").join("\n")).toContain(partnership.title);
    expect(itemsUnder(reply, "Talking points")[0]).toMatch(/^Quad can be judged on results: it has committed to up to 1 billion/);
    expect(reply.fields).toEqual([
      { label: "U.S. position", value: "Member of Quad (as of October 2024); stays outside AIIB (since 2015)", firstScreen: "also" },
    ]);
    expect(itemsUnder(reply, "Counterpart positions")[0]).toBe(`India: ${india.positions[0]}`);
    expect(itemsUnder(reply, "Open questions")).toContain("Can Washington shape AIIB from outside, through partners who are members?");
    expectAttributedQuotes(itemsUnder(reply, "Quotes"));
  });

  it("given a partnership, leads with what it can be judged on and the legitimacy that rests on", async () => {
    const gavi = a.entry("gavi", "partnership");
    const reply = await a.ask("brief me on Gavi");
    expect(reply.title).toBe(`Brief: ${gavi.title}`);
    const [goal] = gavi.goals.filter((g) => g.measurable);
    const [accountability, legitimacy] = itemsUnder(reply, "Talking points");
    expect(accountability).toBe(
      `Gavi can be judged on results: it has committed to ${goal?.target} by ${goal?.deadline}, and reports ${gavi.results[0]?.figure} ${gavi.results[0]?.text.replace(/^C/, "c")} (${gavi.results[0]?.as_of}).`,
    );
    expect(legitimacy).toMatch(/^Gavi rests .*legitimacy/);
    for (const g of gavi.goals.filter((candidate) => candidate.measurable)) expect(itemsUnder(reply, "Partnerships")[0]).toContain(`${g.target}`);
  });

  it("given --md, gives the same brief as paste-ready Markdown; every brief offers that as its copy message", async () => {
    const chat = await a.ask("brief India");
    expect(chat.copy).toBe("brief India --md");
    const pasted = await a.ask("brief India --md");
    expect(pasted).toMatchObject({ ok: true, format: "markdown", title: chat.title, entries: chat.entries });
    const markdown = renderMarkdown(pasted);
    expect(markdown).toMatch(/^# Brief: India\n\n/);
    expect(markdown).toContain("\n\n## Talking points\n\n- Quad can be judged on results");
    expect(markdown).toContain("**U.S. position:** Member of Quad");
    expect(markdown).toContain("## Sources\n\n- How America Can Succeed");
    expect(markdown).not.toMatch(/```|•|<[@!#]/);
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

describe("brief: asked for in plain words with a length", () => {
  it("given “need 3 talking points on SEforALL for the minister”, then a brief on it, cut to three points", async () => {
    const router = await realRouter();
    const reply = await router.handle("need 3 talking points on seforall for the minister", { adapter: "test" });
    expect(reply).toMatchObject({ command: "brief", length: { form: "short", points: 3 } });
    expect(reply.entries[0]?.id).toBe("seforall");
  });
});
