import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/core/store.js";

const bucket = { capacity: 2, windowMs: 10_000 };

describe("MemoryStore: shared state in one process, bounded", () => {
  it("given a value with a time to live, then it reads back until it expires, then reads as absent", async () => {
    const clock = { now: 0 };
    const store = new MemoryStore(10, () => clock.now);
    await store.set("k", "v", 1000);
    expect(await store.get("k")).toBe("v");
    clock.now = 1000;
    expect(await store.get("k")).toBeUndefined();
  });

  it("given setIfAbsent twice on one key, then only the first call sets it, and it can be set again once expired", async () => {
    const clock = { now: 0 };
    const store = new MemoryStore(10, () => clock.now);
    expect(await store.setIfAbsent("event:1", "1", 500)).toBe(true);
    expect(await store.setIfAbsent("event:1", "1", 500)).toBe(false);
    clock.now = 500;
    expect(await store.setIfAbsent("event:1", "1", 500)).toBe(true);
  });

  it("given more keys than it may hold, then it forgets the one used least recently, never the one just used", async () => {
    const store = new MemoryStore(3);
    for (const key of ["a", "b", "c"]) await store.set(key, key, 60_000);
    await store.get("a"); // a is now the most recently used
    await store.set("d", "d", 60_000);
    expect(await store.get("b")).toBeUndefined();
    expect(await Promise.all(["a", "c", "d"].map((key) => store.get(key)))).toEqual(["a", "c", "d"]);
    expect(store.size).toBe(3);
  });

  it("given a token bucket, then it allows a burst of its capacity, refuses once with a retry time, then silently, and refills over its window", async () => {
    const clock = { now: 0 };
    const store = new MemoryStore(10, () => clock.now);
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: false, firstRefusal: true, retryAfterMs: 5000 });
    expect(await store.take("rate:u", bucket)).toMatchObject({ allowed: false, firstRefusal: false });
    clock.now = 5000;
    expect(await store.take("rate:u", bucket)).toEqual({ allowed: true });
  });
});

describe("(item 3) rate limit bypass after 10,000 distinct users", () => {
  it("given more users tracked than the store holds, then a new user is still limited: their bucket is never the one forgotten", async () => {
    const store = new MemoryStore(10_000);
    for (let user = 0; user < 10_000; user += 1) await store.take(`rate:slack:U${user}`, bucket);
    const newcomer = [];
    for (let request = 0; request < 40; request += 1) newcomer.push((await store.take("rate:slack:NEW", bucket)).allowed);
    expect(newcomer.filter(Boolean)).toHaveLength(bucket.capacity);
    expect(store.size).toBe(10_000);
  });
});
