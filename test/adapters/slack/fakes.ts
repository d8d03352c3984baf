/**
 * Stand-ins for Slack's side, all on 127.0.0.1: a Web API that records every call (and can
 * be told to fail) and serves response_urls, and correctly signed requests to our app.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const SIGNING_SECRET = "test-signing-secret";
export const BOT_USER_ID = "UBOT";
export const TEAM_ID = "T0TEST";

export interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed body: JSON, or form fields with JSON-looking values (blocks) parsed. */
  body: Record<string, unknown>;
  at: number;
}

/** What to answer a request with; a promise holds the answer back until it settles. */
type Answer = (request: Recorded) => Answered | Promise<Answered>;
type Answered = { status?: number; body: unknown };

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}

/** An HTTP server that records each request and answers as told. */
export class Recorder {
  readonly requests: Recorded[] = [];
  private readonly waiters: Array<{ match: (request: Recorded) => boolean; resolve: (request: Recorded) => void }> = [];
  private server?: Server;
  url = "";

  constructor(private readonly answer: Answer) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      let raw = "";
      request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      request.on("end", () => {
        const recorded = { path: request.url ?? "", headers: request.headers, body: parseBody(raw, request.headers["content-type"]), at: performance.now() };
        this.requests.push(recorded);
        for (const waiter of this.waiters.filter((candidate) => candidate.match(recorded))) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(recorded);
        }
        void Promise.resolve(this.answer(recorded)).then(({ status = 200, body }) => {
          response.writeHead(status, { "content-type": "application/json" });
          response.end(JSON.stringify(body));
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The first request (already recorded or still to come) that matches. */
  waitFor(match: (request: Recorded) => boolean, timeoutMs = 5000): Promise<Recorded> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching request within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (request) => (clearTimeout(timer), resolve(request)) });
    });
  }

  matching(match: (request: Recorded) => boolean): Recorded[] {
    return this.requests.filter(match);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Channels where the fake Web API refuses chat.postMessage, with Slack's error code. */
export const FAILING_CHANNELS: Record<string, string> = {
  CNOTMEMBER: "not_in_channel",
  CBROKEN: "fatal_error",
};

let nextTs = 1_700_000_000;

/**
 * A fake Slack under one origin: the Web API under /api/ (chat.postMessage, chat.postEphemeral,
 * auth.test and, for Socket Mode, apps.connections.open handing out `socketUrl`), and
 * response_urls at every other path, recorded and accepted once `holdAnswers` (if given)
 * lets them through. One origin because the app posts to response_urls only on Slack's
 * hooks host or on SLACK_API_URL's origin.
 */
export function fakeSlackApi(socketUrl?: () => string, holdAnswers?: (request: Recorded) => Promise<void>): Promise<Recorder> {
  return new Recorder((request) => {
    if (!request.path.startsWith("/api/")) return holdAnswers ? holdAnswers(request).then(() => ({ body: { ok: true } })) : { body: { ok: true } };
    const method = request.path.replace(/^\/api\//, "");
    const channel = String(request.body.channel ?? "");
    if (method === "chat.postMessage" && FAILING_CHANNELS[channel]) return { body: { ok: false, error: FAILING_CHANNELS[channel] } };
    if (method === "auth.test") return { body: { ok: true, user_id: BOT_USER_ID, bot_id: "BBOT", team_id: TEAM_ID } };
    if (method === "apps.connections.open" && socketUrl) return { body: { ok: true, url: socketUrl() } };
    return { body: { ok: true, channel, ts: `${(nextTs += 1)}.000100`, message_ts: `${nextTs}.000200` } };
  }).start();
}

export const apiMethod = (method: string) => (request: Recorded) => request.path === `/api/${method}`;

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  /** Abandons the request (a load test's deadline). */
  signal?: AbortSignal;
}

export interface Sent {
  status: number;
  text: string;
  /** When the response arrived (performance.now()), and how long it took. */
  at: number;
  ms: number;
}

/** POSTs a body to the app's /slack/events, signed as Slack signs it. */
export async function sendSigned(appUrl: string, body: string, contentType: string, options: SendOptions = {}): Promise<Sent> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${appUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
    signal: options.signal,
  });
  const text = await response.text();
  const at = performance.now();
  return { status: response.status, text, at, ms: at - started };
}

const FORM = "application/x-www-form-urlencoded";

type CommandFields = { text: string; response_url: string; channel_id?: string; user_id?: string; team_id?: string };

/** The fields Slack sends for a slash command. */
export function commandPayload(fields: CommandFields): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "attache-test",
    channel_id: "CGENERAL",
    channel_name: "general",
    user_id: "UANA",
    user_name: "ana",
    command: "/attache",
    api_app_id: "A0TEST",
    trigger_id: "1.2.3",
    ...fields,
  };
}

export function slashCommand(appUrl: string, fields: CommandFields, options?: SendOptions) {
  return sendSigned(appUrl, new URLSearchParams(commandPayload(fields)).toString(), FORM, options);
}

export function buttonClick(
  appUrl: string,
  click: { action_id: string; value: string; response_url: string; channel?: string; user?: string },
  options?: SendOptions,
) {
  const payload = {
    type: "block_actions",
    user: { id: click.user ?? "UANA", username: "ana", team_id: TEAM_ID },
    api_app_id: "A0TEST",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1700000000.000001", channel_id: click.channel ?? "CGENERAL", is_ephemeral: true },
    trigger_id: "1.2.3",
    team: { id: TEAM_ID, domain: "attache-test" },
    channel: { id: click.channel ?? "CGENERAL", name: "general" },
    response_url: click.response_url,
    actions: [
      {
        action_id: click.action_id,
        block_id: "answer",
        text: { type: "plain_text", text: "button" },
        value: click.value,
        type: "button",
        action_ts: "1700000001.000001",
      },
    ],
  };
  return sendSigned(appUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, options);
}

let nextEvent = 0;

/** The Events API envelope around one event, as Slack sends it. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${(nextEvent += 1)}`): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0TEST",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  };
}

export function eventCallback(event: Record<string, unknown>, eventId?: string): string {
  return JSON.stringify(eventEnvelope(event, eventId));
}

export function sendEvent(appUrl: string, body: string, options?: SendOptions) {
  return sendSigned(appUrl, body, "application/json", options);
}

/** Polls until `check` holds: for things with no request to wait on, such as a log line. */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
