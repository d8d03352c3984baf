import { describe, expect, it } from "vitest";
import { toJson } from "../../src/core/json.js";
import { MORE_HINT } from "../../src/core/render-text.js";
import { errorReply, formatSource, reply } from "../../src/core/reply.js";
import { ESSAY, FULL, shortCard } from "../support/sample-replies.js";

describe("the JSON reply contract", () => {
  it("an answer has exactly ok, command, text, short, entries and suggestions", () => {
    const json = toJson(
      reply("search", {
        title: "Results",
        sections: [{ items: ["Gavi"] }],
        entries: [{ id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance", score: 0.02 }],
      }),
    );
    expect(Object.keys(json).sort()).toEqual(["command", "entries", "ok", "short", "suggestions", "text"]);
    expect(json).toMatchObject({ ok: true, command: "search", text: "Results\n  • Gavi", short: "Results\n  • Gavi", suggestions: [] });
  });

  it("given a card, `short` is its first screen with a hint to ask for more, and `text` the whole card", () => {
    const json = toJson(shortCard);
    if (!json.ok) throw new Error("expected an answer");
    expect(json.short).toBe(
      [
        "Gavi, the Vaccine Alliance",
        shortCard.lead,
        "U.S. role: Funder",
        "Measurable goal: 500 million children vaccinated by 2030",
        "Sources:",
        "  Slaughter, Foreign Affairs 2024, §3",
        MORE_HINT,
      ].join("\n"),
    );
    expect(json.text).toContain("Members by sector");
    expect(json.text).toContain("Founded: 2000");
    expect(json.text).not.toContain("Measurable goal:");
    expect(json.text).toContain(formatSource(ESSAY));
  });

  it("given a reply asked in one line, `short` is its first sentence and `text` is still the whole reply", () => {
    const json = toJson({ ...shortCard, length: { form: "line" } });
    if (!json.ok) throw new Error("expected an answer");
    expect(json.short.split("\n").slice(0, 2)).toEqual(["Gavi, the Vaccine Alliance", "A public–private partnership that buys vaccines for low-income countries."]);
    const full = toJson({ ...shortCard, length: FULL });
    expect(json.text).toBe(full.ok ? full.text : undefined);
  });

  it("an error has exactly ok: false, command and error { code, message }", () => {
    const json = toJson(errorReply("concept", { code: "missing_argument", message: "Usage: concept <name>" }));
    expect(json).toEqual({ ok: false, command: "concept", error: { code: "missing_argument", message: "Usage: concept <name>" } });
  });
});
