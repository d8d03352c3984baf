import { describe, expect, it } from "vitest";
import { errorReply, reply } from "../../src/core/reply.js";
import { screenLength, FIRST_SCREEN_MAX, screenOf } from "../../src/core/screen.js";
import { FULL, shortCard } from "../support/sample-replies.js";

const hits = Array.from({ length: 10 }, (_, n) => `Partnership ${n} (partnership): ${"a sentence about it ".repeat(4).trim()}.`);
const results = reply("search", { title: "Results for “climate”", sections: [{ items: hits }] });

describe("screenOf: what a reply shows at the length asked", () => {
  it("given a card, the first screen is its lead and the parts marked for it; More hides the rest", () => {
    const { reply: shown, more } = screenOf(shortCard);
    expect(shown.lead).toBe(shortCard.lead);
    expect(shown.fields.map((field) => field.label)).toEqual(["U.S. role", "Measurable goal"]);
    expect(shown.sections).toEqual([]);
    expect(shown.compactSources).toBe(true);
    expect(more).toBe(true);
  });

  it("given the card in full, everything but the first-screen digests is shown, and nothing is left for More", () => {
    const { reply: shown, more } = screenOf({ ...shortCard, length: FULL });
    expect(shown.fields.map((field) => field.label)).toEqual(["U.S. role", "Founded"]);
    expect(shown.sections).toEqual(shortCard.sections);
    expect(shown.compactSources).toBeUndefined();
    expect(more).toBe(false);
  });

  it("given a reply with no lead or marks (a result list), the first screen keeps the items that fit the budget", () => {
    const { reply: shown, more } = screenOf(results);
    const items = shown.sections[0]?.items ?? [];
    expect(items.length).toBeGreaterThan(2);
    expect(items.length).toBeLessThan(hits.length);
    expect(items).toEqual(hits.slice(0, items.length));
    expect(screenLength(shown)).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
    expect(more).toBe(true);
  });

  it("given “3 points”, lists show at most three items", () => {
    expect(screenOf(results, { form: "short", points: 3 }).reply.sections[0]?.items).toEqual(hits.slice(0, 3));
  });

  it("given “in one line”, only the lead's first sentence; given “one paragraph”, the whole lead", () => {
    expect(screenOf(shortCard, { form: "line" }).reply).toMatchObject({
      fields: [],
      sections: [{ text: "A public–private partnership that buys vaccines for low-income countries." }],
    });
    expect(screenOf(shortCard, { form: "paragraph" }).reply.sections).toEqual([{ text: shortCard.lead }]);
    expect(screenOf(results, { form: "line" }).reply.sections).toEqual([{ text: hits[0] }]);
  });

  it("given a short reply, the first screen is all of it and offers no More, even in one line", () => {
    const small = reply("ask", { sections: [{ text: "Hello! Ask me about a partnership." }] });
    expect(screenOf(small)).toEqual({ reply: { ...small, compactSources: true }, more: false });
    expect(screenOf(small, { form: "paragraph" }).more).toBe(false);
    expect(screenOf(small, { form: "line" }).more).toBe(true);
  });

  it("given an error, shows it as it is, whatever the length", () => {
    const error = errorReply("brief", { code: "missing_argument", message: "Usage: brief <topic>" });
    expect(screenOf({ ...error, length: { form: "line" } })).toEqual({ reply: { ...error, length: { form: "line" } }, more: false });
  });
});
