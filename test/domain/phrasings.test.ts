import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { matchPhrasing, topicOf } from "../../src/domain/phrasings.js";

describe("natural phrasings of the analyst commands", () => {
  it.each([
    ["compare SEforALL and Finance in Common", "compare", "SEforALL and Finance in Common"],
    ["can you compare the Quad and AUKUS?", "compare", "the Quad and AUKUS"],
    ["SEforALL vs Finance in Common", "compare", "SEforALL vs Finance in Common"],
    ["Gavi versus SEforALL?", "compare", "Gavi vs SEforALL"],
    ["the Quad vs. AUKUS", "compare", "the Quad vs AUKUS"],
    ["What is the difference between input legitimacy and output legitimacy?", "compare", "input legitimacy vs output legitimacy"],
    ["how does Gavi compare to SEforALL?", "compare", "Gavi vs SEforALL"],
  ])("given “%s”, compares the two names", (message, command, args) => {
    expect(matchPhrasing(message)).toEqual({ command, args });
  });

  it.each([
    ["is Finance in Common legitimate?", "Finance in Common"],
    ["Is the Quad legitimate", "the Quad"],
    ["how legitimate is Gavi?", "Gavi"],
    ["what is the legitimacy of NATO?", "NATO"],
    ["assess the legitimacy of the AIIB", "the AIIB"],
    ["Gavi's legitimacy", "Gavi"],
  ])("given “%s”, assesses the legitimacy of %s", (message, args) => {
    expect(matchPhrasing(message)).toEqual({ command: "legitimacy", args });
  });

  it.each([
    ["who is in the Quad?", "the Quad"],
    ["who's in AUKUS", "AUKUS"],
    ["who are the members of NATO?", "NATO"],
    ["members of Gavi", "Gavi"],
    ["NATO members", "NATO"],
    ["Gavi's partners", "Gavi"],
  ])("given “%s”, lists the stakeholders of %s", (message, args) => {
    expect(matchPhrasing(message)).toEqual({ command: "stakeholders", args });
  });

  it.each([
    ["which partnerships address climate change?", "threats", "climate change"],
    ["what partnerships tackle food insecurity", "threats", "food insecurity"],
    ["partnerships on energy", "threats", "energy"],
    ["list the threats", "threats", ""],
    ["partnerships for SDG 7", "sdg", "SDG 7"],
    ["which partnerships work on sdg 13?", "sdg", "sdg 13"],
    ["SDG7", "sdg", "7"],
    ["which SDGs have no partnerships?", "sdg", "gaps"],
    ["list the SDGs", "sdg", ""],
  ])("given “%s”, maps partnerships by threat or SDG (%s %s)", (message, command, args) => {
    expect(matchPhrasing(message)).toEqual({ command, args });
  });

  it.each([
    ["brief me on India", "India"],
    ["give me a briefing on climate", "climate"],
    ["prepare a brief on Gavi, please", "Gavi"],
    ["talking points on multialignment", "multialignment"],
    ["I'm preparing for a meeting with Jaishankar", "Jaishankar"],
  ])("given “%s”, prepares a brief on %s", (message, args) => {
    expect(matchPhrasing(message)).toEqual({ command: "brief", args });
  });

  it.each([
    "what is multialignment?",
    "who is Jaishankar?",
    "tell me about the Quad",
    "input legitimacy",
    "thanks",
    "which partnerships address cybersecurity?",
    "",
  ])("leaves “%s” to the question command", (message) => {
    expect(matchPhrasing(message)).toBeUndefined();
  });

  it("only ever names commands that exist", () => {
    const names = new Set(commands.map((command) => command.name));
    const messages = ["A vs B", "is X legitimate", "who is in X", "which partnerships address terrorism", "sdg 3", "brief me on X"];
    for (const message of messages) expect(names).toContain(matchPhrasing(message)?.command);
  });
});

describe("a command's argument without its lead-in words", () => {
  it.each([
    ["me on India", "India"],
    ["of the Quad", "the Quad"],
    ["between Gavi and SEforALL", "Gavi and SEforALL"],
    ["about climate?", "climate"],
    ["Gavi", "Gavi"],
  ])("given “%s”, the topic is “%s”", (args, topic) => {
    expect(topicOf(args)).toBe(topic);
  });
});
