import { describe, expect, it } from "vitest";
import { defineCommand } from "../../src/core/command.js";
import { allowlist, redelivery, requiredArgument, type Middleware, type Origin } from "../../src/core/middleware.js";
import { reply } from "../../src/core/reply.js";
import { Router } from "../../src/core/router.js";
import { MemoryStore } from "../../src/core/store.js";
import { KnowledgeBase } from "../../src/knowledge/base.js";
import { recordingLogger } from "../support/app.js";

const calls: string[] = [];
const echo = defineCommand({
  name: "echo",
  aliases: [],
  usage: "echo <words>",
  summary: "Says the words back.",
  examples: ["echo hello"],
  argument: { name: "words", description: "Words", required: true },
  handler: ({ args }) => {
    calls.push(args);
    return reply("echo", { sections: [{ text: args }] });
  },
});
const help = defineCommand({ name: "help", aliases: [], usage: "help", summary: "Help.", examples: [], handler: () => reply("help") });

function routerWith(middlewares: Middleware[]) {
  const logger = recordingLogger();
  const router = new Router([help, echo], () => new KnowledgeBase([]), logger.log, {
    emptyCommand: "help",
    fallbackCommand: "help",
    middlewares,
    routedMiddlewares: [requiredArgument],
  });
  return { router, logger };
}

describe("the middleware chain", () => {
  it("given several middlewares, then they run in order around the command, and one that answers stops the rest", async () => {
    const seen: string[] = [];
    const tag = (name: string): Middleware => async (_turn, next) => {
      seen.push(`${name} in`);
      const result = await next();
      seen.push(`${name} out`);
      return result;
    };
    const stop: Middleware = async () => reply("stopped");
    const { router } = routerWith([tag("a"), tag("b")]);
    expect((await router.handle("echo hi")).sections[0]?.text).toBe("hi");
    expect(seen).toEqual(["a in", "b in", "b out", "a out"]);
    expect((await routerWith([stop, tag("never")]).router.handle("echo hi")).command).toBe("stopped");
    expect(seen).not.toContain("never in");
  });

  it("given a command that declares a required argument, when it is called without one, then its usage line is the reply and the handler never runs", async () => {
    calls.length = 0;
    const answer = await routerWith([]).router.handle("echo");
    expect(answer).toMatchObject({ ok: false, error: { code: "missing_argument", message: "Usage: echo <words>, for example: echo hello" } });
    expect(calls).toEqual([]);
  });
});

describe("allowlist", () => {
  const list = allowlist({ adapter: "slack", allowed: ["T1"], refusalText: () => "Not enabled here." }, recordingLogger().log);
  const from = (origin: Partial<Origin>): Origin => ({ adapter: "slack", user: "U1", ...origin });

  it("given a workspace on the list, or another adapter, then the message is answered", async () => {
    const { router } = routerWith([list]);
    expect((await router.handle("echo hi", from({ workspace: "T1" }))).ok).toBe(true);
    expect((await router.handle("echo hi", { adapter: "discord", user: "U1", workspace: "G9" })).ok).toBe(true);
  });

  it("given a workspace off the list, then a person waiting is told, and a mention is refused in silence; both are logged", async () => {
    const logger = recordingLogger();
    const { router } = routerWith([allowlist({ adapter: "slack", allowed: ["T1"], refusalText: () => "Not enabled here." }, logger.log)]);
    const told = await router.handle("echo hi", from({ workspace: "T2", interactive: true }));
    expect(told).toMatchObject({ ok: false, error: { code: "not_allowed", message: "Not enabled here." } });
    expect(told.silent).toBeUndefined();
    expect((await router.handle("echo hi", from({ workspace: "T2", interactive: false }))).silent).toBe(true);
    expect(logger.lines.filter((line) => line.msg === "request from a workspace or server outside the allowlist")).toHaveLength(2);
  });
});

describe("redelivery", () => {
  it("given the same event id twice, then it is answered once and the second delivery is silent and logged", async () => {
    calls.length = 0;
    const logger = recordingLogger();
    const { router } = routerWith([redelivery(new MemoryStore(), 60_000, logger.log)]);
    const origin: Origin = { adapter: "slack", user: "U1", eventId: "Ev1" };
    expect((await router.handle("echo once", origin)).silent).toBeUndefined();
    expect((await router.handle("echo once", origin)).silent).toBe(true);
    expect(calls).toEqual(["once"]);
    expect(logger.lines.some((line) => line.msg === "event redelivered; already answered" && line.eventId === "Ev1")).toBe(true);
  });
});
