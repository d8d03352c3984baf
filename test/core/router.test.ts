import { describe, expect, it } from "vitest";
import { defineCommand, type CommandDefinition, type CommandRequest } from "../../src/core/command.js";
import { UserError } from "../../src/core/errors.js";
import { hashUser } from "../../src/core/log.js";
import { MAX_MESSAGE_LENGTH } from "../../src/core/parse.js";
import { lengthCap, rateLimit, type Middleware } from "../../src/core/middleware.js";
import { reply } from "../../src/core/reply.js";
import { Router, type Interpretation } from "../../src/core/router.js";
import { MemoryStore } from "../../src/core/store.js";
import { KnowledgeBase } from "../../src/knowledge/base.js";
import { recordingLogger } from "../support/app.js";

/** Commands that echo what they were given, so routing is visible in the reply. */
const echo = (name: string, aliases: string[] = [], run?: (args: string) => void): CommandDefinition =>
  defineCommand({
    name,
    aliases,
    usage: name,
    summary: name,
    examples: [],
    handler: ({ args }) => {
      run?.(args);
      return reply(name, { sections: [{ text: args }] });
    },
  });

/** A stand-in for the understanding step: a few fixed readings, and nothing for a command word's argument. */
function interpret(message: string, _previous: unknown, only?: string): Interpretation | undefined {
  if (only) return undefined;
  const legitimate = /^is (.+) legitimate\??$/i.exec(message);
  if (legitimate) return { command: "legitimacy", args: legitimate[1] ?? "" };
  if (/ vs /i.test(message)) return { command: "compare", args: message };
  const members = /^who is in (.+?)\??$/i.exec(message);
  return members ? { command: "stakeholders", args: members[1] ?? "" } : undefined;
}

const roles = { emptyCommand: "help", fallbackCommand: "ask", interpret };

function router(extra: CommandDefinition[] = [], middlewares: Middleware[] = [lengthCap(MAX_MESSAGE_LENGTH)]) {
  const logger = recordingLogger();
  const kb = new KnowledgeBase([]);
  const commands = [echo("help"), echo("ask"), echo("search", ["find"]), ...extra];
  return { router: new Router(commands, () => kb, logger.log, { ...roles, middlewares }), logger };
}

describe("routing a message", () => {
  it("given a command word or alias, runs that command with the rest as arguments", async () => {
    const { router: r } = router();
    const answer = await r.handle("FIND vaccine alliance");
    expect(answer.command).toBe("search");
    expect(answer.sections[0]?.text).toBe("vaccine alliance");
  });

  it("given an unknown first word, treats the whole message as a question", async () => {
    const { router: r } = router();
    const answer = await r.handle("what is multialignment?");
    expect(answer.command).toBe("ask");
    expect(answer.sections[0]?.text).toBe("what is multialignment?");
  });

  it("given an empty or invisible-only message, answers with help", async () => {
    const { router: r } = router();
    expect((await r.handle("   ")).command).toBe("help");
    expect((await r.handle("\u200b\u202e")).command).toBe("help");
  });

  it("refuses an over-long message politely without running any command", async () => {
    let ran = false;
    const { router: r } = router([echo("concept", [], () => (ran = true))]);
    const answer = await r.handle(`concept ${"x".repeat(MAX_MESSAGE_LENGTH + 1)}`);
    expect(answer).toMatchObject({ ok: false, error: { code: "too_long" } });
    expect(ran).toBe(false);
  });

  it("turns a user error into a coded error reply with its own message", async () => {
    const failing = defineCommand({
      ...echo("concept"),
      handler: () => {
        throw new UserError("missing_argument", "Usage: concept <name>");
      },
    });
    const { router: r } = router([failing]);
    expect(await r.handle("concept")).toMatchObject({
      ok: false,
      command: "concept",
      error: { code: "missing_argument", message: "Usage: concept <name>" },
    });
  });

  it("answers a bug with a generic apology and an error id, and logs the stack under that id", async () => {
    const buggy = defineCommand({
      ...echo("concept"),
      handler: () => {
        throw new TypeError("cannot read properties of undefined (secret internals)");
      },
    });
    const { router: r, logger } = router([buggy]);
    const answer = await r.handle("concept gavi", { adapter: "test" });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe("internal");
    expect(answer.error?.message).not.toMatch(/secret internals|TypeError|at /);
    const id = /error id (\w+)/.exec(answer.error?.message ?? "")?.[1];
    expect(id).toBeDefined();
    const logged = logger.lines.find((line) => line.errorId === id);
    expect(logged).toMatchObject({ level: 50, command: "concept", adapter: "test" });
    expect(JSON.stringify(logged)).toMatch(/secret internals/);
  });

  it("logs one line per request with adapter, command, outcome and latency, and the text only at debug", async () => {
    const { router: r, logger } = router();
    await r.handle("search nato", { adapter: "repl", user: "abc123" });
    const request = logger.lines.find((line) => line.msg === "request");
    expect(request).toMatchObject({ level: 30, adapter: "repl", user: hashUser("repl", "abc123"), command: "search", outcome: "no_match" });
    expect(JSON.stringify(logger.lines)).not.toMatch(/abc123/);
    expect(typeof request?.ms).toBe("number");
    expect(JSON.stringify(request)).not.toMatch(/nato/);
    expect(logger.lines.find((line) => line.msg === "request text")).toMatchObject({ level: 20, text: "search nato" });
  });

  it("refuses to start without the commands named for empty messages and questions", () => {
    expect(() => new Router([echo("help")], () => new KnowledgeBase([]), recordingLogger().log, roles)).toThrow(/"ask"/);
  });
});

describe("rate limiting chat users", () => {
  const clock = { now: 0 };
  const limited = () => router([], [rateLimit(new MemoryStore(100, () => clock.now), { capacity: 3, windowMs: 30_000 })]).router;

  it("answers up to the limit, then says once to slow down, then stays silent until the bucket refills", async () => {
    clock.now = 0;
    const r = limited();
    const user = { adapter: "slack", user: "U1" };
    for (let index = 0; index < 3; index += 1) expect((await r.handle("search nato", user)).ok).toBe(true);
    const refusal = await r.handle("search nato", user);
    expect(refusal).toMatchObject({ ok: false, error: { code: "rate_limited", message: expect.stringMatching(/wait about 10 s/) } });
    expect(refusal.silent).toBeUndefined();
    expect((await r.handle("search nato", user)).silent).toBe(true);
    clock.now = 10_000;
    expect((await r.handle("search nato", user)).ok).toBe(true);
  });

  it("keeps a separate bucket per user and never limits the trusted REPL", async () => {
    clock.now = 0;
    const r = limited();
    for (let index = 0; index < 3; index += 1) await r.handle("help", { adapter: "discord", user: "A" });
    expect((await r.handle("help", { adapter: "discord", user: "B" })).ok).toBe(true);
    for (let index = 0; index < 20; index += 1) expect((await r.handle("help", { adapter: "repl" })).ok).toBe(true);
  });
});

describe("messages in plain words (through the understanding step)", () => {
  const named = (...names: string[]) => names.map((name) => echo(name));
  const phrased = () => router(named("compare", "legitimacy", "stakeholders", "actor")).router;

  it("sends a phrasing without a command word to the command it names", async () => {
    const r = phrased();
    expect(await r.handle("is Gavi legitimate?")).toMatchObject({ command: "legitimacy", sections: [{ text: "Gavi" }] });
    expect(await r.handle("SEforALL vs Finance in Common")).toMatchObject({ command: "compare", sections: [{ text: "SEforALL vs Finance in Common" }] });
  });

  it("lets a question word that is also a command alias start a phrasing", async () => {
    const r = router([echo("actor", ["who"]), ...named("stakeholders")]).router;
    expect(await r.handle("who is in the Quad?")).toMatchObject({ command: "stakeholders" });
    // Not understood, the question goes whole to the question command, not to "actor" as "is Jaishankar?".
    expect(await r.handle("who is Jaishankar?")).toMatchObject({ command: "ask", sections: [{ text: "who is Jaishankar?" }] });
  });

  it("keeps an explicit command word's meaning even when the rest looks like a phrasing", async () => {
    const r = phrased();
    expect(await r.handle("search gavi vs nato")).toMatchObject({ command: "search", sections: [{ text: "gavi vs nato" }] });
  });
});

describe("length cues", () => {
  it("given a cue, the router routes the message without it and hands the length to the command", async () => {
    const seen: CommandRequest[] = [];
    const spy = defineCommand({ name: "brief", aliases: [], usage: "brief", summary: "brief", examples: [], handler: (request) => (seen.push(request), reply("brief")) });
    const { router: r } = router([spy]);
    await r.handle("tl;dr brief India");
    await r.handle("brief India in 3 points");
    await r.handle("brief India");
    expect(seen.map(({ args, message, length }) => ({ args, message, length }))).toEqual([
      { args: "India", message: "brief India", length: { form: "line" } },
      { args: "India", message: "brief India", length: { form: "short", points: 3 } },
      { args: "India", message: "brief India", length: { form: "short" } },
    ]);
  });
});

