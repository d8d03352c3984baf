/**
 * One structured logger (pino, JSON lines on stderr so stdout stays the REPL's).
 * Secrets never reach it: callers log ids and outcomes, and message text only at debug.
 */
import { createHmac, randomBytes } from "node:crypto";
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: { app: "attache" },
      redact: { paths: ["token", "*.token", "secret", "*.secret", "authorization", "*.authorization"], censor: "[redacted]" },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/**
 * The secret user ids are hashed with: LOG_SALT when set (replicas sharing one can follow a
 * user across them), else random for this process, so ids cannot be recovered by hashing
 * guessed ones.
 */
let userHashKey: Buffer = randomBytes(32);

/** Hashes user ids with `salt` from now on; unset keeps this process's random one. */
export function useLogSalt(salt: string | undefined): void {
  if (salt !== undefined) userHashKey = Buffer.from(salt, "utf8");
}

/** Users are logged by a short keyed hash: enough to follow one user, not to name them. */
export function hashUser(platform: string, userId: string): string {
  return createHmac("sha256", userHashKey).update(`${platform}:${userId}`).digest("hex").slice(0, 12);
}
