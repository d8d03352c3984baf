/**
 * The understanding step, phrase by phrase: which command a message means and what it is
 * about. The labelled sets (understanding.test.ts) measure it broadly; these pin down the
 * rules one at a time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Recollection } from "../../src/core/conversation.js";
import { topicOf } from "../../src/domain/phrasings.js";
import { Interpreter } from "../../src/domain/understanding/interpret.js";
import { readWords } from "../../src/domain/understanding/lexicon.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { realKnowledge } from "../support/app.js";

let kb: KnowledgeBase;
let interpreter: Interpreter;
beforeAll(async () => {
  kb = await realKnowledge();
  interpreter = new Interpreter(commands, () => kb);
});

const read = (message: string, previous?: Recollection) => interpreter.interpret(message, previous);
const after = (command: string, ...ids: string[]): Recollection => ({
  command,
  entries: ids.map((id) => ({ id, kind: kb.get(id)?.kind ?? "concept", title: kb.get(id)?.title ?? id })),
  reply: { ok: true, command, sections: [], fields: [], entries: [], suggestions: [], sources: [] },
  at: Date.now(),
});

describe("reading a message as English words", () => {
  it.each([
    ["What's the Quad?", "what is the quad"],
    ["who's in AUKUS", "who is in aukus"],
    ["NATO's target", "nato target"],
    ["Qu'est-ce que le multialignement ?", "what is multialignment"],
    ["¿Quién es Jaishankar?", "who is jaishankar"],
    ["the UN and the US", "the united nations and the united states"],
    ["SDG7", "sdg 7"],
    ["COP28", "cop"],
  ])("given “%s”, the words are “%s”", (message, words) => {
    expect(readWords(message).join(" ")).toBe(words);
  });
});

describe("the command a message means", () => {
  it.each([
    ["compare SEforALL and Finance in Common", "compare", ["seforall", "finance-in-common"]],
    ["can you compare the Quad and AUKUS?", "compare", ["quad", "aukus"]],
    ["Gavi versus SEforALL?", "compare", ["gavi", "seforall"]],
    ["What is the difference between input legitimacy and output legitimacy?", "compare", ["input-legitimacy", "output-legitimacy"]],
    ["input and output legitimacy: how do they differ", "compare", ["input-legitimacy", "output-legitimacy"]],
    ["is Finance in Common legitimate?", "legitimacy", ["finance-in-common"]],
    ["how legitimate is Gavi?", "legitimacy", ["gavi"]],
    ["Gavi's legitimacy", "legitimacy", ["gavi"]],
    ["who's in AUKUS", "stakeholders", ["aukus"]],
    ["who are the members of NATO?", "stakeholders", ["nato"]],
    ["who funds gavi", "stakeholders", ["gavi"]],
    ["brief me on India", "brief", ["india"]],
    ["talking points on multialignment", "brief", ["multialignment"]],
    ["when was the AIIB founded?", "fact", ["aiib"]],
    ["whats multialignment", "concept", ["multialignment"]],
    ["our minister asked me about the aiib yesterday", "partnership", ["aiib"]],
    ["gavi dress code?", "clarify", ["gavi"]],
  ])("given “%s”, then it is %s about %j", (message, command, subjects) => {
    expect(read(message)).toMatchObject({ command, subjects });
  });

  it.each([
    ["which partnerships address climate change?", "threats", "climate-change"],
    ["what partnerships tackle food insecurity", "threats", "food-insecurity"],
    ["SDG7", "sdg", "7"],
    ["which SDGs have no partnerships?", "sdg", "gaps"],
    ["which partnerships include philanthropies", "filter", "sector:philanthropy"],
    ["partnerships on climate that leave the US out", "filter", "threat:climate-change us_role:outside"],
  ])("given “%s”, then it is %s with “%s”", (message, command, args) => {
    expect(read(message)).toMatchObject({ command, args });
  });

  it.each(["what is the weather in Geneva?", "thanks", "usd to jpy", "which partnerships address cybersecurity?", ""])(
    "given “%s”, then nothing is recognised and the message is left to search",
    (message) => {
      expect(read(message)).toBeUndefined();
    },
  );

  it("given two questions in one message, then both are read, the second in the light of the first", () => {
    expect(read("what is the quad and who's in it")).toMatchObject({ command: "partnership", subjects: ["quad"], then: { command: "stakeholders", subjects: ["quad"] } });
  });

  it("only ever names commands that exist", () => {
    const names = new Set(commands.map((command) => command.name));
    for (const message of ["A vs B", "is Gavi legit", "who is in the Quad", "which partnerships address terrorism", "sdg 3", "brief me on India"]) {
      const command = read(message)?.command;
      if (command !== undefined) expect(names).toContain(command);
    }
  });
});

describe("follow-ups", () => {
  it("given “it” after an answer about Gavi, then the question is about Gavi", () => {
    expect(read("and who funds it?", after("partnership", "gavi"))).toMatchObject({ command: "stakeholders", subjects: ["gavi"] });
  });

  it("given “and X?” after a question, then the same question is asked about X", () => {
    expect(read("and the quad?", after("stakeholders", "aukus"))).toMatchObject({ command: "stakeholders", subjects: ["quad"] });
  });

  it("given “what about output?” after input legitimacy, then the word is swapped into the last name", () => {
    expect(read("what about output?", after("concept", "input-legitimacy"))).toMatchObject({ command: "concept", subjects: ["output-legitimacy"] });
  });

  it("given “it” with nothing before it, then it asks which, and remembers what it was asked", () => {
    expect(read("is it legitimate?")).toMatchObject({ command: "clarify", args: "awaiting:legitimacy" });
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
