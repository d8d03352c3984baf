/**
 * Wiring shared by every entry point: config → logger → knowledge base → store → router.
 * Adapters receive the app; none of them builds its own router or knowledge base. This is
 * the one place that knows both the generic core and the partnership domain.
 */
import { commands as shippedCommands } from "../commands/index.js";
import type { Config } from "./config.js";
import type { CommandDefinition } from "./core/command.js";
import { ConversationMemory } from "./core/conversation.js";
import { answerLength } from "./core/length.js";
import { createLogger, useLogSalt, type Logger } from "./core/log.js";
import { allowlist, lengthCap, rateLimit, redelivery, requiredArgument } from "./core/middleware.js";
import { MAX_MESSAGE_LENGTH } from "./core/parse.js";
import { Router, type RouterOptions } from "./core/router.js";
import { MemoryStore, type Store } from "./core/store.js";
import { Interpreter } from "./domain/understanding/interpret.js";
import type { Adapter } from "./adapters/shared/adapter.js";
import { Metrics } from "./infra/metrics.js";
import { RedisStore } from "./infra/redis-store.js";
import { openKnowledgeBase, type KnowledgeBase } from "./knowledge/base.js";
import { LiveKnowledge } from "./knowledge/live.js";

export interface App {
  config: Config;
  log: Logger;
  router: Router;
  /** Shared state: rate limits, redelivered events, conversation context (Redis when REDIS_URL is set). */
  store: Store;
  /** Counts for /metrics, fed by the router. */
  metrics: Metrics;
  /** The adapters being run (runAdapters adds them), for /readyz. */
  adapters: Adapter[];
  /** The knowledge base currently served (it changes when the files are reloaded). */
  knowledge(): KnowledgeBase;
  /** The live set: status for /healthz, reload, and the file watcher. */
  live: LiveKnowledge;
  startedAt: Date;
}

/** Platforms retry an event for a few minutes at most; remember ids a little longer. */
export const REDELIVERY_MEMORY_MS = 10 * 60_000;

export const SLACK_NOT_ALLOWED_TEXT = "Sorry, Attaché is not enabled for this workspace.";
export const DISCORD_NOT_ALLOWED_TEXT = "Sorry, Attaché is not enabled for this server.";
/**
 * Said in Discord DMs when DISCORD_ALLOWED_GUILDS is set: a DM carries no server, and
 * checking which servers the person shares with the bot would cost a lookup per message.
 */
export const DISCORD_DM_NOT_ALLOWED_TEXT = "Sorry, Attaché answers only in the servers it is enabled for, not in direct messages.";

/** How the shipped router is set up: its commands' roles and the rules every adapter shares, in order. */
export function routerOptions(
  config: Config,
  store: Store,
  log: Logger,
  knowledge: () => KnowledgeBase,
  commands: readonly CommandDefinition[] = shippedCommands,
): RouterOptions {
  return {
    emptyCommand: "help",
    fallbackCommand: "ask",
    interpret: new Interpreter(commands, knowledge).interpret,
    conversations: new ConversationMemory(store),
    middlewares: [
      redelivery(store, REDELIVERY_MEMORY_MS, log),
      allowlist({ adapter: "slack", allowed: config.SLACK_ALLOWED_TEAMS, refusalText: () => SLACK_NOT_ALLOWED_TEXT }, log),
      allowlist(
        {
          adapter: "discord",
          allowed: config.DISCORD_ALLOWED_GUILDS,
          refusalText: (server) => (server === null ? DISCORD_DM_NOT_ALLOWED_TEXT : DISCORD_NOT_ALLOWED_TEXT),
          sayInDirectMessages: true,
        },
        log,
      ),
      rateLimit(store, { capacity: config.RATE_LIMIT_REQUESTS, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 }),
      lengthCap(MAX_MESSAGE_LENGTH),
    ],
    routedMiddlewares: [requiredArgument, answerLength],
  };
}

export async function createApp(
  config: Config,
  log: Logger = createLogger(config.LOG_LEVEL),
  commands: readonly CommandDefinition[] = shippedCommands,
): Promise<App> {
  const cache = { cacheDir: config.knowledgeCacheDir };
  const kb = await openKnowledgeBase(config.knowledgeDir, cache);
  log.debug({ entries: kb.size, version: kb.version, dir: config.knowledgeDir, ...kb.folder?.lastRead }, "knowledge loaded");
  const live = new LiveKnowledge(kb, config.knowledgeDir, log, cache);
  useLogSalt(config.LOG_SALT);
  const store = config.REDIS_URL ? await RedisStore.open(config.REDIS_URL, log) : new MemoryStore();
  const metrics = new Metrics({ knowledge: () => live.status(), store });
  const router = new Router(commands, live.get, log, { ...routerOptions(config, store, log, live.get, commands), observe: metrics.observe });
  return { config, log, router, store, metrics, adapters: [], knowledge: live.get, live, startedAt: new Date() };
}
