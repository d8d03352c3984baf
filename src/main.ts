/**
 * `npm start`: starts every chat adapter whose credentials are set; with none, the
 * local REPL, after one line on how to connect Slack or Discord. On SIGINT/SIGTERM the
 * adapters stop accepting, let in-flight replies finish (bounded) and disconnect.
 */
import { createApp, type App } from "./app.js";
import { loadConfig } from "./config.js";
import { runTerminalRepl } from "./adapters/repl/terminal.js";
import { chatPlatforms, type ChatPlatforms } from "./adapters/shared/adapter.js";
import type { Adapter } from "./core/adapter.js";
import { runAdapters } from "./adapters/shared/run.js";
import { exitOnStartupError } from "./startup.js";

/** The adapters the credentials ask for; each platform's SDK is loaded only if used. */
async function chatAdapters(app: App, platforms: ChatPlatforms): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  if (platforms.slack) {
    const { createSlackAdapter } = await import("./adapters/slack/index.js");
    adapters.push(createSlackAdapter(app));
  }
  if (platforms.discord) {
    if (app.config.DISCORD_SHARDS > 1) {
      // One child process per gateway shard, under discord.js's ShardingManager.
      const { createShardsAdapter } = await import("./adapters/discord/sharding.js");
      adapters.push(createShardsAdapter(app));
    } else {
      const { createDiscordAdapter } = await import("./adapters/discord/index.js");
      adapters.push(createDiscordAdapter(app));
    }
  }
  return adapters;
}

try {
  const config = await loadConfig();
  // Half-set credentials are a ConfigError naming what is missing, rather than a
  // half-configured server quietly starting a REPL with no one at it.
  const platforms = chatPlatforms(config);
  if (!platforms.slack && !platforms.discord) {
    process.stderr.write(
      "No Slack or Discord credentials set, so starting the local REPL. To connect a chat platform, " +
        "set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET or DISCORD_TOKEN in .env (see .env.example and README).\n",
    );
    await runTerminalRepl(config, false);
  } else {
    const app = await createApp(config);
    await runAdapters(app, await chatAdapters(app, platforms));
  }
} catch (error) {
  exitOnStartupError(error);
}
