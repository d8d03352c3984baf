/**
 * One structured logger (pino, JSON lines on stderr so stdout stays the REPL's).
 * Secrets never reach it: callers log ids and outcomes, and message text only at debug.
 */
import { createHash } from "node:crypto";
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

/** Users are logged by a salted-free short hash: enough to follow one user, not to name them. */
export function hashUser(platform: string, userId: string): string {
  return createHash("sha256").update(`${platform}:${userId}`).digest("hex").slice(0, 12);
}
