/**
 * A real Redis for the tests that need one, on 127.0.0.1:
 * - CI (.ci/run) starts one and passes ATTACHE_TEST_REDIS_URL, with ATTACHE_TEST_REDIS_REQUIRED=1
 *   so that a missing server fails the run instead of skipping;
 * - elsewhere, a redis-server on PATH is started on a free port for the test file;
 * - with neither, Redis tests skip with a note saying how to run them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { freePort } from "./processes.js";
import { waitFor } from "./wait.js";

const REQUIRED = process.env.ATTACHE_TEST_REDIS_REQUIRED === "1";
const START_TIMEOUT_MS = 10_000;

export const REDIS_SKIP_NOTE =
  "Redis tests skipped: no redis-server on PATH and ATTACHE_TEST_REDIS_URL unset. " +
  "To run them, install Redis (e.g. `apt-get install redis-server`); `bash .ci/run` always runs them.";

/** The redis-server binary on PATH, if any. */
export function redisServerBinary(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "redis-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** True once something on `port` answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** A redis-server this test owns: it may stop it (an outage) and start it again on the same port. */
export class OwnedRedis {
  private child?: ChildProcess;

  private constructor(
    private readonly binary: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts one on a free port; undefined (or a failure, when required) if there is no redis-server. */
  static async start(): Promise<OwnedRedis | undefined> {
    const binary = redisServerBinary();
    if (!binary) return unavailable();
    const redis = new OwnedRedis(binary, await freePort());
    await redis.resume();
    return redis;
  }

  /** Starts (again) on its port: no persistence, loopback only. */
  async resume(): Promise<void> {
    const child = spawn(this.binary, ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    this.child = child;
    await waitFor(async () => child.exitCode === null && (await answersPing(this.port)), `redis-server on port ${this.port}`, START_TIMEOUT_MS);
  }

  /** Kills it at once, as a crash or a network cut would look to its clients. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

function unavailable(): undefined {
  if (REQUIRED) throw new Error("ATTACHE_TEST_REDIS_REQUIRED=1 but no Redis: set ATTACHE_TEST_REDIS_URL or put redis-server on PATH");
  console.warn(REDIS_SKIP_NOTE);
  return undefined;
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** CI's Redis, else one of this file's own, else undefined (the tests skip). */
export async function testRedis(): Promise<TestRedis | undefined> {
  const given = process.env.ATTACHE_TEST_REDIS_URL;
  if (given) return { url: given, stop: async () => undefined };
  const owned = await OwnedRedis.start();
  return owned && { url: owned.url, stop: () => owned.stop() };
}
