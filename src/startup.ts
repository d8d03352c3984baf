/** What a failed start looks like: the reason and what to fix, not a stack trace. */
import { ConfigError } from "./config.js";
import { KnowledgeLoadError } from "./knowledge/loader.js";

export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError || error instanceof KnowledgeLoadError) {
    process.stderr.write(`Attaché cannot start. ${error.message}\n`);
    if (error instanceof KnowledgeLoadError) process.stderr.write("Run `npm run kb:check` for a summary.\n");
  } else {
    const detail = process.env.LOG_LEVEL === "debug" && error instanceof Error ? error.stack : String(error);
    process.stderr.write(`Attaché cannot start: ${detail}\n`);
  }
  process.exit(1);
}
