/**
 * The real Bolt app over HTTP on 127.0.0.1, answering from the real knowledge base, with a
 * fake Slack (Web API and response_urls): signed requests in, what Slack would receive out.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "node:net";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { routerOptions, type App } from "../../../src/app.js";
import type { Origin } from "../../../src/core/router.js";
import { Router } from "../../../src/core/router.js";
import type { Reply } from "../../../src/core/reply.js";
import type { SlackAdapter, SlackListenOptions } from "../../../src/adapters/slack/index.js";
import { SLACK_NOT_ALLOWED_TEXT as NOT_ALLOWED_TEXT } from "../../../src/app.js";
import { ASK_ACTION_PREFIX, MORE_ACTION_ID, SHARE_ACTION_ID } from "../../../src/adapters/slack/render.js";
import { KNOWLEDGE_DIR } from "../../support/app.js";
import {
  apiMethod,
  BOT_USER_ID,
  buttonClick,
  commandPayload,
  eventCallback,
  eventually,
  fakeSlackApi,
  sendEvent,
  sendSigned,
  signature,
  slashCommand,
  TEAM_ID,
  type Recorded,
  type Recorder,
} from "./fakes.js";
import { allTexts, slackProblems, type SlackPayload } from "./limits.js";
import { startSlack, type RunningSlack } from "./running.js";

let api: Recorder;
let responses: Recorder;
const adapters: SlackAdapter[] = [];

type Running = RunningSlack;

async function startAdapter(env: Record<string, string> = {}, router?: (app: App) => Router, listen: SlackListenOptions = {}): Promise<Running> {
  const running = await startSlack(api, env, router, listen);
  adapters.push(running.adapter);
  return running;
}

let responseCount = 0;
/** A fresh response_url, and a way to wait for what arrives at it. */
function responseUrl() {
  const path = `/respond/${(responseCount += 1)}`;
  return {
    url: `${responses.url}${path}`,
    next: (after = 0) => responses.waitFor((request) => request.path === path && responses.matching((r) => r.path === path).indexOf(request) >= after),
    all: () => responses.matching((request) => request.path === path),
  };
}

const payload = (request: Recorded) => request.body as unknown as SlackPayload & Record<string, unknown>;
const headerOf = (request: Recorded) => (payload(request).blocks[0] as { type: string; text?: { text: string } } | undefined)?.text?.text;
const buttonsOf = (request: Recorded) =>
  (payload(request).blocks as Array<{ type: string; elements?: Array<{ type: string; action_id: string; value: string }> }>)
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements ?? []);
const postsTo = (channel: string) => (request: Recorded) => apiMethod("chat.postMessage")(request) && request.body.channel === channel;

let main: Running;

beforeAll(async () => {
  api = await fakeSlackApi();
  // The fake Slack serves response_urls too: the app answers only at Slack's (or SLACK_API_URL's) origin.
  responses = api;
  main = await startAdapter();
});

afterAll(async () => {
  await Promise.all(adapters.map((adapter) => adapter.stop()));
  await api?.stop();
});

describe("slash command", () => {
  it("given `/attache gavi`, then it acks 200 with an empty body and the Gavi card's first screen arrives at the response_url, ephemeral, with More and Share buttons", async () => {
    const response = responseUrl();
    const ack = await slashCommand(main.url, { text: "gavi", response_url: response.url });
    expect(ack.status).toBe(200);
    expect(ack.text).toBe("");
    const answer = await response.next();
    expect(payload(answer).response_type).toBe("ephemeral");
    expect(payload(answer).blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Gavi, the Vaccine Alliance", emoji: true } });
    expect(allTexts(payload(answer)).some((text) => text.startsWith("*U.S. role*\n"))).toBe(true);
    expect(allTexts(payload(answer)).some((text) => text.startsWith("*Founded*"))).toBe(false);
    expect(buttonsOf(answer)).toContainEqual(expect.objectContaining({ action_id: MORE_ACTION_ID, value: "gavi --full" }));
    expect(buttonsOf(answer)).toContainEqual(expect.objectContaining({ action_id: SHARE_ACTION_ID, value: "gavi" }));
    expect(payload(answer).text).toContain("Gavi, the Vaccine Alliance");
    expect(slackProblems(payload(answer))).toEqual([]);
    expect(api.matching(apiMethod("chat.postMessage")).filter((request) => JSON.stringify(request.body).includes("Gavi"))).toEqual([]);
  });

  it("given an empty command, then the help says how to ask, and in full it lists the commands, escaped", async () => {
    const response = responseUrl();
    await slashCommand(main.url, { text: "", response_url: response.url });
    const answer = await response.next();
    expect(headerOf(answer)).toBe("Attaché: cited answers on international partnerships");
    expect(allTexts(payload(answer)).join("\n")).toContain("“help in full” lists them all");
    expect(slackProblems(payload(answer))).toEqual([]);
    const full = responseUrl();
    await slashCommand(main.url, { text: "help in full", response_url: full.url });
    const listed = await full.next();
    expect(allTexts(payload(listed)).join("\n")).toContain("• search &lt;words&gt;: Search the whole knowledge base");
    expect(slackProblems(payload(listed))).toEqual([]);
  });

  it("given a query with <!channel>, then the answer shows it as text and pings no one", async () => {
    const response = responseUrl();
    await slashCommand(main.url, { text: "<!channel> please <@U0BOSS> <!here>", response_url: response.url });
    const answer = await response.next();
    // Everything Slack shows; the Share button's value carries the query back to us but is never shown.
    const shown = [payload(answer).text, ...allTexts(payload(answer))].join("\n");
    for (const live of ["<!channel>", "<!here>", "<@U0BOSS>"]) expect(shown).not.toContain(live);
    expect(shown).toContain("“&lt;!channel&gt; please &lt;@U0BOSS&gt; &lt;!here&gt;”");
    expect(slackProblems(payload(answer))).toEqual([]);
  });

  it("given a name with a close alternative, then a suggestion button runs that suggestion when clicked", async () => {
    const first = responseUrl();
    await slashCommand(main.url, { text: "concept legitimcy", response_url: first.url });
    const card = await first.next();
    const suggestion = buttonsOf(card).find((button) => button.action_id.startsWith(ASK_ACTION_PREFIX));
    expect(suggestion?.value).toMatch(/^concept [a-z-]+$/);
    const suggested = main.app.knowledge().get(suggestion?.value.split(" ")[1] ?? "");

    const click = responseUrl();
    const ack = await buttonClick(main.url, { action_id: suggestion?.action_id ?? "", value: suggestion?.value ?? "", response_url: click.url });
    expect(ack.status).toBe(200);
    const answer = await click.next();
    expect(headerOf(answer)).toBe(suggested?.title);
    expect(payload(answer)).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(buttonsOf(answer)).toContainEqual(expect.objectContaining({ action_id: SHARE_ACTION_ID, value: suggestion?.value }));
  });
});

describe("More", () => {
  it("given a click on More under a first screen, then the whole card arrives, ephemeral, with no More button", async () => {
    const click = responseUrl();
    const ack = await buttonClick(main.url, { action_id: MORE_ACTION_ID, value: "gavi --full", response_url: click.url });
    expect(ack.status).toBe(200);
    const answer = await click.next();
    expect(headerOf(answer)).toBe("Gavi, the Vaccine Alliance");
    expect(payload(answer)).toMatchObject({ response_type: "ephemeral", replace_original: false });
    const texts = allTexts(payload(answer)).join("\n");
    expect(texts).toContain("*Founded*\n2000");
    expect(texts).toContain("*Members by sector*");
    expect(buttonsOf(answer).map((button) => button.action_id)).not.toContain(MORE_ACTION_ID);
    expect(slackProblems(payload(answer))).toEqual([]);
  });
});

describe("Share in channel", () => {
  it("given a click on Share, then the same answer is posted in the channel, attributed, and the ephemeral copy is deleted", async () => {
    const response = responseUrl();
    await buttonClick(main.url, { action_id: SHARE_ACTION_ID, value: "gavi", response_url: response.url, channel: "CSHARE", user: "UANA" });
    const post = await api.waitFor(postsTo("CSHARE"));
    expect(headerOf(post)).toBe("Gavi, the Vaccine Alliance");
    expect(payload(post).text.startsWith("Shared by <@UANA>\n")).toBe(true);
    expect(JSON.stringify(payload(post).blocks.at(-1))).toContain("Shared by <@UANA>");
    expect(buttonsOf(post).map((button) => button.action_id)).not.toContain(SHARE_ACTION_ID);
    expect(post.headers.authorization).toBe("Bearer xoxb-test-token");
    expect(slackProblems(payload(post))).toEqual([]);
    expect((await response.next()).body).toEqual({ delete_original: true });
  });

  it("given a channel the bot is not a member of, then the answer is posted through the response_url instead", async () => {
    const response = responseUrl();
    await buttonClick(main.url, { action_id: SHARE_ACTION_ID, value: "gavi", response_url: response.url, channel: "CNOTMEMBER" });
    const shared = await response.next();
    expect(payload(shared)).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(payload(shared).text).toContain("Shared by <@UANA>");
    expect(api.matching(postsTo("CNOTMEMBER"))).toHaveLength(1);
    expect((await response.next(1)).body).toEqual({ delete_original: true });
  });
});

describe("mentions and direct messages", () => {
  it("given a mention in a channel, then the answer is posted in a thread on that message, without the mention", async () => {
    await sendEvent(main.url, eventCallback({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> what is multialignment?`, ts: "1700000100.000100", channel: "CMENTION", event_ts: "1700000100.000100" }));
    const post = await api.waitFor(postsTo("CMENTION"));
    expect(post.body.thread_ts).toBe("1700000100.000100");
    expect(headerOf(post)).toBe(main.app.knowledge().get("multialignment")?.title);
    expect(slackProblems(payload(post))).toEqual([]);
  });

  it("given a mention inside a thread, then the answer goes to that thread", async () => {
    await sendEvent(main.url, eventCallback({ type: "app_mention", user: "UANA", text: `gavi <@${BOT_USER_ID}>`, ts: "1700000200.000200", thread_ts: "1700000150.000100", channel: "CTHREAD", event_ts: "1700000200.000200" }));
    const post = await api.waitFor(postsTo("CTHREAD"));
    expect(post.body.thread_ts).toBe("1700000150.000100");
    expect(headerOf(post)).toBe("Gavi, the Vaccine Alliance");
  });

  it("given a follow-up in the same thread, then “it” is the thread's last answer; in another thread it is not", async () => {
    const thread = { type: "app_mention", user: "UANA", channel: "CFOLLOW", thread_ts: "1700000600.000100" };
    await sendEvent(main.url, eventCallback({ ...thread, text: `<@${BOT_USER_ID}> what's gavi`, ts: "1700000601.000100", event_ts: "1700000601.000100" }));
    await api.waitFor((request) => postsTo("CFOLLOW")(request) && request.body.thread_ts === thread.thread_ts);
    await sendEvent(main.url, eventCallback({ ...thread, text: `<@${BOT_USER_ID}> is it legitimate?`, ts: "1700000602.000100", event_ts: "1700000602.000100" }));
    await eventually(() => api.matching(postsTo("CFOLLOW")).length === 2);
    expect(headerOf(api.matching(postsTo("CFOLLOW"))[1]!)).toBe("Legitimacy: Gavi, the Vaccine Alliance");
    // Another thread of the same channel has no "it": the answer asks which.
    const other = { ...thread, thread_ts: "1700000700.000100", text: `<@${BOT_USER_ID}> is it legitimate?`, ts: "1700000701.000100", event_ts: "1700000701.000100" };
    await sendEvent(main.url, eventCallback(other));
    await eventually(() => api.matching(postsTo("CFOLLOW")).length === 3);
    expect(headerOf(api.matching(postsTo("CFOLLOW"))[2]!)).toBe("Which one?");
  });

  it("given a direct message, then the answer is posted in the DM; edits and bot messages there get no answer", async () => {
    const dm = { type: "message", channel_type: "im", channel: "DANA", user: "UANA", ts: "1700000300.000100", event_ts: "1700000300.000100" };
    await sendEvent(main.url, eventCallback({ ...dm, text: "search vaccine", bot_id: "BOTHER" }));
    await sendEvent(main.url, eventCallback({ ...dm, subtype: "message_changed", text: "search vaccine" }));
    await sendEvent(main.url, eventCallback({ ...dm, text: "gavi" }));
    const post = await api.waitFor(postsTo("DANA"));
    expect(headerOf(post)).toBe("Gavi, the Vaccine Alliance");
    expect(post.body.thread_ts).toBeUndefined();
    expect(api.matching(postsTo("DANA"))).toHaveLength(1);
  });

  it("given an event Slack delivers again (X-Slack-Retry-Num), then it is acked and answered once", async () => {
    const body = eventCallback({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> gavi`, ts: "1700000400.000100", channel: "CRETRY", event_ts: "1700000400.000100" });
    expect((await sendEvent(main.url, body)).status).toBe(200);
    await api.waitFor(postsTo("CRETRY"));
    // Slack signs each delivery afresh: a retry comes seconds later, so with another timestamp and signature.
    const later = Math.floor(Date.now() / 1000) + 3;
    const retry = await sendEvent(main.url, body, { timestamp: later, headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    const eventId = (JSON.parse(body) as { event_id: string }).event_id;
    await eventually(() => main.logger.lines.some((line) => line.msg === "event redelivered; already answered" && line.adapter === "slack" && line.eventId === eventId));
    expect(api.matching(postsTo("CRETRY"))).toHaveLength(1);
  });

  it("given a failure while answering, then the user gets a short apology with an error id, and the log has the error", async () => {
    await sendEvent(main.url, eventCallback({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> gavi`, ts: "1700000500.000100", channel: "CBROKEN", event_ts: "1700000500.000100" }));
    const apology = await api.waitFor((request) => apiMethod("chat.postEphemeral")(request) && request.body.channel === "CBROKEN");
    const text = String(apology.body.text);
    expect(apology.body).toMatchObject({ user: "UANA", thread_ts: "1700000500.000100" });
    const errorId = /quote error id (\w+)\.$/.exec(text)?.[1];
    expect(errorId).toBeDefined();
    expect(text).not.toMatch(/\bat |Error|fatal_error/);
    expect(main.logger.lines).toContainEqual(expect.objectContaining({ msg: "slack handler failed", errorId, kind: "mention" }));
  });
});

describe("request verification", () => {
  it("given url_verification, then the challenge is echoed", async () => {
    const response = await sendEvent(main.url, JSON.stringify({ token: "legacy", challenge: "3eZbrw1aBm2rZgRNFdxV", type: "url_verification" }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV" });
  });

  it("given a bad signature or a stale timestamp, then 401 and nothing is answered or posted", async () => {
    const forged = responseUrl();
    const stale = responseUrl();
    const postsBefore = api.requests.length;
    expect((await slashCommand(main.url, { text: "gavi", response_url: forged.url }, { secret: "not-the-secret" })).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await slashCommand(main.url, { text: "gavi", response_url: stale.url }, { timestamp: tenMinutesAgo })).status).toBe(401);
    const event = eventCallback({ type: "app_mention", user: "UANA", text: "gavi", ts: "1.1", channel: "CFORGED", event_ts: "1.1" });
    expect((await sendEvent(main.url, event, { secret: "not-the-secret" })).status).toBe(401);
    // A genuine request afterwards is answered, so anything the others had set off would have arrived by now.
    const genuine = responseUrl();
    await slashCommand(main.url, { text: "gavi", response_url: genuine.url });
    await genuine.next();
    expect([...forged.all(), ...stale.all()]).toEqual([]);
    // The fake Slack saw only the genuine answer.
    expect(api.requests.slice(postsBefore).map((request) => request.path)).toEqual([new URL(genuine.url).pathname]);
  });
});

describe("/healthz", () => {
  it("given a GET on PORT, then it reports ok, uptime, entry count, knowledge version and store", async () => {
    const response = await fetch(`${main.url}/healthz`);
    expect(response.status).toBe(200);
    const kb = main.app.knowledge();
    expect(await response.json()).toEqual({
      status: "ok",
      uptime_s: expect.any(Number),
      entries: kb.size,
      knowledge_version: kb.version,
      knowledge_loaded_at: expect.any(String),
      knowledge_problems: 0,
      store: "memory",
      store_connected: true,
    });
    expect(kb.size).toBeGreaterThan(0);
  });

  it("given a rejected knowledge reload, then it still answers 200 but reports degraded with the problem count and the version still served", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "attache-healthz-"));
    await cp(KNOWLEDGE_DIR, dir, { recursive: true });
    const running = await startAdapter({ KNOWLEDGE_DIR: dir });
    const served = running.app.knowledge().version;
    await writeFile(path.join(dir, "concepts", "broken.yaml"), "id: broken\nkind: concept\n");
    expect(await running.app.live.reload()).toBe(false);
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "degraded", knowledge_version: served, knowledge_problems: expect.any(Number) });
    await rm(dir, { recursive: true, force: true });
  });
});

/** The real router, held at a gate and able to inflate one answer past Slack's limits. */
class ScriptedRouter extends Router {
  private open: () => void = () => undefined;
  gate: Promise<void> = Promise.resolve();

  close(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  override async handle(text: string, origin?: Origin): Promise<Reply> {
    await this.gate;
    if (text !== "gavi, forty times") return super.handle(text, origin);
    const card = await super.handle("gavi in full", origin);
    return { ...card, sections: Array.from({ length: 40 }, () => card.sections).flat() };
  }
}

describe("with the answer held back or made huge", () => {
  let scripted: Running;
  let router: ScriptedRouter;

  beforeAll(async () => {
    scripted = await startAdapter({}, (app) => (router = new ScriptedRouter(commands, app.knowledge, app.log, routerOptions(app.config, app.store, app.log, app.knowledge))));
  });

  it("given a slash command, then it is acked before the answer even exists", async () => {
    router.close();
    const response = responseUrl();
    const ack = await slashCommand(scripted.url, { text: "gavi", response_url: response.url });
    expect(ack.status).toBe(200);
    expect(response.all()).toEqual([]);
    router.release();
    expect(headerOf(await response.next())).toBe("Gavi, the Vaccine Alliance");
  });

  it("given an answer far longer than Slack allows, then the blocks sent are valid, with a …more note", async () => {
    const response = responseUrl();
    await slashCommand(scripted.url, { text: "gavi, forty times", response_url: response.url });
    const answer = await response.next();
    expect(slackProblems(payload(answer))).toEqual([]);
    expect(JSON.stringify(answer.body)).toContain("…more");
    expect(headerOf(answer)).toBe("Gavi, the Vaccine Alliance");
  });
});

describe("allowlist and rate limit", () => {
  let restricted: Running;

  beforeAll(async () => {
    restricted = await startAdapter({ SLACK_ALLOWED_TEAMS: `TSOMEONE,${TEAM_ID}`, RATE_LIMIT_REQUESTS: "1" });
  });

  it("given a workspace not in SLACK_ALLOWED_TEAMS, then a command gets a short refusal and a mention gets nothing, both logged", async () => {
    const response = responseUrl();
    await slashCommand(restricted.url, { text: "gavi", response_url: response.url, team_id: "TSTRANGER" });
    const refusal = (await response.next()).body;
    expect(refusal).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(refusal)).toContain(NOT_ALLOWED_TEXT);
    const mention = JSON.parse(eventCallback({ type: "app_mention", user: "UANA", text: "gavi", ts: "2.1", channel: "CSTRANGE", event_ts: "2.1" })) as Record<string, unknown>;
    await sendEvent(restricted.url, JSON.stringify({ ...mention, team_id: "TSTRANGER" }));
    await eventually(() => restricted.logger.lines.filter((line) => line.workspace === "TSTRANGER" && line.level === 40).length === 2);
    expect(api.matching(postsTo("CSTRANGE"))).toEqual([]);
  });

  it("given a user over the rate limit, then one polite 'slow down', then silence", async () => {
    const [first, second, third] = [responseUrl(), responseUrl(), responseUrl()];
    await slashCommand(restricted.url, { text: "gavi", response_url: first.url, user_id: "UFAST" });
    expect(headerOf(await first.next())).toBe("Gavi, the Vaccine Alliance");
    await slashCommand(restricted.url, { text: "gavi", response_url: second.url, user_id: "UFAST" });
    expect(payload(await second.next()).text).toMatch(/^You're asking faster than I can keep up/);
    await slashCommand(restricted.url, { text: "gavi", response_url: third.url, user_id: "UFAST" });
    await eventually(() => restricted.logger.lines.some((line) => line.outcome === "silenced"));
    // Someone else is still answered; by then anything sent for the silenced request would have arrived.
    const other = responseUrl();
    await slashCommand(restricted.url, { text: "gavi", response_url: other.url, user_id: "USLOW" });
    await other.next();
    expect(third.all()).toEqual([]);
  });
});

/** True once nothing listens on the app's port any more. */
function refusesConnections(appUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(appUrl).port), "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

/**
 * A signed slash command sent by hand in two steps, so that it can be caught half-received:
 * the headers (with Expect: 100-continue, so the server says when it has them), then the body.
 */
async function slashCommandInTwoSteps(appUrl: string, fields: { text: string; response_url: string }) {
  const body = new URLSearchParams(commandPayload(fields)).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const socket = connect(Number(new URL(appUrl).port), "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
  const headers = [
    "POST /slack/events HTTP/1.1",
    "host: 127.0.0.1",
    "content-type: application/x-www-form-urlencoded",
    `content-length: ${Buffer.byteLength(body)}`,
    `x-slack-request-timestamp: ${timestamp}`,
    `x-slack-signature: ${signature(body, timestamp)}`,
    "expect: 100-continue",
    "connection: close",
  ];
  socket.write(`${headers.join("\r\n")}\r\n\r\n`);
  await eventually(() => received.includes("100 Continue"));
  return {
    /** Sends the body; resolves with the final response's status code. */
    finish: async () => {
      socket.end(body);
      await once(socket, "close");
      return Number(/HTTP\/1\.1 (?!100)(\d{3})/.exec(received)?.[1]);
    },
  };
}

describe("graceful stop", () => {
  let router: ScriptedRouter;
  const startHeldBack = async (listen: SlackListenOptions = {}) => {
    const running = await startAdapter({}, (app) => (router = new ScriptedRouter(commands, app.knowledge, app.log, routerOptions(app.config, app.store, app.log, app.knowledge))), listen);
    router.close();
    return running;
  };

  it("given a slash command acked but not yet answered, when the adapter stops, then new connections are refused, the answer is still sent, and only then does stop() resolve", async () => {
    const held = await startHeldBack();
    const response = responseUrl();
    expect((await slashCommand(held.url, { text: "gavi", response_url: response.url })).status).toBe(200);

    let stopped = false;
    const stopping = held.adapter.stop().then(() => (stopped = true));
    expect(await refusesConnections(held.url)).toBe(true);
    expect(stopped).toBe(false);
    expect(response.all()).toEqual([]);

    router.release();
    await stopping;
    expect(response.all()).toHaveLength(1);
    expect(headerOf(response.all()[0] as Recorded)).toBe("Gavi, the Vaccine Alliance");
    expect(held.logger.lines).toContainEqual(expect.objectContaining({ msg: "slack adapter stopped" }));
    expect(held.logger.lines.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it("given a request whose headers have arrived but not its body, when the adapter stops, then it is still acked 200 and answered", async () => {
    const running = await startAdapter();
    const response = responseUrl();
    const halfSent = await slashCommandInTwoSteps(running.url, { text: "gavi", response_url: response.url });

    const stopping = running.adapter.stop();
    expect(await refusesConnections(running.url)).toBe(true);
    expect(await halfSent.finish()).toBe(200);
    await stopping;
    expect(headerOf(response.all()[0] as Recorded)).toBe("Gavi, the Vaccine Alliance");
  });

  it("given an answer that never comes, when the adapter stops, then stop() still resolves after its grace period and logs what it left behind", async () => {
    const held = await startHeldBack({ stopGraceMs: 100 });
    const response = responseUrl();
    expect((await slashCommand(held.url, { text: "gavi", response_url: response.url })).status).toBe(200);

    await held.adapter.stop();
    expect(response.all()).toEqual([]);
    expect(held.logger.lines).toContainEqual(expect.objectContaining({ level: 40, msg: "slack adapter stopping with answers still in flight", inFlight: 1 }));
    router.release();
  });
});
