/** `npm run repl [-- --json]`: the local REPL. */
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../core/log.js";
import { exitOnStartupError } from "../../startup.js";
import { parseFlags, wantsColor } from "./options.js";
import { runRepl } from "./repl.js";

try {
  const flags = parseFlags(process.argv.slice(2));
  const config = await loadConfig();
  // The REPL's stderr is the user's screen: only warnings unless LOG_LEVEL asks for more.
  const app = await createApp(config, createLogger(process.env.LOG_LEVEL ?? "warn"));
  const interactive = Boolean(process.stdin.isTTY) && !flags.json;
  await runRepl(app.router, app.knowledge, {
    input: process.stdin,
    output: process.stdout,
    json: flags.json,
    interactive,
    color: interactive && wantsColor(process.stdout),
  });
} catch (error) {
  exitOnStartupError(error);
}
