/**
 * /healthz, /readyz and /metrics as an operator's probes and Prometheus see them, over HTTP
 * on HEALTH_PORT, in front of the real app and router.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import type { Adapter } from "../../src/core/adapter.js";
import { startHealthServer, type HealthServer } from "../../src/infra/health.js";
import { KNOWLEDGE_DIR, recordingLogger, testConfig } from "../support/app.js";
import { freePort } from "../support/processes.js";

/** An adapter whose readiness the test sets, as a connecting or stopping one would report it. */
function adapterNamed(name: string): Adapter & { ready: boolean } {
  return { name, ready: false, start: async () => undefined, stop: async () => undefined };
}

let dir: string;
let app: App;
let server: HealthServer;
let url: string;
const slack = adapterNamed("slack");
const discord = adapterNamed("discord");

beforeAll(async () => {
  // A copy of the knowledge, so a reload can be broken on purpose.
  dir = await mkdtemp(path.join(tmpdir(), "attache-health-"));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  app = await createApp(testConfig({ KNOWLEDGE_DIR: dir, RATE_LIMIT_REQUESTS: "2" }), recordingLogger().log);
  app.adapters.push(slack, discord);
  server = await startHealthServer(app, 0, "127.0.0.1");
  url = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await app?.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("/readyz: send traffic here only when it answers 200", () => {
  it("given an adapter still connecting, then 503 naming which; once every adapter is taking messages, then 200", async () => {
    slack.ready = true;
    const connecting = await fetch(`${url}/readyz`);
    expect(connecting.status).toBe(503);
    expect(await connecting.json()).toEqual({ ready: false, adapters: { slack: true, discord: false } });
    discord.ready = true;
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, adapters: { slack: true, discord: true } });
  });
});

describe("/healthz on HEALTH_PORT", () => {
  it("given a GET, then it reports ok with the knowledge served and the store in use", async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", entries: app.knowledge().size, store: "memory", store_connected: true });
  });

  it("given another path or method, then 404 or 405, never a crash", async () => {
    expect((await fetch(`${url}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`, { method: "POST" })).status).toBe(405);
  });
});

describe("/metrics in Prometheus's text format", () => {
  it("given answers, misses and a user over the rate limit, then each is counted by adapter, command and outcome, with latency, knowledge and store figures", async () => {
    await app.router.handle("gavi", { adapter: "slack", user: "UANA" });
    await app.router.handle("zzqx nothing matches this", { adapter: "discord", user: "UBEN" });
    for (let request = 0; request < 4; request += 1) await app.router.handle("gavi", { adapter: "slack", user: "UCARL" });
    await writeFile(path.join(dir, "concepts", "broken.yaml"), "id: broken\nkind: concept\n");
    expect(await app.live.reload()).toBe(false);

    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const value = (series: string) => Number(text.split("\n").find((line) => line.startsWith(`${series} `))?.split(" ")[1]);

    expect(value('attache_requests_total{adapter="slack",command="partnership",outcome="answered"}')).toBe(3);
    expect(value('attache_requests_total{adapter="discord",command="ask",outcome="no_match"}')).toBe(1);
    // UCARL: two answered, the third refused aloud, the fourth silently; both are rate-limited.
    expect(value('attache_requests_total{adapter="slack",command="refused",outcome="rate_limited"}')).toBe(1);
    expect(value('attache_requests_total{adapter="slack",command="refused",outcome="silenced"}')).toBe(1);
    expect(value('attache_rate_limited_total{adapter="slack"}')).toBe(2);
    expect(value('attache_answer_duration_seconds_count{adapter="slack"}')).toBe(5);
    expect(value('attache_answer_duration_seconds_bucket{le="+Inf",adapter="slack"}')).toBe(5);
    expect(value("attache_knowledge_entries")).toBe(app.knowledge().size);
    expect(value("attache_knowledge_reload_failures_total")).toBe(1);
    expect(value('attache_store_connected{store="memory"}')).toBe(1);
    expect(text).toContain("process_resident_memory_bytes");
  });
});

describe("/healthz and /metrics while Redis is away", () => {
  it("given a REDIS_URL nothing answers at, then /healthz still answers 200 but says degraded, and /metrics shows the store disconnected", async () => {
    const away = await createApp(testConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }), recordingLogger().log);
    const probe = await startHealthServer(away, 0, "127.0.0.1");
    try {
      const health = await fetch(`http://127.0.0.1:${probe.port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "degraded", store: "redis", store_connected: false });
      expect(await (await fetch(`http://127.0.0.1:${probe.port}/metrics`)).text()).toContain('attache_store_connected{store="redis"} 0');
      // And it still answers, from its own memory.
      expect(await away.router.handle("gavi", { adapter: "slack", user: "UANA" })).toMatchObject({ ok: true });
    } finally {
      await probe.close();
      await away.store.close();
    }
  });
});
