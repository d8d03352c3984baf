/**
 * `npm start` as an operator runs it: the real entry point in its own process, with Slack
 * credentials, a fake Slack Web API and a fake response_url host on 127.0.0.1, signed slash
 * commands in, and SIGTERM in the middle of a burst.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeSlackApi, SIGNING_SECRET, slashCommand, type Recorder, type Sent } from "./adapters/slack/fakes.js";
import { freePort, killAllStarted, START_TIMEOUT_MS, startMain } from "./support/processes.js";
import { waitFor } from "./support/wait.js";

const BURST = 30;
/** How long answers stay held once the adapter has stopped taking requests. */
const HOLD_AFTER_SIGTERM_MS = 500;

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
  killAllStarted();
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
