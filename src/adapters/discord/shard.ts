/**
 * One Discord gateway shard: the script the ShardingManager (sharding.ts) runs in each
 * child process. discord.js passes the shard in SHARDS and SHARD_COUNT, and the Client
 * reads them itself; everything else comes from the same environment as the parent's.
 */
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createLogger } from "../../core/log.js";
import { exitOnStartupError } from "../../startup.js";
import { runAdapters } from "../shared/run.js";
import { createDiscordAdapter } from "./index.js";

try {
  const config = await loadConfig();
  // Every line says which shard process wrote it (the adapter's own `shard` field is the gateway's).
  const shard = Number(process.env.SHARDS);
  const app = await createApp(config, createLogger(config.LOG_LEVEL).child({ shardProcess: shard }));
  // SIGTERM comes from the manager; if the manager is gone (crashed, killed), a shard left
  // running would answer twice after a restart, so it stops too.
  await runAdapters(app, [createDiscordAdapter(app)], {
    stopWhen: (stop) => process.once("disconnect", () => stop("manager gone")),
    // The manager serves HEALTH_PORT; shard n serves its own figures on the ports after it.
    ...(config.HEALTH_PORT ? { healthPort: config.HEALTH_PORT + 1 + shard } : {}),
  });
} catch (error) {
  exitOnStartupError(error);
}
