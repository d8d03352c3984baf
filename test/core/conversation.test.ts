import { describe, expect, it } from "vitest";
import { ConversationMemory } from "../../src/core/conversation.js";
import type { Origin } from "../../src/core/middleware.js";
import { errorReply, reply } from "../../src/core/reply.js";
import { MemoryStore } from "../../src/core/store.js";

const gavi = reply("partnership", { entries: [{ id: "gavi", kind: "partnership", title: "Gavi" }] });
const thread: Origin = { adapter: "slack", user: "U1", workspace: "T1", conversation: "C1:1700.1" };

describe("ConversationMemory: what a follow-up refers to", () => {
  it("given an answer about an entry, then the same user in the same conversation recalls it", async () => {
    const memory = new ConversationMemory(new MemoryStore());
    await memory.remember(thread, gavi);
    expect(await memory.recall(thread)).toMatchObject({ command: "partnership", entries: [{ id: "gavi" }] });
  });

  it("given an answer, then another user, another workspace, another thread or no conversation at all recall nothing", async () => {
    const memory = new ConversationMemory(new MemoryStore());
    await memory.remember(thread, gavi);
    for (const other of [{ user: "U2" }, { workspace: "T2" }, { conversation: "C1:1700.2" }, { adapter: "discord" }]) {
      expect(await memory.recall({ ...thread, ...other })).toBeUndefined();
    }
    const { conversation: _none, ...oneShot } = thread;
    await memory.remember(oneShot, gavi);
    expect(await memory.recall(oneShot)).toBeUndefined();
  });

  it("given a refusal or a miss after an answer, then the answer is still what is recalled", async () => {
    const memory = new ConversationMemory(new MemoryStore());
    await memory.remember(thread, gavi);
    await memory.remember(thread, errorReply("ask", { code: "too_long", message: "Too long." }));
    await memory.remember(thread, reply("ask", { title: "No match" }));
    expect((await memory.recall(thread))?.entries[0]?.id).toBe("gavi");
  });

  it("given more time than the memory keeps, then nothing is recalled", async () => {
    const clock = { now: 0 };
    const memory = new ConversationMemory(new MemoryStore(100, () => clock.now), 600_000, () => clock.now);
    await memory.remember(thread, gavi);
    clock.now = 600_000;
    expect(await memory.recall(thread)).toBeUndefined();
  });
});
