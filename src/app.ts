/**
 * Wiring shared by every entry point: config → logger → knowledge base → router.
 * Adapters receive the app; none of them builds its own router or knowledge base.
 */
import { commands } from "../commands/index.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./core/log.js";
import { RateLimiter } from "./core/rate-limit.js";
import { Router } from "./core/router.js";
import { openKnowledgeBase, type KnowledgeBase } from "./knowledge/base.js";
import { LiveKnowledge } from "./knowledge/live.js";

export interface App {
  config: Config;
  log: Logger;
  router: Router;
  /** The knowledge base currently served (it changes when the files are reloaded). */
  knowledge(): KnowledgeBase;
  /** The live set: status for /healthz, reload, and the file watcher. */
  live: LiveKnowledge;
  startedAt: Date;
}

export async function createApp(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<App> {
  const cache = { cacheDir: config.knowledgeCacheDir };
  const kb = await openKnowledgeBase(config.knowledgeDir, cache);
  log.debug({ entries: kb.size, version: kb.version, dir: config.knowledgeDir, ...kb.folder?.lastRead }, "knowledge loaded");
  const live = new LiveKnowledge(kb, config.knowledgeDir, log, cache);
  const limiter = new RateLimiter({ capacity: config.RATE_LIMIT_REQUESTS, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS });
  const router = new Router(commands, live.get, log, limiter);
  return { config, log, router, knowledge: live.get, live, startedAt: new Date() };
}
