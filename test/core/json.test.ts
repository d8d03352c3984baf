import { describe, expect, it } from "vitest";
import { toJson } from "../../src/core/json.js";
import { errorReply, reply } from "../../src/core/reply.js";

describe("the JSON reply contract", () => {
  it("an answer has exactly ok, command, text, entries and suggestions", () => {
    const json = toJson(
      reply("search", {
        title: "Results",
        sections: [{ items: ["Gavi"] }],
        entries: [{ id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance", score: 0.02 }],
      }),
    );
    expect(Object.keys(json).sort()).toEqual(["command", "entries", "ok", "suggestions", "text"]);
    expect(json).toMatchObject({ ok: true, command: "search", text: "Results\n  • Gavi", suggestions: [] });
  });

  it("an error has exactly ok: false, command and error { code, message }", () => {
    const json = toJson(errorReply("concept", { code: "missing_argument", message: "Usage: concept <name>" }));
    expect(json).toEqual({ ok: false, command: "concept", error: { code: "missing_argument", message: "Usage: concept <name>" } });
  });
});
