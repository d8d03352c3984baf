/**
 * What stands in front of Bolt on the Slack events path, because Bolt reads a whole body
 * (up to 4 MB) before it checks who sent it, answers a replayed request again, accepts a
 * timestamp from the far future, and crashes on a signed body of `null`. Here, in order:
 * a declared size over the cap is refused unread; unsigned or stale requests are refused
 * from their headers alone; the body is read up to the cap (and within a budget shared by
 * all requests being read), its signature checked as it arrives; a signature seen before
 * is a replay; a body that is not an object is refused. Only then does Bolt see it, already
 * read. Refusals are logged one line per burst.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Store } from "../../core/store.js";
import type { ThrottledLog } from "../../core/throttled-log.js";

/** Slack's payloads are a few KB; the largest (a block action on a long message) stay well under this. */
export const MAX_BODY_BYTES = 256 * 1024;
/** All bodies being read at one moment, together: what a flood of forged but well-formed headers can cost. */
export const BODY_BUDGET_BYTES = 16 * 1024 * 1024;
/** Slack's own rule: a request more than five minutes from now, either way, is refused. */
export const TIMESTAMP_WINDOW_S = 5 * 60;
/** A signature stays valid for the whole window on both sides of its timestamp. */
export const REPLAY_MEMORY_MS = 2 * TIMESTAMP_WINDOW_S * 1000;
/** Slack's ssl_check is the one unsigned request: a short form. */
const SSL_CHECK_MAX_BYTES = 1024;

const FORM = "application/x-www-form-urlencoded";
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export interface GuardOptions {
  path: string;
  signingSecret: string;
  /** Where seen signatures are kept: shared by every replica when the store is. */
  store: Store;
  log: ThrottledLog;
  /** Seconds since the epoch (tests move it). */
  nowSeconds?: () => number;
}

/** Bolt reads `rawBody` instead of the stream when it is already there. */
type ReadRequest = IncomingMessage & { rawBody?: Buffer };

type Refusal = { status: number; reason: string };

function refuse(response: ServerResponse, { status }: Refusal): void {
  // The rest of a refused body is never read: close the connection rather than drain it.
  response.writeHead(status, { connection: "close" }).end();
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** The request's signature and timestamp if they are well-formed and current; why not otherwise. */
function signedHeaders(request: IncomingMessage, now: number): { signature: string; timestamp: string } | Refusal {
  const signature = header(request, "x-slack-signature");
  const timestamp = header(request, "x-slack-request-timestamp");
  if (!signature || !timestamp) return { status: 401, reason: "unsigned request refused" };
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return { status: 401, reason: "malformed signature headers refused" };
  if (Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_S) return { status: 401, reason: "request timestamp outside the five-minute window refused" };
  return { signature, timestamp };
}

/** Reads the body up to `limit` bytes, feeding each chunk to `onChunk`, within the shared budget. */
function readBody(request: IncomingMessage, limit: number, budget: { used: number }, onChunk: (chunk: Buffer) => void): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Buffer | Refusal) => {
      if (settled) return;
      settled = true;
      budget.used -= size;
      request.removeListener("data", onData);
      if (!Buffer.isBuffer(outcome)) request.pause();
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit) return settle({ status: 413, reason: "request body over the size cap refused" });
      if (budget.used + chunk.length > BODY_BUDGET_BYTES) return settle({ status: 503, reason: "too many request bodies at once; refused" });
      size += chunk.length;
      budget.used += chunk.length;
      chunks.push(chunk);
      onChunk(chunk);
    };
    request.on("data", onData);
    request.once("end", () => settle(Buffer.concat(chunks)));
    // A client that vanishes mid-body must give its share of the budget back, whether Node reports it as an error or only as a close.
    request.once("error", () => settle({ status: 400, reason: "request body aborted" }));
    request.once("close", () => settle({ status: 400, reason: "request body aborted" }));
  });
}

/** The body as Bolt will parse it: a form (its `payload` field as JSON, if any) or JSON. */
function parsedBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString("utf8");
  if (contentType === FORM) {
    const fields = parseQuery(text);
    return typeof fields.payload === "string" ? JSON.parse(fields.payload) : fields;
  }
  return JSON.parse(text);
}

/** The path as Bolt routes it. */
function pathOf(request: IncomingMessage): string | undefined {
  return URL.parse(request.url ?? "", "http://localhost")?.pathname;
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Wraps Bolt's request listener: other paths go straight through; the events path is guarded. */
export function guardSlackRequests(bolt: RequestListener, options: GuardOptions): RequestListener {
  const { path, signingSecret, store, log } = options;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const budget = { used: 0 };
  const refused = (response: ServerResponse, refusal: Refusal) => {
    log.write("warn", { status: refusal.status }, `slack: ${refusal.reason}`);
    refuse(response, refusal);
  };

  /** Slack's ssl_check, the one unsigned request: a short form, so only a short form is read to see. */
  async function isSslCheck(request: IncomingMessage): Promise<boolean> {
    if (request.headers["content-type"] !== FORM || !(Number(request.headers["content-length"]) <= SSL_CHECK_MAX_BYTES)) return false;
    const body = await readBody(request, SSL_CHECK_MAX_BYTES, budget, () => undefined);
    return Buffer.isBuffer(body) && parseQuery(body.toString("utf8")).ssl_check === "1";
  }

  async function guard(request: ReadRequest, response: ServerResponse): Promise<void> {
    if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return refused(response, { status: 413, reason: "request body over the size cap refused" });
    const signed = signedHeaders(request, nowSeconds());
    if ("status" in signed) {
      if (!(await isSslCheck(request))) return refused(response, signed);
      response.writeHead(200).end();
      return;
    }
    const hmac = createHmac("sha256", signingSecret).update(`v0:${signed.timestamp}:`);
    const body = await readBody(request, MAX_BODY_BYTES, budget, (chunk) => hmac.update(chunk));
    if (!Buffer.isBuffer(body)) return refused(response, body);
    const expected = Buffer.from(`v0=${hmac.digest("hex")}`);
    if (!timingSafeEqual(expected, Buffer.from(signed.signature))) return refused(response, { status: 401, reason: "request with a wrong signature refused" });
    if (!(await store.setIfAbsent(`slack:signature:${signed.signature}`, "1", REPLAY_MEMORY_MS))) {
      // Answered already: acknowledge, so a genuine duplicate delivery is not retried, but do nothing.
      log.write("warn", {}, "slack: replayed request ignored");
      response.writeHead(200).end();
      return;
    }
    let parsed: unknown;
    try {
      parsed = parsedBody(body, request.headers["content-type"]);
    } catch {
      return refused(response, { status: 400, reason: "signed request with a malformed body refused" });
    }
    if (!isObject(parsed)) return refused(response, { status: 400, reason: "signed request whose body is not an object refused" });
    request.rawBody = body;
    bolt(request, response);
  }

  return (request, response) => {
    if (request.method !== "POST" || pathOf(request) !== path) return bolt(request, response);
    guard(request, response).catch((error: unknown) => {
      log.write("error", { err: error }, "slack: request guard failed");
      if (!response.headersSent) refuse(response, { status: 500, reason: "" });
    });
  };
}
