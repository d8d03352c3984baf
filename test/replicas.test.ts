/**
 * Many replicas, one behaviour: two `npm start` processes in Slack HTTP mode sharing one
 * Redis (REDIS_URL) and one LOG_SALT, behind a fake Slack on 127.0.0.1, with signed requests
 * spread over both as a load balancer would spread them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversationMemory } from "../src/core/conversation.js";
import { RedisStore } from "../src/infra/redis-store.js";
import { apiMethod, BOT_USER_ID, eventCallback, fakeSlackApi, sendEvent, SIGNING_SECRET, slashCommand, TEAM_ID, type Recorded, type Recorder } from "./adapters/slack/fakes.js";
import { recordingLogger } from "./support/app.js";
import { freePort, killAllStarted, START_TIMEOUT_MS, startMain, type MainProcess } from "./support/processes.js";
import { testRedis } from "./support/redis.js";
import { waitFor } from "./support/wait.js";

const redis = await testRedis();
const RATE_LIMIT = 5;
const LOG_SALT = "replicas-share-this-log-salt";
/** Ids of this run only, so a Redis kept between runs holds nothing that could answer for them. */
const run = randomUUID().slice(0, 8).toUpperCase();

interface Replica {
  process: MainProcess;
  url: string;
  healthUrl: string;
}

let api: Recorder;
let replicas: Replica[] = [];
/** The store as the replicas see it, read from this process. */
let shared: RedisStore;

async function startReplica(): Promise<Replica> {
  const [port, healthPort] = [await freePort(), await freePort()];
  const process = startMain({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${api.url}/api/`,
    PORT: String(port),
    HEALTH_PORT: String(healthPort),
    REDIS_URL: redis!.url,
    LOG_SALT,
    RATE_LIMIT_REQUESTS: String(RATE_LIMIT),
    RATE_LIMIT_WINDOW_SECONDS: "600",
    LOG_LEVEL: "info",
  });
  return { process, url: `http://127.0.0.1:${port}`, healthUrl: `http://127.0.0.1:${healthPort}` };
}

/** Answers at response_urls under `prefix`. */
const answersAt = (prefix: string) => api.matching((request) => request.path.startsWith(prefix));
const textOf = (request: Recorded) => JSON.stringify(request.body);

/**
 * Every request sent to either replica before this one has been handled once this one is
 * answered by both: each replica handles its requests in arrival order.
 */
async function settle(): Promise<void> {
  const path = `/settle/${randomUUID()}`;
  await Promise.all(replicas.map((replica, index) => slashCommand(replica.url, { text: "help", response_url: `${api.url}${path}/${index}`, user_id: `USETTLE${run}${index}` })));
  await waitFor(() => answersAt(path).length === replicas.length, "both replicas to answer the settling request", START_TIMEOUT_MS);
}

beforeAll(async () => {
  if (!redis) return;
  api = await fakeSlackApi();
  replicas = [await startReplica(), await startReplica()];
  shared = await RedisStore.open(redis.url, recordingLogger().log);
  for (const replica of replicas) {
    await waitFor(async () => (await fetch(`${replica.healthUrl}/readyz`).catch(() => undefined))?.ok, "/readyz to answer 200", START_TIMEOUT_MS);
  }
}, 2 * START_TIMEOUT_MS);

afterAll(async () => {
  killAllStarted();
  await Promise.all([api?.stop(), shared?.close()]);
  await redis?.stop();
});

describe.skipIf(!redis)("two replicas sharing Redis", () => {
  it("given both replicas up, then each reports Redis connected in /healthz and /metrics", async () => {
    for (const replica of replicas) {
      expect(await (await fetch(`${replica.healthUrl}/healthz`)).json()).toMatchObject({ status: "ok", store: "redis", store_connected: true });
      expect(await (await fetch(`${replica.url}/healthz`)).json()).toMatchObject({ store: "redis", store_connected: true });
      expect(await (await fetch(`${replica.healthUrl}/metrics`)).text()).toContain('attache_store_connected{store="redis"} 1');
    }
  });

  it(`given one user's ${RATE_LIMIT * 2 + 2} commands spread over both replicas, then ${RATE_LIMIT} are answered in all, one refusal is said, and the rest are silent`, async () => {
    const user = `URATE${run}`;
    const sent = await Promise.all(
      Array.from({ length: RATE_LIMIT * 2 + 2 }, (_, index) =>
        slashCommand(replicas[index % 2]!.url, { text: "gavi", response_url: `${api.url}/rate/${index}`, user_id: user }),
      ),
    );
    expect(sent.map((response) => response.status)).toEqual(sent.map(() => 200));
    await settle();
    const answers = answersAt("/rate/");
    const refusals = answers.filter((request) => textOf(request).includes("asking faster"));
    expect(answers.length - refusals.length).toBe(RATE_LIMIT);
    expect(refusals).toHaveLength(1);
    // Each replica took its half: a per-process limit would have answered up to RATE_LIMIT on each.
    const requestsLogged = replicas.map((replica) => replica.process.logs().filter((line) => line.msg === "request" && line.command !== "help"));
    expect(requestsLogged.map((lines) => lines.length)).toEqual([RATE_LIMIT + 1, RATE_LIMIT + 1]);
  });

  it("given one Slack event delivered to both replicas at once, then it is answered exactly once", async () => {
    const channel = `CREDELIVER${run}`;
    const event = eventCallback({ type: "app_mention", user: `UEVENT${run}`, text: `<@${BOT_USER_ID}> gavi`, ts: "1700000200.000100", channel, event_ts: "1700000200.000100" }, `Ev${run}`);
    const acks = await Promise.all(replicas.map((replica) => sendEvent(replica.url, event)));
    expect(acks.map((ack) => ack.status)).toEqual([200, 200]);
    await api.waitFor((request) => apiMethod("chat.postMessage")(request) && request.body.channel === channel, START_TIMEOUT_MS);
    await settle();
    expect(api.matching((request) => request.body.channel === channel)).toHaveLength(1);
    // The same signed delivery twice is caught as a replay (or, re-signed by Slack, as a redelivery): either way, once.
    const caught = replicas.flatMap((replica) =>
      replica.process.logs().filter((line) => line.msg === "event redelivered; already answered" || String(line.msg).startsWith("slack: replayed request ignored")),
    );
    expect(caught).toHaveLength(1);
  });

  it("given a mention answered by replica A, when the follow-up in the same thread lands on replica B, then B answers it about A's answer (“is it legitimate?” → Gavi)", async () => {
    const [a, b] = replicas as [Replica, Replica];
    const channel = `CTHREAD${run}`;
    const user = `UTHREAD${run}`;
    const thread = "1700000300.000100";
    await sendEvent(a.url, eventCallback({ type: "app_mention", user, text: `<@${BOT_USER_ID}> gavi`, ts: thread, channel, event_ts: thread }));
    const first = await api.waitFor((request) => apiMethod("chat.postMessage")(request) && request.body.channel === channel, START_TIMEOUT_MS);
    expect(first.body.thread_ts).toBe(thread);

    // What B's router reads before it routes the follow-up, read as B reads it: same Redis, same key.
    const origin = { adapter: "slack", user, workspace: TEAM_ID, conversation: `${channel}:${thread}` };
    const memory = new ConversationMemory(shared);
    expect((await memory.recall(origin))?.entries.map((entry) => entry.id)).toContain("gavi");

    const followUp = "1700000300.000200";
    await sendEvent(b.url, eventCallback({ type: "app_mention", user, text: `<@${BOT_USER_ID}> is it legitimate?`, ts: followUp, thread_ts: thread, channel, event_ts: followUp }));
    await waitFor(() => api.matching((request) => apiMethod("chat.postMessage")(request) && request.body.channel === channel).length === 2, "B's reply in the thread", START_TIMEOUT_MS);
    const second = api.matching((request) => request.body.channel === channel)[1]!;
    expect(second.body.thread_ts).toBe(thread);
    // B answered in that thread about what A's answer was about: Gavi's legitimacy.
    expect(b.process.logs().some((line) => line.msg === "request" && line.adapter === "slack" && line.command === "legitimacy")).toBe(true);
    expect(JSON.stringify(second.body.blocks)).toContain("Legitimacy: Gavi");
    expect((await memory.recall(origin))?.entries.length).toBeGreaterThan(0);
    // Another user in the same thread has no such memory: context is per user.
    expect(await memory.recall({ ...origin, user: `UOTHER${run}` })).toBeUndefined();
  });

  it("given one LOG_SALT, then both replicas log the same user under the same hash, and never the raw id", () => {
    const user = `URATE${run}`;
    const hashes = replicas.map((replica) => new Set(replica.process.logs().filter((line) => line.msg === "request" && line.command === "partnership").map((line) => line.user)));
    expect(hashes[0]!.size).toBeGreaterThan(0);
    expect([...hashes[0]!].some((hash) => hashes[1]!.has(hash))).toBe(true);
    for (const replica of replicas) expect(replica.process.output()).not.toContain(user);
  });
});
