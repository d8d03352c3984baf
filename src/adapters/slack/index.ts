/**
 * The Slack adapter's transport: Bolt over HTTP (signed requests on /slack/events, plus
 * GET /healthz, /readyz, /metrics) or, when SLACK_APP_TOKEN is set, over Socket Mode, behind the shared
 * Adapter contract. What happens to each request is in handlers.ts; how answers look is in
 * render.ts. stop() is graceful: no new requests are taken, and those already acked are
 * still answered (bounded).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { finished } from "node:stream/promises";
import { App as BoltApp, HTTPReceiver, type AppOptions } from "@slack/bolt";
import type { App } from "../../app.js";
import { boltLogger } from "./bolt-logger.js";
import { registerHandlers } from "./handlers.js";
import { ConnectionAdapter, requireSetting, type Connection } from "../shared/adapter.js";
import { ThrottledLog } from "../../core/throttled-log.js";
import { InFlight } from "../shared/in-flight.js";
import { HEALTH_PATHS, healthHandler } from "../../infra/health.js";
import { guardSlackRequests, MAX_BODY_BYTES } from "./request-guard.js";

export const EVENTS_PATH = "/slack/events";

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

export interface SlackListenOptions {
  /** Interface to listen on; all of them by default. Tests use 127.0.0.1. */
  host?: string;
  /** Overrides STOP_GRACE_MS (tests). */
  stopGraceMs?: number;
}

const SETTINGS_HINT = "it connects Slack (see .env.example and the README).";

/** Counts each request's handling as in flight until its listener is done, answer sent. */
function trackHandlers(bolt: BoltApp): InFlight {
  const inFlight = new InFlight();
  bolt.use(async ({ next }) => void (await inFlight.track(next())));
  return inFlight;
}

/** Waits for work in flight, up to `graceMs`; logs what is left behind. */
async function finishInFlight(inFlight: InFlight, graceMs: number, log: App["log"]): Promise<void> {
  log.info({ inFlight: inFlight.size }, "slack adapter taking no new requests; finishing those in flight");
  if (!(await inFlight.settle(graceMs))) log.warn({ inFlight: inFlight.size, graceMs }, "slack adapter stopping with answers still in flight");
}

interface SlackConnection extends Connection {
  port?: number;
}

function commonOptions(app: App, botToken: string): AppOptions {
  const apiUrl = app.config.SLACK_API_URL ? { slackApiUrl: app.config.SLACK_API_URL } : {};
  return {
    // A fixed token and no auth.test: the app starts and answers with no other Slack host than
    // SLACK_API_URL. The bot's user id, needed to strip its mention, comes with each event.
    authorize: async () => ({ botToken }),
    logger: boltLogger(app.log),
    clientOptions: { ...apiUrl, retryConfig: WEB_API_RETRIES, timeout: WEB_API_TIMEOUT_MS },
  };
}

async function connectSocketMode(app: App, botToken: string, appToken: string): Promise<SlackConnection> {
  const { config, log } = app;
  const bolt = new BoltApp({
    ...commonOptions(app, botToken),
    socketMode: true,
    appToken,
    // The socket's own client keeps its patient default retries: reconnecting is worth the wait.
    installerOptions: { clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {} },
  });
  const inFlight = trackHandlers(bolt);
  registerHandlers(bolt, app);
  await bolt.start();
  log.info({ mode: "socket" }, "slack adapter started");
  return {
    stop: async (graceMs) => {
      // Disconnecting first means no new envelopes; answers go over HTTP, so they can still finish.
      await bolt.stop();
      await finishInFlight(inFlight, graceMs, log);
      log.info({ mode: "socket" }, "slack adapter stopped");
    },
  };
}

async function listenHttp(app: App, botToken: string, listen: SlackListenOptions): Promise<SlackConnection> {
  const { config, log } = app;
  const signingSecret = requireSetting(config, "SLACK_SIGNING_SECRET", SETTINGS_HINT);
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: EVENTS_PATH,
    // The same /healthz, /readyz and /metrics as HEALTH_PORT, for platforms that probe the one port.
    customRoutes: HEALTH_PATHS.map((path) => ({ path, method: ["GET"], handler: healthHandler(app) })),
    logger: boltLogger(log),
    bodyLimit: MAX_BODY_BYTES,
  });
  // Bolt's server calls this property for every request: the guard sees each one first.
  receiver.requestListener = guardSlackRequests(receiver.requestListener, { path: EVENTS_PATH, signingSecret, store: app.store, log: new ThrottledLog(log) });
  const bolt = new BoltApp({ ...commonOptions(app, botToken), receiver });
  const inFlight = trackHandlers(bolt);
  registerHandlers(bolt, app);
  const server = await bolt.start({ port: config.PORT, host: listen.host });
  // A request is also in flight from its arrival until its ack is written, before any handler runs.
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => void inFlight.track(finished(response)));
  const port = (server.address() as AddressInfo).port;
  log.info({ mode: "http", port }, "slack adapter started");
  return {
    port,
    stop: async (graceMs) => {
      // Closes the listener (and idle kept-alive connections): from here on, connections are refused.
      const closed = bolt.stop();
      await finishInFlight(inFlight, graceMs, log);
      // Whatever connections remain are idle (kept alive after their ack) or abandoned.
      server.closeAllConnections();
      await closed;
      log.info({ mode: "http", port }, "slack adapter stopped");
    },
  };
}

/** Slack over HTTP or Socket Mode, with the port it listens on once started (HTTP). */
export class SlackAdapter extends ConnectionAdapter<SlackConnection> {
  get port(): number | undefined {
    return this.connection?.port;
  }
}

export function createSlackAdapter(app: App, listen: SlackListenOptions = {}): SlackAdapter {
  return new SlackAdapter(
    "slack",
    () => {
      const botToken = requireSetting(app.config, "SLACK_BOT_TOKEN", SETTINGS_HINT);
      const appToken = app.config.SLACK_APP_TOKEN;
      return appToken ? connectSocketMode(app, botToken, appToken) : listenHttp(app, botToken, listen);
    },
    listen.stopGraceMs ?? STOP_GRACE_MS,
  );
}
