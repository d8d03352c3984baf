/**
 * `npm start`: starts every chat adapter whose credentials are set; with none, the
 * local REPL, after one line on how to connect Slack or Discord. On SIGINT/SIGTERM the
 * adapters stop accepting, let in-flight replies finish (bounded) and disconnect.
 */
import { createApp, type App } from "./app.js";
import { loadConfig, type Config } from "./config.js";
import { runTerminalRepl } from "./adapters/repl/terminal.js";
import { exitOnStartupError } from "./startup.js";

/** How long in-flight replies may take to finish once a shutdown signal arrives. */
export const SHUTDOWN_GRACE_MS = 10_000;

interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}

// A bot token alone means Slack was meant to run: startSlack then names what is missing,
// rather than a half-configured server quietly starting a REPL with no one at it.
const hasSlack = (config: Config) => Boolean(config.SLACK_BOT_TOKEN);
const hasDiscord = (config: Config) => Boolean(config.DISCORD_TOKEN);

async function startChatAdapters(app: App): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  if (hasSlack(app.config)) {
    const { startSlack } = await import("./adapters/slack/index.js");
    running.push({ name: "slack", ...(await startSlack(app)) });
  }
  if (hasDiscord(app.config)) {
    if (app.config.DISCORD_SHARDS > 1) {
      // One child process per gateway shard, under discord.js's ShardingManager.
      const { startShards } = await import("./adapters/discord/sharding.js");
      running.push({ name: "discord", ...(await startShards(app)) });
    } else {
      const { startDiscord } = await import("./adapters/discord/index.js");
      running.push({ name: "discord", ...(await startDiscord(app)) });
    }
  }
  return running;
}

function stopOnSignals(app: App, running: readonly RunningAdapter[]): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight replies");
    const grace = new Promise<"timeout">((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS, "timeout").unref());
    const stopped = Promise.allSettled(running.map((adapter) => adapter.stop()));
    if ((await Promise.race([stopped, grace])) === "timeout") app.log.warn({ graceMs: SHUTDOWN_GRACE_MS }, "shutdown grace period over");
    app.live.close();
    app.log.info("stopped");
    process.exit(0);
  };
  // `on`, not `once`: a process-group signal can arrive twice (tsx forwards it too), and a
  // second one must not fall through to the default handler and kill the drain.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

try {
  const config = await loadConfig();
  if (!hasSlack(config) && !hasDiscord(config)) {
    process.stderr.write(
      "No Slack or Discord credentials set, so starting the local REPL. To connect a chat platform, " +
        "set SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET or DISCORD_TOKEN in .env (see .env.example and README).\n",
    );
    await runTerminalRepl(config, false);
  } else {
    const app = await createApp(config);
    const running = await startChatAdapters(app);
    app.live.watch();
    stopOnSignals(app, running);
    app.log.info({ adapters: running.map((adapter) => adapter.name), entries: app.knowledge().size }, "Attaché is running");
  }
} catch (error) {
  exitOnStartupError(error);
}
