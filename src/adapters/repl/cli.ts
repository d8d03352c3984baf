/** `npm run cli -- [--json] <message>`: answers one message and exits (1 if the reply is an error). */
import { loadConfig } from "../../config.js";
import { exitOnStartupError } from "../../startup.js";
import { endQuietlyWhenOutputCloses } from "../shared/process-guards.js";
import { parseFlags, wantsColor } from "./options.js";
import { formatReply } from "./repl.js";
import { createLocalApp } from "./terminal.js";

const USAGE = `Usage: npm run cli -- [--json] <message>
Example: npm run cli -- what is multialignment?`;

try {
  const flags = parseFlags(process.argv.slice(2));
  const message = flags.rest.join(" ").trim();
  if (!message || message === "--help") {
    process.stderr.write(`${USAGE}\n`);
    process.exit(message ? 0 : 2);
  }
  endQuietlyWhenOutputCloses();
  const app = await createLocalApp(await loadConfig());
  const reply = await app.router.handle(message, { adapter: "cli" });
  process.stdout.write(`${formatReply(reply, { json: flags.json, interactive: true, color: !flags.json && wantsColor(process.stdout) })}\n`);
  process.exitCode = reply.ok ? 0 : 1;
} catch (error) {
  exitOnStartupError(error);
}
