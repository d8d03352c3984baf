/**
 * Per-user token buckets, shared by every chat adapter (the REPL and CLI are trusted and
 * never limited). A user over the limit is told once to slow down, then gets silence
 * until the bucket refills: no backlog, no reply storm.
 */
export interface RateLimit {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Seconds for an empty bucket to fill up again. */
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; firstRefusal: boolean; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
  warned: boolean;
}

/** Above this many tracked users, buckets that have refilled are forgotten. */
const MAX_TRACKED_USERS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = limit.capacity / (limit.windowSeconds * 1000);
  }

  take(user: string): RateDecision {
    const now = this.now();
    const bucket = this.refill(this.buckets.get(user), now);
    this.buckets.set(user, bucket);
    if (this.buckets.size > MAX_TRACKED_USERS) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return { allowed: true };
    }
    const firstRefusal = !bucket.warned;
    bucket.warned = true;
    return { allowed: false, firstRefusal, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000) };
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.limit.capacity, updatedAt: now, warned: false };
    const tokens = Math.min(this.limit.capacity, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    return { tokens, updatedAt: now, warned: bucket.warned };
  }

  private forgetIdle(now: number): void {
    for (const [user, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.limit.capacity) this.buckets.delete(user);
    }
  }
}
