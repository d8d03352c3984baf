/** Bolt's logger interface over our pino logger, so Bolt's own lines are JSON lines like ours. */
import { format } from "node:util";
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../core/log.js";

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

export function boltLogger(log: Logger): BoltLogger {
  const bolt = log.child({ component: "slack-bolt" });
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) =>
      bolt[level](format(...parts));
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // LOG_LEVEL decides, not Bolt.
    setLevel: () => undefined,
    getLevel: () => BOLT_LEVELS[bolt.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
