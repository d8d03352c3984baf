import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { defineCommand } from "../../src/core/command.js";
import { Registry } from "../../src/core/registry.js";
import { reply } from "../../src/core/reply.js";

const command = (name: string, aliases: string[] = []) =>
  defineCommand({ name, aliases, usage: name, summary: name, examples: [], handler: () => reply(name) });

describe("the command registry", () => {
  it("accepts the shipped command list and finds commands by name or alias, in any case", () => {
    const registry = new Registry(commands);
    expect(registry.find("ORG")?.name).toBe("partnership");
    expect(registry.find("who")?.name).toBe("actor");
    expect(registry.find("nonsense")).toBeUndefined();
  });

  it("rejects two commands with the same name at load", () => {
    expect(() => new Registry([command("search"), command("search")])).toThrow(/"search" is claimed by both/);
  });

  it("rejects an alias that clashes with another command's name or alias", () => {
    expect(() => new Registry([command("search", ["find"]), command("find")])).toThrow(/"find"/);
    expect(() => new Registry([command("a", ["x"]), command("b", ["x"])])).toThrow(/"x" is claimed by both "a" and "b"/);
  });

  it("rejects command words that a user could not type as one word", () => {
    expect(() => new Registry([command("two words")])).toThrow(/must be lowercase/);
  });

  it("hides hidden commands from help and completion but still finds them", () => {
    const registry = new Registry(commands);
    expect(registry.visible.map((definition) => definition.name)).not.toContain("ask");
    expect(registry.words).not.toContain("ask");
    expect(registry.find("ask")?.name).toBe("ask");
  });
});
