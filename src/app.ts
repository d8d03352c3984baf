/**
 * Wiring shared by every entry point: config → logger → knowledge base → router.
 * Adapters receive the router; none of them builds its own.
 */
import { commands } from "../commands/index.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./core/log.js";
import { Router } from "./core/router.js";
import { openKnowledgeBase, type KnowledgeBase } from "./knowledge/base.js";

export interface App {
  config: Config;
  log: Logger;
  router: Router;
  /** The knowledge base currently served. */
  knowledge(): KnowledgeBase;
}

export async function createApp(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<App> {
  const kb = await openKnowledgeBase(config.knowledgeDir);
  log.debug({ entries: kb.size, version: kb.version, dir: config.knowledgeDir }, "knowledge loaded");
  const knowledge = () => kb;
  return { config, log, router: new Router(commands, knowledge, log), knowledge };
}
