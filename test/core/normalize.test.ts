import { describe, expect, it } from "vitest";
import { normalize, squash, stripQuestion } from "../../src/knowledge/normalize.js";

describe("normalising names and queries", () => {
  it("folds case, accents, punctuation, ampersands and hyphens", () => {
    expect(normalize("Côte-d’Ivoire & the U.N.")).toBe("cote divoire and the u n");
    expect(squash(normalize("Multi-Alignment"))).toBe("multialignment");
  });

  it.each([
    ["what is input legitimacy", "input legitimacy"],
    ["who is jaishankar", "jaishankar"],
    ["tell me about the quad", "quad"],
    ["explain seed not lead", "seed not lead"],
    ["what does multialignment mean", "multialignment"],
    ["please define the open world", "open world"],
    ["what are the sdgs", "sdgs"],
    ["nato", "nato"],
  ])("strips the question around %j", (question, topic) => {
    expect(stripQuestion(normalize(question))).toBe(topic);
  });
});
