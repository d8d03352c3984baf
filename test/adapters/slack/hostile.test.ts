/**
 * The real Bolt app over HTTP on 127.0.0.1 against requests that are hostile or simply odd
 * (issue #13): bodies that are not objects, floods of unsigned or huge bodies, replays,
 * far-future timestamps, repeated or missing fields, Slack's escaping, response_urls that
 * point elsewhere, and mentions written by bots.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiMethod,
  BOT_USER_ID,
  commandPayload,
  eventCallback,
  eventually,
  fakeSlackApi,
  sendEvent,
  sendSigned,
  slashCommand,
  type Recorded,
  type Recorder,
} from "./fakes.js";
import { allTexts, type SlackPayload } from "./limits.js";
import { startSlack, type RunningSlack } from "./running.js";

const FORM = "application/x-www-form-urlencoded";
/** Slack's rule: a request more than five minutes from now, either way, is refused. */
const FIVE_MINUTES_S = 5 * 60;

let api: Recorder;
/** Stands in for an internal service a forged response_url could name. */
let internal: Recorder;
let main: RunningSlack;
const started: RunningSlack[] = [];

beforeAll(async () => {
  [api, internal] = await Promise.all([fakeSlackApi(), fakeSlackApi()]);
  main = await startSlack(api);
  started.push(main);
});

afterAll(async () => {
  await Promise.all(started.map((running) => running.adapter.stop()));
  await Promise.all([api?.stop(), internal?.stop()]);
});

let answers = 0;
/** A fresh response_url on the fake Slack. */
function responseUrl(): { url: string; path: string } {
  const path = `/hostile/${(answers += 1)}`;
  return { url: `${api.url}${path}`, path };
}

const at = (path: string) => (request: Recorded) => request.path === path;
const postsTo = (channel: string) => (request: Recorded) => apiMethod("chat.postMessage")(request) && request.body.channel === channel;
const shown = (request: Recorded) => {
  const body = request.body as unknown as SlackPayload;
  return [body.text, ...allTexts(body)].join("\n");
};
const warnings = (running: RunningSlack) => running.logger.lines.filter((line) => Number(line.level) >= 40);

/**
 * Sends the headers of a POST (and `sent` bytes of its body) but never finishes it: a
 * response can only come from the headers. Resolves with the status, or "no response"
 * after `waitMs`.
 */
function unfinishedPost(url: string, headers: Record<string, string | number>, sent = "x", waitMs = 2000): Promise<number | "no response"> {
  return new Promise((resolve) => {
    const outgoing = request(`${url}/slack/events`, { method: "POST", headers });
    const timer = setTimeout(() => {
      outgoing.destroy();
      resolve("no response");
    }, waitMs);
    outgoing.on("response", (response) => {
      clearTimeout(timer);
      response.resume();
      outgoing.destroy();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", () => undefined);
    outgoing.write(sent);
  });
}

/** A genuine command, answered: whatever the requests before it set off has happened by then. */
async function genuineCommandAnswered(running: RunningSlack = main): Promise<void> {
  const response = responseUrl();
  expect((await slashCommand(running.url, { text: "gavi", response_url: response.url })).status).toBe(200);
  await api.waitFor(at(response.path));
}

describe("bodies that are not objects", () => {
  it("(item 1) given a signed body of `null`, as JSON or as a form's payload, then 400, the process stays up and the next command is answered", async () => {
    expect((await sendSigned(main.url, "null", "application/json")).status).toBe(400);
    expect((await sendSigned(main.url, "payload=null", FORM)).status).toBe(400);
    expect((await sendSigned(main.url, "[1,2]", "application/json")).status).toBe(400);
    expect((await sendSigned(main.url, "payload=%7Bnot%20json", FORM)).status).toBe(400);
    await genuineCommandAnswered();
  });
});

describe("floods of unsigned or oversized bodies", () => {
  it("(item 2) given a body declared larger than the cap, then 413 from its headers alone, before any of the body is read", async () => {
    const status = await unfinishedPost(main.url, { "content-type": "application/json", "content-length": 4 * 1024 * 1024, "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-slack-signature": `v0=${"0".repeat(64)}` });
    expect(status).toBe(413);
  });

  it("(item 2) given an unsigned request, then 401 from its headers alone, before its body is read", async () => {
    expect(await unfinishedPost(main.url, { "content-type": "application/json", "content-length": 100_000 })).toBe(401);
  });

  it("(item 2) given a burst of 30 unsigned requests, then each is refused 401 and the burst is logged in one line", async () => {
    const running = await startSlack(api);
    started.push(running);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => fetch(`${running.url}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"type":"event_callback"}' }).then((response) => response.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(warnings(running)).toHaveLength(1);
    expect(warnings(running)[0]?.msg).toMatch(/unsigned request refused/);
  });
});

it("given Slack's ssl_check, the one request Slack does not sign, then it is still answered 200", async () => {
  const response = await fetch(`${main.url}/slack/events`, { method: "POST", headers: { "content-type": FORM }, body: "ssl_check=1&token=legacy" });
  expect(response.status).toBe(200);
});

describe("replays and timestamps", () => {
  it("(item 16) given the same signed command twice (a replay inside the five minutes), then it is answered once", async () => {
    const response = responseUrl();
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await slashCommand(main.url, { text: "nato", response_url: response.url }, { timestamp })).status).toBe(200);
    await api.waitFor(at(response.path));
    expect((await slashCommand(main.url, { text: "nato", response_url: response.url }, { timestamp })).status).toBe(200);
    await genuineCommandAnswered();
    expect(api.matching(at(response.path))).toHaveLength(1);
  });

  it("(item 16) given a timestamp ten years ahead, or just outside five minutes either way, then 401 and nothing is answered", async () => {
    const now = Math.floor(Date.now() / 1000);
    const response = responseUrl();
    for (const timestamp of [now + 10 * 365 * 24 * 3600, now + FIVE_MINUTES_S + 30, now - FIVE_MINUTES_S - 30]) {
      expect((await slashCommand(main.url, { text: "gavi", response_url: response.url }, { timestamp })).status).toBe(401);
    }
    await genuineCommandAnswered();
    expect(api.matching(at(response.path))).toEqual([]);
  });

  it("(item 16) given an event redelivered with a numeric event_id (0, which is falsy), then it is answered once", async () => {
    const body = (eventId: unknown) =>
      JSON.stringify({ ...JSON.parse(eventCallback({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> gavi`, ts: "1700001000.000100", channel: "CNUMERIC", event_ts: "1700001000.000100" })), event_id: eventId });
    expect((await sendEvent(main.url, body(0))).status).toBe(200);
    await api.waitFor(postsTo("CNUMERIC"));
    // Slack redelivers with a fresh signature; the id arrives once as a number, once as a string.
    expect((await sendEvent(main.url, body(0), { timestamp: Math.floor(Date.now() / 1000) + 2 })).status).toBe(200);
    expect((await sendEvent(main.url, body("0"), { timestamp: Math.floor(Date.now() / 1000) + 3 })).status).toBe(200);
    await genuineCommandAnswered();
    await eventually(() => main.logger.lines.filter((line) => line.msg === "event redelivered; already answered" && line.eventId === "0").length === 2);
    expect(api.matching(postsTo("CNUMERIC"))).toHaveLength(1);
  });
});

describe("odd fields in slash commands", () => {
  it("(item 10) given a repeated `text` field, then the first one is answered, with no apology and no error logged", async () => {
    const response = responseUrl();
    const form = new URLSearchParams(commandPayload({ text: "gavi", response_url: response.url }));
    form.append("text", "nato");
    expect((await sendSigned(main.url, form.toString(), FORM)).status).toBe(200);
    const answer = await api.waitFor(at(response.path));
    expect(shown(answer)).toContain("Gavi, the Vaccine Alliance");
    expect(main.logger.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it("(item 10) given no `text` field at all, then the help is the answer, as for an empty command", async () => {
    const response = responseUrl();
    const fields = commandPayload({ text: "", response_url: response.url });
    delete (fields as Partial<typeof fields>).text;
    expect((await sendSigned(main.url, new URLSearchParams(fields).toString(), FORM)).status).toBe(200);
    const answer = await api.waitFor(at(response.path));
    expect(shown(answer)).toContain("Attaché: cited answers on international partnerships");
    expect(main.logger.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it("(item 11) given a response_url that is not Slack's, then nothing is posted there and the refusal is logged", async () => {
    const forged = `${internal.url}/internal/admin`;
    expect((await slashCommand(main.url, { text: "gavi", response_url: forged })).status).toBe(200);
    expect((await slashCommand(main.url, { text: "gavi", response_url: "javascript:alert(1)" })).status).toBe(200);
    await genuineCommandAnswered();
    expect(internal.requests).toEqual([]);
    expect(main.logger.lines).toContainEqual(expect.objectContaining({ msg: "slack request whose response_url is not Slack's; not answered", kind: "command", host: new URL(internal.url).host }));
  });
});

describe("Slack's escaping of &, < and >", () => {
  it("(item 12) given `search Bill &amp; Melinda Gates` (as Slack sends a typed &), then it is searched as typed and echoed escaped once", async () => {
    const response = responseUrl();
    await slashCommand(main.url, { text: "search Bill &amp; Melinda Gates", response_url: response.url });
    const answer = shown(await api.waitFor(at(response.path)));
    expect(answer).toContain("“Bill &amp; Melinda Gates”");
    expect(answer).not.toContain("&amp;amp;");
    expect(answer).toContain("Gavi, the Vaccine Alliance");
  });

  it("(item 12) given a mention and a DM with &lt; and &gt;, then they are read as < and > and shown escaped once", async () => {
    await sendEvent(main.url, eventCallback({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> search a &lt;b&gt; &amp; c`, ts: "1700002000.000100", channel: "CESCAPE", event_ts: "1700002000.000100" }));
    await sendEvent(main.url, eventCallback({ type: "message", channel_type: "im", channel: "DESCAPE", user: "UANA", text: "search a &lt;b&gt; &amp; c", ts: "1700002000.000200", event_ts: "1700002000.000200" }));
    for (const channel of ["CESCAPE", "DESCAPE"]) {
      const answer = shown(await api.waitFor(postsTo(channel)));
      expect(answer).toContain("“a &lt;b&gt; &amp; c”");
      expect(answer).not.toMatch(/&amp;(amp|lt|gt);/);
    }
  });
});

describe("mentions written by bots", () => {
  it("(item 13) given a mention from a bot (bot_id, subtype bot_message, or this bot's own user), then it is not answered", async () => {
    const mention = { type: "app_mention", text: `<@${BOT_USER_ID}> gavi`, ts: "1700003000.000100", channel: "CBOTS", event_ts: "1700003000.000100" };
    await sendEvent(main.url, eventCallback({ ...mention, user: "UOTHERBOT", bot_id: "B0OTHER" }));
    await sendEvent(main.url, eventCallback({ ...mention, subtype: "bot_message", bot_id: "B0OTHER" }));
    await sendEvent(main.url, eventCallback({ ...mention, user: BOT_USER_ID }));
    await sendEvent(main.url, eventCallback({ ...mention, user: "UANA", channel: "CPEOPLE" }));
    await api.waitFor(postsTo("CPEOPLE"));
    expect(api.matching(postsTo("CBOTS"))).toEqual([]);
    expect(api.matching((request) => apiMethod("chat.postEphemeral")(request) && request.body.channel === "CBOTS")).toEqual([]);
  });
});
