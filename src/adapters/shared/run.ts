/**
 * Running adapters as a service: start each, reload knowledge as its files change, and on
 * SIGINT/SIGTERM (or another reason to stop) let answers in flight finish, bounded, then
 * exit. `npm start` and every Discord shard process run through here.
 */
import type { App } from "../../app.js";
import { startHealthServer } from "../../infra/health.js";
import type { Adapter } from "../../core/adapter.js";
import { keepServingOnStrayErrors } from "./process-guards.js";

/** How long in-flight replies may take to finish once a shutdown signal arrives. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** Adapters get a little less than the whole grace, so they can still say what they abandoned. */
const ADAPTER_GRACE_MS = SHUTDOWN_GRACE_MS - 2000;

export interface RunOptions {
  /** Calls `stop(reason)` when something besides a signal should end the process. */
  stopWhen?: (stop: (reason: string) => void) => void;
  /** Where /healthz, /readyz and /metrics are served; HEALTH_PORT by default, none if unset. */
  healthPort?: number;
}

export async function runAdapters(app: App, adapters: readonly Adapter[], options: RunOptions = {}): Promise<void> {
  keepServingOnStrayErrors(app.log);
  app.adapters.push(...adapters);
  // Up before the adapters, so /readyz can say "not yet" while they connect.
  const healthPort = options.healthPort ?? app.config.HEALTH_PORT;
  const health = healthPort === undefined ? undefined : await startHealthServer(app, healthPort);
  for (const adapter of adapters) await adapter.start();
  app.live.watch();

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, "shutting down: finishing in-flight replies");
    const grace = new Promise<"timeout">((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS, "timeout").unref());
    const stopped = Promise.allSettled(adapters.map((adapter) => adapter.stop(ADAPTER_GRACE_MS)));
    if ((await Promise.race([stopped, grace])) === "timeout") app.log.warn({ graceMs: SHUTDOWN_GRACE_MS }, "shutdown grace period over");
    app.live.close();
    await health?.close();
    await app.store.close();
    app.log.info("stopped");
    process.exit(0);
  };
  // `on`, not `once`: a process-group signal can arrive twice (tsx forwards it too), and a
  // second one must not fall through to the default handler and kill the drain.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  options.stopWhen?.((reason) => void stop(reason));
  app.log.info({ adapters: adapters.map((adapter) => adapter.name), entries: app.knowledge().size }, "Attaché is running");
}
