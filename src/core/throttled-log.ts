/**
 * Log lines for things an attacker can repeat at will (rejected requests, stray errors):
 * one line per burst rather than one per request, so a flood cannot flood the logs too.
 */
import type { Logger } from "./log.js";

/** Within this long of a line, more of the same kind are counted, not written. */
export const LOG_BURST_MS = 10_000;

type Level = "info" | "warn" | "error";

export class ThrottledLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly burstMs = LOG_BURST_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Writes `message` unless a line with the same `message` was written within the burst; the next line says how many were held back. */
  write(level: Level, fields: Record<string, unknown>, message: string): void {
    const now = this.now();
    const last = this.last.get(message);
    if (last && now - last.at < this.burstMs) {
      last.suppressed += 1;
      return;
    }
    this.log[level]({ ...fields, ...(last?.suppressed ? { suppressedSinceLast: last.suppressed } : {}) }, message);
    this.last.set(message, { at: now, suppressed: 0 });
  }
}
