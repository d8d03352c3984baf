/**
 * The Slack adapter's transport: Bolt over HTTP (signed requests on /slack/events, plus
 * GET /healthz) or, when SLACK_APP_TOKEN is set, over Socket Mode. What happens to each
 * request is in handlers.ts; how answers look is in render.ts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App as BoltApp, type AppOptions } from "@slack/bolt";
import type { App } from "../../app.js";
import { ConfigError } from "../../config.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";

/**
 * A chat answer that arrives minutes late is no answer: retry Web API calls briefly, and
 * give up on a call that hangs, instead of the client's default of ten retries in 30 minutes.
 */
const WEB_API_RETRIES = { retries: 2, factor: 2, minTimeout: 500 };
const WEB_API_TIMEOUT_MS = 10_000;

export interface SlackAdapter {
  stop(): Promise<void>;
  /** The HTTP port actually listened on (HTTP mode only). */
  port?: number;
}

export interface SlackListenOptions {
  /** Interface to listen on; all of them by default. Tests use 127.0.0.1. */
  host?: string;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new ConfigError(`Set ${name} to connect Slack (see .env.example and the README).`);
  return value;
}

function healthHandler(app: App) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    const kb = app.knowledge();
    const body = {
      status: "ok",
      uptime_s: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
      entries: kb.size,
      knowledge_version: kb.version,
    };
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
}

export async function startSlack(app: App, listen: SlackListenOptions = {}): Promise<SlackAdapter> {
  const { config, log } = app;
  const botToken = required("SLACK_BOT_TOKEN", config.SLACK_BOT_TOKEN);
  const apiUrl = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  const common: AppOptions = {
    // A fixed token and no auth.test: the app starts and answers with no other Slack host than
    // SLACK_API_URL. The bot's user id, needed to strip its mention, comes with each event.
    authorize: async () => ({ botToken }),
    logger: boltLogger(log),
    clientOptions: {
      ...apiUrl,
      retryConfig: WEB_API_RETRIES,
      timeout: WEB_API_TIMEOUT_MS,
    },
  };

  if (config.SLACK_APP_TOKEN) {
    const bolt = new BoltApp({
      ...common,
      socketMode: true,
      appToken: config.SLACK_APP_TOKEN,
      // The socket's own client keeps its patient default retries: reconnecting is worth the wait.
      installerOptions: { clientOptions: apiUrl },
    });
    registerHandlers(bolt, app);
    await bolt.start();
    log.info({ mode: "socket" }, "slack adapter started");
    return { stop: async () => void (await bolt.stop()) };
  }

  const bolt = new BoltApp({
    ...common,
    signingSecret: required("SLACK_SIGNING_SECRET", config.SLACK_SIGNING_SECRET),
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: HEALTH_PATH, method: ["GET"], handler: healthHandler(app) }],
  });
  registerHandlers(bolt, app);
  const server = await bolt.start({ port: config.PORT, host: listen.host });
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: "http", port }, "slack adapter started");
  return { port, stop: async () => void (await bolt.stop()) };
}
