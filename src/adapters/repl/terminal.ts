/** Starting Attaché for someone at a terminal: shared by `npm start` (no tokens), `npm run repl` and the CLI. */
import { createApp, type App } from "../../app.js";
import type { Config } from "../../config.js";
import { createLogger } from "../../core/log.js";
import { endQuietlyWhenOutputCloses, keepServingOnStrayErrors } from "../shared/process-guards.js";
import { wantsColor } from "./options.js";
import { runRepl } from "./repl.js";

/**
 * The terminal's stderr is the user's screen: only warnings unless LOG_LEVEL asks for more.
 * One person in one process has nothing to share with replicas, so never Redis (whose
 * connection would also keep the CLI from exiting).
 */
export function createLocalApp(config: Config): Promise<App> {
  return createApp({ ...config, REDIS_URL: undefined }, createLogger(process.env.LOG_LEVEL ?? "warn"));
}

/**
 * The REPL on this process's stdin and stdout: interactive (and reloading edited knowledge)
 * on a terminal, line by line on a pipe or with --json.
 */
export async function runTerminalRepl(config: Config, json: boolean): Promise<void> {
  const app = await createLocalApp(config);
  endQuietlyWhenOutputCloses();
  // A session (or a long piped batch) outlives one stray error, as a server does.
  keepServingOnStrayErrors(app.log);
  const interactive = Boolean(process.stdin.isTTY) && !json;
  if (interactive) app.live.watch();
  try {
    await runRepl(app.router, app.knowledge, {
      input: process.stdin,
      output: process.stdout,
      json,
      interactive,
      color: interactive && wantsColor(process.stdout),
    });
  } finally {
    app.live.close();
  }
}
