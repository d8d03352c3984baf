/**
 * DISCORD_SHARDS > 1: discord.js's ShardingManager runs one child process per gateway
 * shard, each a whole Attaché (config, knowledge, router, rate limits) running shard.ts
 * for the shard discord.js assigns it. This process only starts, restarts and stops them.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ShardingManager, type Shard, type ShardingManagerOptions } from "discord.js";
import type { App } from "../../app.js";
import type { Adapter } from "../../core/adapter.js";
import { ConnectionAdapter, requireSetting } from "../shared/adapter.js";
import { STOP_GRACE_MS, TOKEN_HINT } from "./index.js";

/** Discord starts one gateway session per 5 s for most bots (max_concurrency 1): shards start this far apart. */
export const SPAWN_DELAY_MS = 5500;
/** How long one shard may take to log in and receive its guilds before start-up fails. */
export const SHARD_READY_TIMEOUT_MS = 30_000;
/** A stopping shard has STOP_GRACE_MS to finish its answers; after this much more it is killed. */
const EXIT_MARGIN_MS = 2000;

export interface ShardEntry {
  /** The script each child runs. */
  file: string;
  /** Node options for the child: the tsx loader when the script is TypeScript. */
  execArgv: string[];
}

/**
 * The shard script beside this module: shard.ts through tsx when running from the
 * sources (npm start), shard.js with plain node when compiled to dist/.
 */
export function shardEntry(moduleUrl: string = import.meta.url): ShardEntry {
  const here = fileURLToPath(moduleUrl);
  const extension = path.extname(here);
  const file = path.join(path.dirname(here), `shard${extension}`);
  if (extension !== ".ts") return { file, execArgv: [] };
  // An absolute URL, so the loader is found whatever the working directory.
  const tsx = pathToFileURL(createRequire(moduleUrl).resolve("tsx")).href;
  return { file, execArgv: ["--import", tsx] };
}

/**
 * What the manager is given. Respawning starts off: a shard that cannot connect at
 * start-up fails the start instead of restarting in a loop; it is turned on once all are up.
 */
export function managerOptions(config: App["config"], entry: ShardEntry): ShardingManagerOptions {
  return {
    totalShards: config.DISCORD_SHARDS,
    token: requireSetting(config, "DISCORD_TOKEN", TOKEN_HINT),
    mode: "process",
    respawn: false,
    execArgv: entry.execArgv,
  };
}

export interface ShardingOptions {
  /** Overrides SPAWN_DELAY_MS (tests). */
  spawnDelayMs?: number;
}

/** Asks a shard to stop (SIGTERM: it finishes its answers and disconnects), killing it if it takes too long. */
async function stopShard(shard: Shard, graceMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit", { signal: AbortSignal.timeout(graceMs + EXIT_MARGIN_MS) });
  child.kill("SIGTERM");
  await exited.catch(() => child.kill("SIGKILL"));
}

/** DISCORD_SHARDS > 1: the shard processes, started and stopped as one adapter. */
export function createShardsAdapter(app: Pick<App, "config" | "log">, options: ShardingOptions = {}): Adapter {
  return new ConnectionAdapter(
    "discord",
    async () => {
      const manager = await spawnShards(app, options);
      return { stop: (graceMs: number) => stopAll(manager, graceMs) };
    },
    STOP_GRACE_MS,
  );
}

async function stopAll(manager: ShardingManager, graceMs: number): Promise<void> {
  manager.respawn = false;
  await Promise.all(manager.shards.map((shard) => stopShard(shard, graceMs)));
}

async function spawnShards(app: Pick<App, "config" | "log">, options: ShardingOptions): Promise<ShardingManager> {
  const entry = shardEntry();
  const manager = new ShardingManager(entry.file, managerOptions(app.config, entry));
  const log = app.log.child({ adapter: "discord" });

  manager.on("shardCreate", (shard) => {
    shard.on("death", (child) => {
      // In "process" mode the shard is always a child process.
      const { exitCode, signalCode } = child as ChildProcess;
      const exit = { shard: shard.id, exitCode, signal: signalCode };
      if (manager.respawn) log.error(exit, "discord shard exited; starting it again");
      else if (exitCode === 0) log.info(exit, "discord shard stopped");
      else log.warn(exit, "discord shard exited");
    });
    // A failed restart is emitted as "error": without a listener it would end this process.
    shard.on("error", (error) => log.error({ err: error, shard: shard.id }, "discord shard could not be restarted"));
  });

  try {
    await manager.spawn({ amount: app.config.DISCORD_SHARDS, delay: options.spawnDelayMs ?? SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    await stopAll(manager, STOP_GRACE_MS);
    // The shard has printed why (bad token, knowledge errors…) on its own stderr.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`a Discord shard did not start. ${reason} See the shard's message above.`);
  }
  manager.respawn = true;
  log.info({ shards: manager.totalShards }, "discord shards connected");
  return manager;
}
