/**
 * The Store shared by several replicas: rate-limit buckets, redelivered-event ids and
 * conversation context in Redis, so any replica answers as one would. It lives in infra/
 * because it is a client of an outside service: the core only knows the Store interface,
 * and adapters are chat platforms, not storage.
 *
 * When Redis cannot be reached, this process answers from its own memory rather than not
 * at all (limits and redelivery then hold per replica), says so once per outage in the log
 * and in /healthz, and goes back to Redis as soon as it reconnects.
 */
import { Redis } from "ioredis";
import type { Logger } from "../core/log.js";
import { MemoryStore, type Store, type TokenBucket, type TokenDecision } from "../core/store.js";

/** Every key starts with this, so one Redis can serve other things too. */
export const REDIS_KEY_PREFIX = "attache:";
/** A request waits at most this long on Redis before answering from memory. */
const COMMAND_TIMEOUT_MS = 500;
/** How long start-up waits for a first connection before starting on memory. */
const FIRST_CONNECT_MS = 3000;
/** Reconnect attempts back off to this interval and go on for as long as the process runs. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * MemoryStore.take's token bucket, run inside Redis so that concurrent replicas cannot both
 * take the last token. The clock is Redis's own, so replicas' clocks need not agree.
 * State: a hash {tokens, updatedAt, warned}, expiring once a full window has refilled it.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updatedAt', 'warned')
local tokens = capacity
local warned = 0
if state[1] then
  tokens = math.min(capacity, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * capacity / window)
  warned = tonumber(state[3])
end
local allowed, firstRefusal, retryAfter = 0, 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  warned = 0
  allowed = 1
else
  if warned == 0 then firstRefusal = 1 end
  warned = 1
  retryAfter = math.ceil((1 - tokens) * window / capacity)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'updatedAt', now, 'warned', warned)
redis.call('PEXPIRE', KEYS[1], window)
return {allowed, firstRefusal, retryAfter}
`;

export interface RedisStoreOptions {
  /** Overrides REDIS_KEY_PREFIX (tests sharing one server). */
  keyPrefix?: string;
}

export class RedisStore implements Store {
  readonly kind = "redis";
  private readonly client: Redis;
  /** Answers while Redis is away. */
  private readonly fallback = new MemoryStore();
  /** True from the first failure of an outage until Redis is back: one log line each way. */
  private outage = false;

  private constructor(url: string, private readonly log: Logger, options: RedisStoreOptions) {
    this.client = new Redis(url, {
      keyPrefix: options.keyPrefix ?? REDIS_KEY_PREFIX,
      // Fail fast while disconnected (the fallback answers) rather than queue requests.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: FIRST_CONNECT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    });
    this.client.on("ready", () => {
      if (!this.outage) return;
      this.outage = false;
      this.log.info("redis reachable again: shared state restored");
    });
    // ioredis emits an error per failed reconnect attempt: only the first of an outage is logged.
    this.client.on("error", (error: Error) => this.noteOutage(error));
  }

  /** Connects to `url`; if Redis refuses or does not answer soon, starts on memory and keeps trying. */
  static async open(url: string, log: Logger, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const store = new RedisStore(url, log, options);
    const settled = new Promise<void>((resolve) => {
      store.client.once("ready", resolve);
      store.client.once("error", () => resolve());
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, FIRST_CONNECT_MS).unref());
    await Promise.race([settled, timeout]);
    if (!store.connected) store.noteOutage(new Error(`no connection within ${FIRST_CONNECT_MS} ms`));
    else log.info({ redis: redactedUrl(url) }, "shared state in redis");
    return store;
  }

  get connected(): boolean {
    return this.client.status === "ready";
  }

  get(key: string): Promise<string | undefined> {
    return this.either(
      async () => (await this.client.get(key)) ?? undefined,
      () => this.fallback.get(key),
    );
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.either(
      async () => void (await this.client.set(key, value, "PX", ttlMs)),
      () => this.fallback.set(key, value, ttlMs),
    );
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.either(
      async () => (await this.client.set(key, value, "PX", ttlMs, "NX")) === "OK",
      () => this.fallback.setIfAbsent(key, value, ttlMs),
    );
  }

  take(key: string, bucket: TokenBucket): Promise<TokenDecision> {
    return this.either(
      async () => {
        const [allowed, firstRefusal, retryAfterMs] = (await this.client.eval(TAKE_TOKEN, 1, key, bucket.capacity, bucket.windowMs)) as number[];
        return allowed === 1 ? { allowed: true } : { allowed: false, firstRefusal: firstRefusal === 1, retryAfterMs: retryAfterMs ?? 0 };
      },
      () => this.fallback.take(key, bucket),
    );
  }

  async close(): Promise<void> {
    this.outage = false;
    this.client.removeAllListeners("error");
    this.client.on("error", () => undefined);
    try {
      if (this.connected) await this.client.quit();
    } catch {
      // Closing anyway.
    } finally {
      this.client.disconnect();
      await this.fallback.close();
    }
  }

  /** Runs `shared` on Redis; while Redis is away, or if it fails now, `local` on memory. */
  private async either<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (!this.connected) {
      this.noteOutage(new Error(`redis connection ${this.client.status}`));
      return local();
    }
    try {
      return await shared();
    } catch (error) {
      this.noteOutage(error);
      return local();
    }
  }

  private noteOutage(error: unknown): void {
    if (this.outage) return;
    this.outage = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.log.warn({ reason }, "redis unreachable: answering from this process's memory until it returns (limits and redelivery hold per replica meanwhile)");
  }
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "redacted";
  return parsed.toString();
}
