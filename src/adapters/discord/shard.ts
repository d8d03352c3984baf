/**
 * One Discord gateway shard: the script the ShardingManager (sharding.ts) runs in each
 * child process. discord.js passes the shard in SHARDS and SHARD_COUNT, and the Client
 * reads them itself; everything else comes from the same environment as the parent's.
 */
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../core/log.js";
import { exitOnStartupError } from "../../startup.js";
import { startDiscord } from "./index.js";

try {
  const config = await loadConfig();
  // Every line says which shard process wrote it (the adapter's own `shard` field is the gateway's).
  const app = await createApp(config, createLogger(config.LOG_LEVEL).child({ shardProcess: Number(process.env.SHARDS) }));
  const adapter = await startDiscord(app);
  app.live.watch();

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, "shard stopping: finishing in-flight replies");
    await adapter.stop();
    app.live.close();
    process.exit(0);
  };
  // SIGTERM comes from the manager, and may come again from a service manager signalling the
  // whole group; SIGINT straight from a terminal's Ctrl-C. `on`, not `once`: a repeated
  // signal must not fall back to Node's default, which kills the process mid-answer.
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // The manager is gone (crashed, killed): a shard left running would answer twice after a restart.
  process.once("disconnect", () => void stop("manager gone"));
} catch (error) {
  exitOnStartupError(error);
}
