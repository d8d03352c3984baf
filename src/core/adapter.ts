/**
 * The one contract every chat adapter keeps, so `npm start` and each Discord shard start
 * and stop them all the same way (after vercel/chat's `Adapter` and Bolt's `Receiver`).
 * It lives in the core, which knows no platform: adapters implement it, the app runs it.
 */
export interface Adapter {
  /** "slack", "discord": for logs and /readyz. */
  readonly name: string;
  /** Connects or starts listening; resolves once messages are being taken. */
  start(): Promise<void>;
  /**
   * Takes no new messages, lets those already taken be answered within `graceMs`, then
   * disconnects. Safe to call more than once (a second signal, a test's cleanup).
   */
  stop(graceMs?: number): Promise<void>;
  /** True while connected and taking messages (for /readyz). */
  readonly ready: boolean;
}
