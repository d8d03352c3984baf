/**
 * `npm start`: starts every chat adapter whose credentials are set; with none, the
 * local REPL, after one line on how to connect Slack or Discord.
 */
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./core/log.js";
import { runRepl } from "./adapters/repl/repl.js";
import { wantsColor } from "./adapters/repl/options.js";
import { exitOnStartupError } from "./startup.js";

try {
  const config = await loadConfig();
  const slack = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  const discord = Boolean(config.DISCORD_TOKEN);

  if (!slack && !discord) {
    process.stderr.write(
      "No Slack or Discord credentials set, so starting the local REPL. To connect a chat platform, " +
        "set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET or DISCORD_TOKEN in .env (see .env.example and README).\n",
    );
    const app = await createApp(config, createLogger(process.env.LOG_LEVEL ?? "warn"));
    const interactive = Boolean(process.stdin.isTTY);
    await runRepl(app.router, app.knowledge, {
      input: process.stdin,
      output: process.stdout,
      json: false,
      interactive,
      color: interactive && wantsColor(process.stdout),
    });
  } else {
    const app = await createApp(config);
    app.log.error({ slack, discord }, "chat adapters are not available in this build yet");
    process.exitCode = 1;
  }
} catch (error) {
  exitOnStartupError(error);
}
