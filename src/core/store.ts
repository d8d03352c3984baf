/**
 * Shared, expiring state: rate-limit buckets, redelivered-event ids, conversation context.
 * One interface so a single process keeps it in memory and several replicas share it
 * (Redis, src/infra/redis-store.ts); every call is async for that reason.
 */

export interface TokenBucket {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Milliseconds for an empty bucket to fill up again. */
  windowMs: number;
}

export type TokenDecision =
  | { allowed: true }
  /** `firstRefusal`: the first refusal since the last allowed request, so it is worth saying. */
  | { allowed: false; firstRefusal: boolean; retryAfterMs: number };

export interface Store {
  /** "memory" or "redis", for /healthz and logs. */
  readonly kind: string;
  /** False while a shared store is unreachable (this process then answers from its own memory). */
  readonly connected: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only if it is absent (or expired); true if this call set it. Atomic. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Takes one token from the bucket `key`, refilled continuously. Atomic. */
  take(key: string, bucket: TokenBucket): Promise<TokenDecision>;
  close(): Promise<void>;
}

interface Slot {
  value: string | BucketState;
  expiresAt: number;
}

interface BucketState {
  tokens: number;
  updatedAt: number;
  warned: boolean;
}

/** Keys kept by default: far more than active users, a few MB at most. */
export const MEMORY_STORE_MAX_KEYS = 50_000;

/**
 * The in-process store: a map in least-recently-used order (a Map iterates in insertion
 * order; every use re-inserts), so memory is bounded and only the key idle longest is
 * ever dropped, in O(1) per call. Expired keys read as absent.
 */
export class MemoryStore implements Store {
  readonly kind = "memory";
  readonly connected = true;
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly maxKeys = MEMORY_STORE_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  async get(key: string): Promise<string | undefined> {
    const value = this.use(key)?.value;
    return typeof value === "string" ? value : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.put(key, { value, expiresAt: this.now() + ttlMs });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.use(key)) return false;
    this.put(key, { value, expiresAt: this.now() + ttlMs });
    return true;
  }

  async take(key: string, bucket: TokenBucket): Promise<TokenDecision> {
    const now = this.now();
    const stored = this.use(key)?.value;
    const state = refill(typeof stored === "object" ? stored : undefined, bucket, now);
    const decision = takeToken(state, bucket);
    // A bucket idle for a whole window is full again, the same as no bucket: let it expire.
    this.put(key, { value: state, expiresAt: now + bucket.windowMs });
    return decision;
  }

  async close(): Promise<void> {
    this.slots.clear();
  }

  /** The live slot for `key`, marked as just used; expired slots are dropped. */
  private use(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    if (slot.expiresAt <= this.now()) return undefined;
    this.slots.set(key, slot);
    return slot;
  }

  private put(key: string, slot: Slot): void {
    this.slots.delete(key);
    this.slots.set(key, slot);
    if (this.slots.size > this.maxKeys) this.slots.delete(this.slots.keys().next().value as string);
  }
}

function refill(state: BucketState | undefined, bucket: TokenBucket, now: number): BucketState {
  if (!state) return { tokens: bucket.capacity, updatedAt: now, warned: false };
  const tokens = Math.min(bucket.capacity, state.tokens + ((now - state.updatedAt) * bucket.capacity) / bucket.windowMs);
  return { tokens, updatedAt: now, warned: state.warned };
}

/** Takes a token from `state` (mutating it) if there is one. */
function takeToken(state: BucketState, bucket: TokenBucket): TokenDecision {
  if (state.tokens >= 1) {
    state.tokens -= 1;
    state.warned = false;
    return { allowed: true };
  }
  const firstRefusal = !state.warned;
  state.warned = true;
  return { allowed: false, firstRefusal, retryAfterMs: Math.ceil(((1 - state.tokens) * bucket.windowMs) / bucket.capacity) };
}
