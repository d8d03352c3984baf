import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { Registry } from "../../../src/core/registry.js";
import type { KnowledgeBase } from "../../../src/knowledge/base.js";
import { completionKinds, completions, slashCommands, slashMessage } from "../../../src/adapters/discord/slash-commands.js";
import { realKnowledge } from "../../support/app.js";

const visible = new Registry(commands).visible;

describe("slash commands are the messages a user would type", () => {
  it("given /attache, then its message is run as typed; given /concept name:X, then 'concept X' is run", () => {
    expect(slashMessage("attache", "what is multialignment?")).toBe("what is multialignment?");
    expect(slashMessage("concept", "multialignment")).toBe("concept multialignment");
    expect(slashMessage("help", null)).toBe("help");
  });

  it("given the command definitions, then every visible command with an argument gets one, after /attache", () => {
    const names = slashCommands(visible).map((command) => command.name);
    expect(names[0]).toBe("attache");
    expect(names.slice(1)).toEqual(visible.filter((command) => command.argument).map((command) => command.name));
    expect(completionKinds(visible, "concept")).toEqual(["concept"]);
    expect(completionKinds(visible, "attache")).toBeUndefined();
  });
});

describe("autocomplete of entry titles from the real knowledge base", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await realKnowledge();
  });

  it("given nothing typed yet, then up to 25 titles of the wanted kind, in alphabetical order", () => {
    const choices = completions(kb, "", ["concept"]);
    const concepts = kb.ofKind("concept").map((entry) => entry.title);
    expect(choices.length).toBe(Math.min(25, concepts.length));
    expect(choices.map((choice) => choice.name)).toEqual([...concepts].sort((a, b) => a.localeCompare(b)).slice(0, 25));
  });

  it("given a name typed partly or with a typo, then that entry comes first", () => {
    expect(completions(kb, "multialig", ["concept"])[0]?.name).toBe("Multialignment");
    expect(completions(kb, "multialignmnet", ["concept"])[0]?.name).toBe("Multialignment");
    expect(completions(kb, "qu", ["partnership"])[0]?.name).toBe("Quadrilateral Security Dialogue");
  });

  it("given any kind wanted (an empty list), then entries of every kind can complete", () => {
    const kinds = new Set(completions(kb, "", []).map((choice) => kb.entries.find((entry) => entry.title === choice.value)?.kind));
    expect(kinds.size).toBeGreaterThan(1);
  });

  it("given any input, then at most 25 choices, each name and value within 100 characters", () => {
    for (const typed of ["a", "the", "x".repeat(200), "@everyone", "legitimacy"]) {
      const choices = completions(kb, typed, []);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
