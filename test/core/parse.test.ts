import { describe, expect, it } from "vitest";
import { sanitize, splitCommand } from "../../src/core/parse.js";

describe("cleaning a message", () => {
  it("removes zero-width, bidi-override and control characters, and folds white space", () => {
    expect(sanitize("  gavi\u200b\u202e  vaccine\u0007\n\talliance ")).toBe("gavi vaccine alliance");
  });

  it("keeps any other Unicode as typed", () => {
    expect(sanitize("Côte d’Ivoire 🌍 中国")).toBe("Côte d’Ivoire 🌍 中国");
  });
});

describe("splitting a command word from its arguments", () => {
  it("lowercases the word and drops a leading slash or bang", () => {
    expect(splitCommand("/Search vaccine Alliance")).toEqual({ word: "search", rest: "vaccine Alliance" });
    expect(splitCommand("!help")).toEqual({ word: "help", rest: "" });
  });

  it("gives an empty word for an empty message", () => {
    expect(splitCommand("")).toEqual({ word: "", rest: "" });
  });
});
