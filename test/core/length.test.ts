import { describe, expect, it } from "vitest";
import { BARE_CUE_MESSAGE, DEFAULT_LENGTH, expandMessage, markdownMessage, readLength } from "../../src/core/length.js";

describe("readLength: the length a message asks for, and the message without the cue", () => {
  it.each([
    ["tl;dr gavi", { form: "line" }, "gavi"],
    ["TLDR: what is multialignment?", { form: "line" }, "what is multialignment?"],
    ["what is multialignment, in one line?", { form: "line" }, "what is multialignment?"],
    ["explain seed not lead in a sentence", { form: "line" }, "explain seed not lead"],
    ["partnership gavi in one paragraph", { form: "paragraph" }, "partnership gavi"],
    // "talking points" stays: it asks for a brief as well as for its length.
    ["brief India in 3 talking points", { form: "short", points: 3 }, "brief India talking points"],
    ["three points on the Quad", { form: "short", points: 3 }, "on the Quad"],
    ["partnership gavi --full", { form: "full" }, "partnership gavi"],
    ["concept multialignment in full", { form: "full" }, "concept multialignment"],
    ["nato, full card", { form: "full" }, "nato"],
    ["tell me more about the Quad", { form: "full" }, "about the Quad"],
    ["the quad, shorter", { form: "paragraph" }, "the quad"],
  ])("given “%s”, asks for %j and routes “%s”", (message, length, rest) => {
    expect(readLength(message)).toEqual({ length, message: rest });
  });

  it("given no cue, asks for the default (the first screen) and leaves the message as it is", () => {
    for (const message of ["partnership gavi", "what is input legitimacy?", "search line of credit", "brief 14 points of Wilson"]) {
      expect(readLength(message)).toEqual({ length: DEFAULT_LENGTH, message });
    }
  });

  it("given a message that is only a cue, asks for the last answer again at that length", () => {
    expect(readLength("tl;dr")).toEqual({ length: { form: "line" }, message: BARE_CUE_MESSAGE });
    expect(readLength("full card")).toEqual({ length: { form: "full" }, message: BARE_CUE_MESSAGE });
    for (const words of ["tell me more", "go on", "keep going, please", "more details"]) {
      expect(readLength(words)).toEqual({ length: { form: "full" }, message: BARE_CUE_MESSAGE });
    }
    expect(readLength("shorter pls")).toEqual({ length: { form: "paragraph" }, message: BARE_CUE_MESSAGE });
    expect(readLength("3 talking points")).toEqual({ length: { form: "short", points: 3 }, message: BARE_CUE_MESSAGE });
    expect(readLength("in one paragraph, please?")).toEqual({ length: { form: "paragraph" }, message: BARE_CUE_MESSAGE });
  });

  it("given --md, asks for Markdown at whatever length is asked, and alone for the last answer as Markdown", () => {
    expect(readLength("brief India --md")).toEqual({ length: { form: "short", markdown: true }, message: "brief India" });
    expect(readLength("brief India in 3 points --md")).toEqual({ length: { form: "short", points: 3, markdown: true }, message: "brief India" });
    expect(readLength("--md")).toEqual({ length: { form: "short", markdown: true }, message: BARE_CUE_MESSAGE });
    expect(readLength(markdownMessage("brief me on India"))).toEqual({ length: { form: "short", markdown: true }, message: "brief me on India" });
  });

  it("the message a More button sends reads back as the same message in full", () => {
    expect(readLength(expandMessage("brief India"))).toEqual({ length: { form: "full" }, message: "brief India" });
  });
});
