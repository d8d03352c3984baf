/** `npm run repl [-- --json]`: the local REPL. */
import { loadConfig } from "../../config.js";
import { exitOnStartupError } from "../../startup.js";
import { parseFlags } from "./options.js";
import { runTerminalRepl } from "./terminal.js";

try {
  await runTerminalRepl(await loadConfig(), parseFlags(process.argv.slice(2)).json);
} catch (error) {
  exitOnStartupError(error);
}
