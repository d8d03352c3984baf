/**
 * The Slack adapter's transport: Bolt over HTTP (signed requests on /slack/events, plus
 * GET /healthz) or, when SLACK_APP_TOKEN is set, over Socket Mode. What happens to each
 * request is in handlers.ts; how answers look is in render.ts. stop() is graceful: no new
 * requests are taken, and those already acked are still answered (bounded).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { finished } from "node:stream/promises";
import { App as BoltApp, type AppOptions } from "@slack/bolt";
import type { App } from "../../app.js";
import { ConfigError } from "../../config.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { InFlight } from "./in-flight.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";

/**
 * A chat answer that arrives minutes late is no answer: retry Web API calls briefly, and
 * give up on a call that hangs, instead of the client's default of ten retries in 30 minutes.
 */
const WEB_API_RETRIES = { retries: 2, factor: 2, minTimeout: 500 };
const WEB_API_TIMEOUT_MS = 10_000;

/**
 * How long stop() waits for answers in flight before giving up on them; shorter than
 * npm start's overall SHUTDOWN_GRACE_MS, so the adapter can still say what it abandoned.
 */
export const STOP_GRACE_MS = 8_000;

export interface SlackAdapter {
  /** Takes no new requests, lets those already taken be answered (bounded), then resolves. */
  stop(): Promise<void>;
  /** The HTTP port actually listened on (HTTP mode only). */
  port?: number;
}

export interface SlackListenOptions {
  /** Interface to listen on; all of them by default. Tests use 127.0.0.1. */
  host?: string;
  /** Overrides STOP_GRACE_MS (tests). */
  stopGraceMs?: number;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new ConfigError(`Set ${name} to connect Slack (see .env.example and the README).`);
  return value;
}

function healthHandler(app: App) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    const knowledge = app.live.status();
    // Still serving after a rejected reload, so still 200: "degraded" says the files need a fix.
    const body = {
      status: knowledge.rejected.length > 0 ? "degraded" : "ok",
      uptime_s: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
      entries: knowledge.entries,
      knowledge_version: knowledge.version,
      knowledge_loaded_at: knowledge.loadedAt.toISOString(),
      knowledge_problems: knowledge.rejected.length,
    };
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
}

/** Counts each request's handling as in flight until its listener is done, answer sent. */
function trackHandlers(bolt: BoltApp): InFlight {
  const inFlight = new InFlight();
  bolt.use(async ({ next }) => void (await inFlight.track(next())));
  return inFlight;
}

/** Waits for work in flight, up to `graceMs`; logs what is left behind. */
async function finishInFlight(inFlight: InFlight, graceMs: number, log: App["log"]): Promise<void> {
  log.info({ inFlight: inFlight.size }, "slack adapter taking no new requests; finishing those in flight");
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<"grace over">((resolve) => (timer = setTimeout(resolve, graceMs, "grace over")));
  const outcome = await Promise.race([inFlight.drained(), graceOver]);
  clearTimeout(timer);
  if (outcome === "grace over") log.warn({ inFlight: inFlight.size, graceMs }, "slack adapter stopping with answers still in flight");
}

/** stop() may be called more than once (a second signal, a test's cleanup): it runs once. */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= stop());
}

export async function startSlack(app: App, listen: SlackListenOptions = {}): Promise<SlackAdapter> {
  const { config, log } = app;
  const graceMs = listen.stopGraceMs ?? STOP_GRACE_MS;
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
    const inFlight = trackHandlers(bolt);
    registerHandlers(bolt, app);
    await bolt.start();
    log.info({ mode: "socket" }, "slack adapter started");
    const stop = async () => {
      // Disconnecting first means no new envelopes; answers go over HTTP, so they can still finish.
      await bolt.stop();
      await finishInFlight(inFlight, graceMs, log);
      log.info({ mode: "socket" }, "slack adapter stopped");
    };
    return { stop: once(stop) };
  }

  const bolt = new BoltApp({
    ...common,
    signingSecret: required("SLACK_SIGNING_SECRET", config.SLACK_SIGNING_SECRET),
    endpoints: EVENTS_PATH,
    customRoutes: [{ path: HEALTH_PATH, method: ["GET"], handler: healthHandler(app) }],
  });
  const inFlight = trackHandlers(bolt);
  registerHandlers(bolt, app);
  const server = await bolt.start({ port: config.PORT, host: listen.host });
  // A request is also in flight from its arrival until its ack is written, before any handler runs.
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => void inFlight.track(finished(response)));
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: "http", port }, "slack adapter started");
  const stop = async () => {
    // Closes the listener (and idle kept-alive connections): from here on, connections are refused.
    const closed = bolt.stop();
    await finishInFlight(inFlight, graceMs, log);
    // Whatever connections remain are idle (kept alive after their ack) or abandoned.
    server.closeAllConnections();
    await closed;
    log.info({ mode: "http", port }, "slack adapter stopped");
  };
  return { port, stop: once(stop) };
}
