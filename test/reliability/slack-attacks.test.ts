/**
 * Black-box attacks on `npm start` (its own process, Slack in HTTP mode, on 127.0.0.1) with a
 * fake Slack beside it: hostile bodies, floods, replays, forged destinations and bot loops,
 * each bounded in count and size. Whatever comes in, the process stays up, never answers
 * with a stack trace, logs a flood in a line or two rather than a line per request, and
 * still answers a genuine command at the end.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_USER_ID, eventCallback, fakeSlackApi, SIGNING_SECRET, sendEvent, sendSigned, signature, slashCommand, type Recorded, type Recorder } from "../adapters/slack/fakes.js";
import { freePort, START_TIMEOUT_MS, startMain, killAllStarted, type MainProcess } from "../support/processes.js";
import { waitFor } from "../support/wait.js";

const FORM = "application/x-www-form-urlencoded";
const MB = 1024 * 1024;

let api: Recorder;
/** An internal service that a forged response_url names. */
let internal: Recorder;
let main: MainProcess;
let appUrl: string;
/** Every response body the app sent back during the attacks. */
const bodies: string[] = [];

beforeAll(async () => {
  [api, internal] = await Promise.all([fakeSlackApi(), fakeSlackApi()]);
  const port = await freePort();
  main = startMain({ SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${api.url}/api/`, PORT: String(port), LOG_LEVEL: "info", RATE_LIMIT_REQUESTS: "1000" });
  appUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${appUrl}/healthz`).catch(() => undefined))?.ok, "/healthz to answer 200", START_TIMEOUT_MS);
}, START_TIMEOUT_MS + 5000);

afterAll(async () => {
  killAllStarted();
  await Promise.all([api?.stop(), internal?.stop()]);
});

/**
 * A raw POST to /slack/events: `body` is sent in `chunks` pieces, chunked (no length declared)
 * unless `headers` declare one. Resolves with the status and body, or the network error.
 */
function rawPost(headers: Record<string, string | number>, body: Buffer, chunks = 1): Promise<string> {
  return new Promise((resolve) => {
    const outgoing = request(`${appUrl}/slack/events`, { method: "POST", headers });
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error("timeout")));
    outgoing.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        bodies.push(text);
        resolve(String(response.statusCode));
      });
    });
    // A refused body is not read: the app may close the connection while it is still being sent.
    outgoing.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    const size = Math.ceil(body.length / chunks);
    for (let start = 0; start < body.length; start += size) outgoing.write(body.subarray(start, start + size));
    outgoing.end();
  });
}

const now = () => Math.floor(Date.now() / 1000);
const forgedHeaders = () => ({ "content-type": "application/json", "x-slack-request-timestamp": String(now()), "x-slack-signature": `v0=${"a".repeat(64)}` });
const REFUSED = new Set(["401", "413", "503", "EPIPE", "ECONNRESET"]);
const at = (path: string) => (recorded: Recorded) => recorded.path === path;

async function signed(body: string, contentType = "application/json"): Promise<number> {
  const sent = await sendSigned(appUrl, body, contentType);
  bodies.push(sent.text);
  return sent.status;
}

describe("npm start under attack", () => {
  it("given signed bodies that are not objects (null, payload=null, arrays, numbers, broken JSON), then each is refused 400", async () => {
    for (const body of ["null", "[]", "42", '"text"', "{", ""]) expect(await signed(body), body).toBe(400);
    for (const body of ["payload=null", "payload=%5B%5D", "payload=%7B"]) expect(await signed(body, FORM), body).toBe(400);
  });

  it("given 40 unsigned 1 MB bodies at once, declared or chunked, then every one is refused unread", async () => {
    const body = Buffer.alloc(MB, "x");
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, index) => rawPost(index % 2 ? { "content-type": "application/json", "content-length": MB } : { "content-type": "application/json" }, body, 8)),
    );
    for (const outcome of outcomes) expect(REFUSED).toContain(outcome);
  });

  it("given 20 bodies with forged signature headers, chunked past the size cap, then each is cut off at the cap", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => rawPost(forgedHeaders(), Buffer.alloc(MB, "{"), 16)));
    for (const outcome of outcomes) expect(REFUSED).toContain(outcome);
  });

  it("given 100 clients that send 200 KB of a body with forged headers and vanish (more than the read budget together), then a genuine command is still taken", async () => {
    const vanished = Array.from({ length: 100 }, () =>
      new Promise<void>((resolve) => {
        const outgoing = request(`${appUrl}/slack/events`, { method: "POST", headers: forgedHeaders() });
        outgoing.on("error", () => resolve());
        outgoing.write(Buffer.alloc(200 * 1024, "{"), () => setTimeout(() => (outgoing.destroy(), resolve()), 50));
      }),
    );
    await Promise.all(vanished);
    const sent = await slashCommand(appUrl, { text: "gavi", response_url: `${api.url}/after-vanished` });
    expect(sent.status).toBe(200);
    await api.waitFor(at("/after-vanished"));
  });

  it("given a forged signature on a small body, a duplicated signature header and a timestamp ten years ahead, then 401 each", async () => {
    expect(await rawPost(forgedHeaders(), Buffer.from("{}"))).toBe("401");
    const duplicated = await new Promise<number>((resolve) => {
      const body = "{}";
      const outgoing = request(`${appUrl}/slack/events`, { method: "POST" });
      outgoing.setHeader("content-type", "application/json");
      outgoing.setHeader("x-slack-request-timestamp", String(now()));
      outgoing.setHeader("x-slack-signature", [signature(body, now()), signature(body, now())]);
      outgoing.on("response", (response) => (response.resume(), resolve(response.statusCode ?? 0)));
      outgoing.end(body);
    });
    expect(duplicated).toBe(401);
    const future = now() + 10 * 365 * 24 * 3600;
    expect((await slashCommand(appUrl, { text: "gavi", response_url: `${api.url}/future` }, { timestamp: future })).status).toBe(401);
  });

  it("given a signed command replayed ten times, a forged response_url and a bot mentioning the bot, then one answer, at Slack, for the person only", async () => {
    const timestamp = now();
    const replays = await Promise.all(Array.from({ length: 10 }, () => slashCommand(appUrl, { text: "nato", response_url: `${api.url}/replayed` }, { timestamp })));
    expect(new Set(replays.map((sent) => sent.status))).toEqual(new Set([200]));
    await slashCommand(appUrl, { text: "gavi", response_url: `${internal.url}/internal/admin` });
    const mention = { type: "app_mention", text: `<@${BOT_USER_ID}> gavi`, channel: "CLOOP", ts: "1700009000.000100", event_ts: "1700009000.000100" };
    await sendEvent(appUrl, eventCallback({ ...mention, user: "UOTHERBOT", bot_id: "B0OTHER" }));
    await sendEvent(appUrl, eventCallback({ ...mention, user: BOT_USER_ID }));
    await slashCommand(appUrl, { text: "gavi", response_url: `${api.url}/genuine` });
    await api.waitFor(at("/genuine"));
    expect(api.matching(at("/replayed"))).toHaveLength(1);
    expect(api.matching(at("/future"))).toEqual([]);
    expect(api.matching((recorded) => recorded.body.channel === "CLOOP")).toEqual([]);
    expect(internal.requests).toEqual([]);
  });

  it("given odd methods and paths, then plain refusals, and /healthz still answers", async () => {
    for (const [method, path] of [["GET", "/slack/events"], ["PUT", "/slack/events"], ["POST", "//slack/events"], ["POST", "/slack/events/../events?x=1"], ["DELETE", "/healthz"]] as const) {
      const response = await fetch(`${appUrl}${path}`, { method, body: method === "GET" ? undefined : "{}" }).catch((error: Error) => error);
      if (!(response instanceof Error)) bodies.push(await response.text());
    }
    expect((await fetch(`${appUrl}/healthz`)).status).toBe(200);
  });

  it("afterwards: still up, no stack trace in any response, no error logged, and each kind of refusal logged about once", async () => {
    expect(await Promise.race([main.exited.then(() => "exited"), new Promise((resolve) => setTimeout(resolve, 100, "running"))])).toBe("running");
    for (const body of bodies) expect(body).not.toMatch(/\bat .+:\d+|Error:|TypeError/);
    const logs = main.logs();
    expect(logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    const refusals = logs.filter((line) => Number(line.level) === 40).map((line) => String(line.msg));
    // Over a hundred hostile requests above, but each kind of refusal is one line per burst.
    for (const message of new Set(refusals)) expect(refusals.filter((line) => line === message).length, message).toBeLessThanOrEqual(2);
    expect(refusals.length).toBeLessThan(20);
  });
});
