import { describe, expect, it } from "vitest";
import { stripBotMention } from "../../../src/adapters/slack/handlers.js";
import { RecentIds } from "../../../src/adapters/slack/recent-ids.js";

describe("RecentIds: remembering delivered events in bounded memory", () => {
  it("given an id seen before, then add says so", () => {
    const ids = new RecentIds(3);
    expect(ids.add("Ev1")).toBe(true);
    expect(ids.add("Ev1")).toBe(false);
  });

  it("given more ids than it holds, then it forgets the oldest first and never grows past its capacity", () => {
    const ids = new RecentIds(3);
    for (const id of ["Ev1", "Ev2", "Ev3", "Ev4"]) ids.add(id);
    expect(ids.size).toBe(3);
    expect(ids.add("Ev4")).toBe(false);
    expect(ids.add("Ev1")).toBe(true);
  });
});

describe("stripBotMention: what the user asked, without the mention that called the bot", () => {
  it("given the bot's id, then only its mentions go, wherever they are", () => {
    expect(stripBotMention("<@UBOT> what is <@UANA> up to?", "UBOT")).toBe("what is <@UANA> up to?");
    expect(stripBotMention("gavi <@UBOT|attache>", "UBOT")).toBe("gavi");
  });

  it("given no bot id, then a leading mention goes and later ones stay", () => {
    expect(stripBotMention("  <@UBOT> gavi <@UANA>", undefined)).toBe("gavi <@UANA>");
  });
});
