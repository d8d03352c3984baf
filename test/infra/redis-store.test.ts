/**
 * RedisStore keeps MemoryStore's promises (test/core/store.test.ts) against a real Redis,
 * across several clients at once, and keeps answering while Redis is away.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/infra/redis-store.js";
import { ConversationMemory } from "../../src/core/conversation.js";
import { reply } from "../../src/core/reply.js";
import { recordingLogger } from "../support/app.js";
import { freePort } from "../support/processes.js";
import { OwnedRedis, testRedis } from "../support/redis.js";
import { waitFor } from "../support/wait.js";

const redis = await testRedis();
/** A server of this file's own, to stop and start again (needs redis-server on PATH, as in CI). */
const owned = redis ? await OwnedRedis.start() : undefined;
const opened: RedisStore[] = [];

/** A store on the shared server, under keys of its own so that test files do not meet. */
async function openStore(url = redis?.url ?? "", keyPrefix = `test:${randomUUID()}:`, logger = recordingLogger()): Promise<RedisStore> {
  const store = await RedisStore.open(url, logger.log, { keyPrefix });
  opened.push(store);
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await Promise.all([redis?.stop(), owned?.stop()]);
});

describe.skipIf(!redis)("RedisStore: the Store shared by replicas", () => {
  it("given a value with a time to live, then it reads back until it expires, then reads as absent", async () => {
    const store = await openStore();
    await store.set("k", "v", 200);
    expect(await store.get("k")).toBe("v");
    await sleep(300);
    expect(await store.get("k")).toBeUndefined();
  });

  it("given setIfAbsent twice on one key, then only the first call sets it, and it can be set again once expired", async () => {
    const store = await openStore();
    expect(await store.setIfAbsent("event:1", "1", 200)).toBe(true);
    expect(await store.setIfAbsent("event:1", "1", 200)).toBe(false);
    await sleep(300);
    expect(await store.setIfAbsent("event:1", "1", 200)).toBe(true);
  });

  it("given a token bucket, then it allows a burst of its capacity, refuses once with a retry time, then silently, and refills over its window", async () => {
    const store = await openStore();
    // Two tokens per 600 ms: one token comes back every 300 ms.
    const bucket = { capacity: 2, windowMs: 600 };
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
    const refused = await store.take("rate:u", bucket);
    expect(refused).toMatchObject({ allowed: false, firstRefusal: true });
    expect(refused.allowed === false && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterMs).toBeLessThanOrEqual(300);
    expect(await store.take("rate:u", bucket)).toMatchObject({ allowed: false, firstRefusal: false });
    await sleep(350);
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
    // Allowed again, so the next refusal is worth saying again.
    expect(await store.take("rate:u", bucket)).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it("given many clients taking from one bucket at once, then exactly its capacity is allowed and exactly one refusal is said", async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const clients = await Promise.all([openStore(undefined, keyPrefix), openStore(undefined, keyPrefix), openStore(undefined, keyPrefix)]);
    const bucket = { capacity: 10, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, index) => clients[index % clients.length]!.take("rate:slack:U1", bucket)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    expect(decisions.filter((decision) => !decision.allowed && decision.firstRefusal)).toHaveLength(1);
  });

  it("given many clients claiming one event id at once, then exactly one claim wins", async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const clients = await Promise.all([openStore(undefined, keyPrefix), openStore(undefined, keyPrefix)]);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, index) => clients[index % 2]!.setIfAbsent("event:slack:Ev1", "1", 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("given an answer remembered through one client, then a conversation memory on another client recalls it", async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const [replicaA, replicaB] = await Promise.all([openStore(undefined, keyPrefix), openStore(undefined, keyPrefix)]);
    const origin = { adapter: "slack", user: "UANA", workspace: "T1", conversation: "C1:1700000000.000100" };
    const answer = { ...reply("show"), entries: [{ id: "gavi", kind: "partnership" as const, title: "Gavi, the Vaccine Alliance" }] };
    await new ConversationMemory(replicaA).remember(origin, answer);
    expect(await new ConversationMemory(replicaB).recall(origin)).toMatchObject({ command: "show", entries: [{ id: "gavi" }] });
    expect(await new ConversationMemory(replicaB).recall({ ...origin, user: "UBEN" })).toBeUndefined();
  });
});

describe("RedisStore when Redis is away", () => {
  it("given a REDIS_URL nothing answers at, then it starts anyway, answers from memory, and logs the outage once", async () => {
    const logger = recordingLogger();
    const store = await openStore(`redis://127.0.0.1:${await freePort()}`, undefined, logger);
    expect(store.connected).toBe(false);
    const bucket = { capacity: 2, windowMs: 60_000 };
    const decisions = [];
    for (let request = 0; request < 5; request += 1) decisions.push((await store.take("rate:u", bucket)).allowed);
    expect(decisions).toEqual([true, true, false, false, false]);
    expect(await store.setIfAbsent("event:1", "1", 60_000)).toBe(true);
    expect(await store.setIfAbsent("event:1", "1", 60_000)).toBe(false);
    expect(logger.lines.filter((line) => String(line.msg).startsWith("redis unreachable"))).toHaveLength(1);
  });

  it.skipIf(!owned)("given Redis going away and coming back, then answers never stop, the outage is logged once, and shared state is used again", async () => {
    const logger = recordingLogger();
    const keyPrefix = `test:${randomUUID()}:`;
    const store = await openStore(owned!.url, keyPrefix, logger);
    const observer = await openStore(owned!.url, keyPrefix);
    expect(store.connected).toBe(true);

    await owned!.stop();
    await waitFor(() => !store.connected, "the client to notice the outage");
    for (let request = 0; request < 20; request += 1) await store.set(`during:${request}`, "x", 60_000);
    expect(await store.get("during:0")).toBe("x");
    const outages = () => logger.lines.filter((line) => String(line.msg).startsWith("redis unreachable"));
    expect(outages()).toHaveLength(1);

    await owned!.resume();
    await waitFor(() => store.connected && observer.connected, "both clients to reconnect", 10_000);
    expect(logger.lines.map((line) => line.msg)).toContain("redis reachable again: shared state restored");
    await store.set("after", "shared", 60_000);
    expect(await observer.get("after")).toBe("shared");
    expect(outages()).toHaveLength(1);
  });
});
