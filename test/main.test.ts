/**
 * `npm start` as an operator runs it: the real entry point in its own process, with Slack
 * credentials, a fake Slack Web API and a fake response_url host on 127.0.0.1, signed slash
 * commands in, and SIGTERM in the middle of a burst.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { fakeSlackApi, SIGNING_SECRET, slashCommand, type Recorder, type Sent } from "./adapters/slack/fakes.js";
import { waitFor } from "./support/wait.js";

/**
 * src/main.ts as `npm start` runs it: node with tsx as a loader, one process. (The `tsx` CLI
 * would be a second process relaying SIGTERM, which SIGKILLs the app if it has not confirmed
 * the signal within about 60 ms, as a busy app under a burst often cannot.)
 */
const MAIN = ["--import", "tsx", path.join(PROJECT_ROOT, "src", "main.ts")];
const BURST = 30;
/** How long answers stay held once the adapter has stopped taking requests. */
const HOLD_AFTER_SIGTERM_MS = 500;
/** Starting node with tsx and loading the knowledge base takes a few seconds on a busy 2-core machine. */
const START_TIMEOUT_MS = 15_000;

/** Set, but empty, so that a developer's .env cannot add credentials or settings (dotenv never overrides). */
const NOTHING_FROM_DOTENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  SLACK_APP_TOKEN: "",
  SLACK_API_URL: "",
  SLACK_ALLOWED_TEAMS: "",
  DISCORD_TOKEN: "",
  DISCORD_APPLICATION_ID: "",
  KNOWLEDGE_DIR: "",
};

/** A port nothing listens on: the child is told it with PORT, since PORT=0 could not be found from outside. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when it exited. */
  at: number;
}

interface MainProcess {
  kill(signal: NodeJS.Signals): void;
  /** Everything it printed, stdout and stderr, in order of arrival. */
  output(): string;
  /** Its JSON log lines, parsed. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<Exit>;
}

/** Every process started, so that none outlives the tests. */
const running: Array<ReturnType<typeof spawn>> = [];

function startMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, MAIN, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...NOTHING_FROM_DOTENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  let exitedAt = 0;
  child.once("exit", () => (exitedAt = performance.now()));
  // "close" comes once its output has been read to the end as well.
  const exited = new Promise<Exit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal, at: exitedAt })));
  running.push(child);
  return {
    kill: (signal) => child.kill(signal),
    output: () => output,
    logs: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  };
}

/** The fake Slack, which also serves response_urls. */
let api: Recorder;
/** It holds every answer at a response_url until this opens, so answers are surely in flight at SIGTERM. */
let releaseAnswers: () => void = () => undefined;
const answersReleased = new Promise<void>((resolve) => (releaseAnswers = resolve));

beforeAll(async () => {
  api = await fakeSlackApi(undefined, () => answersReleased);
});

afterAll(async () => {
  releaseAnswers();
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await api?.stop();
});

describe("npm start with Slack credentials", () => {
  it(
    "given a burst of slash commands, when SIGTERM arrives while their answers are in flight, then every acked command is answered at its response_url, the shutdown is logged and the exit code is 0",
    async () => {
      const port = await freePort();
      const main = startMain({
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `${api.url}/api/`,
        PORT: String(port),
        LOG_LEVEL: "info",
      });
      const appUrl = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${appUrl}/healthz`).catch(() => undefined))?.ok, "/healthz to answer 200", START_TIMEOUT_MS);

      // One user each: the router's per-user rate limit (default 10 per 30 s) must not silence any of them.
      // Settled as they come: a command sent after the listener closed is refused, which is fine.
      const burst = Promise.allSettled(
        Array.from({ length: BURST }, (_, index) =>
          slashCommand(appUrl, { text: index % 2 ? "gavi" : "what is multialignment?", response_url: `${api.url}/burst/${index}`, user_id: `UBURST${index}` }),
        ),
      );
      await api.waitFor((request) => request.path.startsWith("/burst/"), START_TIMEOUT_MS);
      main.kill("SIGTERM");
      const closing = await waitFor(() => main.logs().find((line) => line.msg === "slack adapter taking no new requests; finishing those in flight"), "the adapter to stop taking requests", START_TIMEOUT_MS);
      const heldAtShutdown = api.matching((request) => request.path.startsWith("/burst/")).length;
      // Long enough for a process that did not wait for its answers to have exited already.
      await new Promise((resolve) => setTimeout(resolve, HOLD_AFTER_SIGTERM_MS));
      const releasedAt = performance.now();
      releaseAnswers();

      const sent = await burst;
      const exit = await main.exited;
      const acked = sent.flatMap((result, index) => (result.status === "fulfilled" && result.value.status === 200 ? [index] : []));
      const answeredAt = (index: number) => api.matching((request) => request.path === `/burst/${index}`);

      expect(exit).toMatchObject({ code: 0, signal: null });
      // Answers were on their way when it stopped taking requests.
      expect(closing.inFlight).toBeGreaterThan(0);
      expect(heldAtShutdown).toBeGreaterThan(0);
      for (const index of acked) expect(answeredAt(index), `answers for acked command ${index}`).toHaveLength(1);
      // A command is either acked 200, or was never taken (its connection refused once the listener closed).
      const notAcked = sent.filter((result): result is PromiseFulfilledResult<Sent> => result.status === "fulfilled" && result.value.status !== 200);
      expect(notAcked).toEqual([]);
      // It waited for the held answers rather than exiting on them.
      expect(exit.at).toBeGreaterThan(releasedAt);
      const messages = main.logs().map((line) => line.msg);
      expect(messages).toEqual(expect.arrayContaining(["Attaché is running", "shutting down: finishing in-flight replies", "slack adapter stopped", "stopped"]));
      expect(messages.indexOf("shutting down: finishing in-flight replies")).toBeLessThan(messages.indexOf("stopped"));
      expect(messages).not.toContain("shutdown grace period over");
      expect(main.logs().filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(main.output()).not.toContain(SIGNING_SECRET);
    },
    30_000,
  );

  it("given SLACK_BOT_TOKEN without SLACK_SIGNING_SECRET, then it refuses to start and names the variable to set", async () => {
    const port = await freePort();
    const main = startMain({ SLACK_BOT_TOKEN: "xoxb-test-token", PORT: String(port) });
    const exit = await main.exited;
    expect(exit.code).toBe(1);
    expect(main.output()).toContain("Attaché cannot start");
    expect(main.output()).toContain("SLACK_SIGNING_SECRET");
    expect(main.output()).not.toContain("starting the local REPL");
    expect(main.logs().map((line) => line.msg)).not.toContain("slack adapter started");
  });

  it("(item 7) given only SLACK_SIGNING_SECRET, then it refuses to start and names SLACK_BOT_TOKEN, rather than quietly starting the REPL", async () => {
    const main = startMain({ SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(await freePort()) });
    const exit = await main.exited;
    expect(exit.code).toBe(1);
    expect(main.output()).toContain("Attaché cannot start. Set SLACK_BOT_TOKEN");
    expect(main.output()).not.toContain("starting the local REPL");
  });
});
