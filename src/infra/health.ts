/**
 * The operator's view of one process: /healthz (alive, and what it serves from), /readyz
 * (knowledge loaded and every adapter taking messages: send traffic here) and /metrics
 * (Prometheus). One handler, served on HEALTH_PORT in every mode and by the Slack HTTP
 * adapter on PORT as well.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../app.js";

export const HEALTH_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Alive and serving: 200 even when degraded (a rejected reload, Redis away), which the body says. */
function health(app: App, response: ServerResponse): void {
  const knowledge = app.live.status();
  const { store } = app;
  sendJson(response, 200, {
    status: knowledge.rejected.length > 0 || !store.connected ? "degraded" : "ok",
    uptime_s: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
    entries: knowledge.entries,
    knowledge_version: knowledge.version,
    knowledge_loaded_at: knowledge.loadedAt.toISOString(),
    knowledge_problems: knowledge.rejected.length,
    store: store.kind,
    store_connected: store.connected,
  });
}

/** Ready for traffic: knowledge loaded and every adapter started and not stopping. 503 otherwise. */
function readiness(app: App, response: ServerResponse): void {
  const adapters = Object.fromEntries(app.adapters.map((adapter) => [adapter.name, adapter.ready]));
  const ready = app.live.status().entries > 0 && app.adapters.length > 0 && app.adapters.every((adapter) => adapter.ready);
  sendJson(response, ready ? 200 : 503, { ready, adapters });
}

async function metrics(app: App, response: ServerResponse): Promise<void> {
  const text = await app.metrics.text();
  response.writeHead(200, { "content-type": app.metrics.contentType });
  response.end(text);
}

/** Answers GET /healthz, /readyz and /metrics; anything else is a 404. */
export function healthHandler(app: App): Handler {
  return (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") return sendJson(response, 405, { error: "method not allowed" });
    if (path === "/healthz") return health(app, response);
    if (path === "/readyz") return readiness(app, response);
    if (path === "/metrics") {
      metrics(app, response).catch((error: unknown) => {
        app.log.error({ err: error }, "metrics could not be collected");
        if (!response.headersSent) sendJson(response, 500, { error: "metrics unavailable" });
      });
      return;
    }
    sendJson(response, 404, { error: "not found" });
  };
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the health handler on `port` (0: any free one); all interfaces unless `host` says. */
export async function startHealthServer(app: App, port: number, host?: string): Promise<HealthServer> {
  const server: Server = createServer(healthHandler(app));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const listening = (server.address() as AddressInfo).port;
  app.log.info({ port: listening }, "health and metrics listening");
  return {
    port: listening,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
