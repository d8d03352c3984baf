/**
 * Property-based fuzz of the Slack edge: whole payloads of random shape (slash-command forms
 * with fields missing, repeated or of odd types; event envelopes; block actions; any JSON at
 * all), correctly signed, through real Bolt over HTTP. The app never crashes (an unhandled
 * rejection fails the run), answers every request with a plain status and no stack trace,
 * and whatever reaches the fake Slack pings no one and shows no stack trace.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileText } from "../../support/hostile.js";
import { BOT_USER_ID, commandPayload, eventEnvelope, fakeSlackApi, sendSigned, slashCommand, TEAM_ID, type Recorder } from "./fakes.js";
import { allTexts, type SlackPayload } from "./limits.js";
import { startSlack, type RunningSlack } from "./running.js";

const RUNS = 300;
const FORM = "application/x-www-form-urlencoded";
const LIVE_SLACK_PING = /<!(channel|here|everyone)/;
const STACK_TRACE = /\bat .+:\d+:\d+|TypeError|ReferenceError/;

let api: Recorder;
let slack: RunningSlack;

beforeAll(async () => {
  api = await fakeSlackApi();
  slack = await startSlack(api);
});

afterAll(async () => {
  await slack?.adapter.stop();
  await api?.stop();
});

/** A field's value as it might arrive: hostile text, absent, or not text at all. */
const oddValue = fc.oneof(hostileText, fc.constant(undefined), fc.constant(null), fc.integer(), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** A slash-command form with every field possibly missing or repeated. */
const commandForm = fc
  .record({
    text: fc.array(hostileText, { maxLength: 3 }),
    response_url: fc.constantFrom("slack", "elsewhere", "none", "garbage"),
    user_id: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    command: fc.constantFrom("/attache", "/other", ""),
  })
  .map(({ text, response_url, user_id, command }) => {
    const urls = { slack: `${api.url}/fuzz`, elsewhere: "http://127.0.0.1:1/internal", none: undefined, garbage: "::::" };
    const form = new URLSearchParams(commandPayload({ text: "", response_url: "" }));
    form.delete("text");
    form.delete("response_url");
    for (const value of text) form.append("text", value);
    const url = urls[response_url];
    if (url) form.set("response_url", url);
    if (user_id === undefined) form.delete("user_id");
    else form.set("user_id", user_id);
    form.set("command", command);
    return { body: form.toString(), contentType: FORM };
  });

/** An Events API envelope whose event and ids are of any shape. */
const eventBody = fc
  .record({
    type: fc.constantFrom("app_mention", "message", "reaction_added", "unknown"),
    text: oddValue,
    user: fc.oneof(fc.constantFrom("UANA", BOT_USER_ID), oddValue),
    bot_id: fc.option(fc.constantFrom("B0OTHER", ""), { nil: undefined }),
    subtype: fc.option(fc.constantFrom("bot_message", "message_changed", "thread_broadcast"), { nil: undefined }),
    channel: fc.oneof(fc.constant("CFUZZ"), oddValue),
    channel_type: fc.constantFrom("im", "channel", undefined),
    ts: fc.oneof(fc.constant("1700000000.000100"), oddValue),
    eventId: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 })),
  })
  .map(({ eventId, ...event }) => ({ body: JSON.stringify({ ...eventEnvelope(event), event_id: eventId }), contentType: "application/json" }));

/** A block action (a button click) with random actions and values. */
const actionBody = fc
  .record({
    action_id: fc.constantFrom("share", "ask:0", "ask:1", "other"),
    value: oddValue,
    response_url: fc.constantFrom(true, false),
    user: fc.oneof(fc.constant({ id: "UANA", team_id: TEAM_ID }), oddValue),
  })
  .map(({ action_id, value, response_url, user }) => {
    const payload = {
      type: "block_actions",
      user,
      team: { id: TEAM_ID },
      channel: { id: "CFUZZ" },
      ...(response_url ? { response_url: `${api.url}/fuzz` } : {}),
      actions: [{ action_id, block_id: "answer", type: "button", value, action_ts: "1.1" }],
    };
    return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
  });

/** Any JSON at all, as a JSON body or as a form's payload. */
const anyJson = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.boolean()).map(([value, asForm]) =>
  asForm ? { body: new URLSearchParams({ payload: JSON.stringify(value) }).toString(), contentType: FORM } : { body: JSON.stringify(value), contentType: "application/json" },
);

/**
 * Payloads no listener takes (an unknown command or action) are answered only after Bolt's
 * three-second wait for an ack, so the payloads are sent together, not one after another.
 */
const CONCURRENCY = 150;

describe("fuzzing the Slack edge through real Bolt", () => {
  it(`given ${RUNS} signed payloads of random shape, then plain statuses, no crash, and nothing sent to Slack pings or shows a stack trace`, async () => {
    const payloads = fc.sample(fc.oneof(commandForm, eventBody, actionBody, anyJson), { numRuns: RUNS, seed: 20261201 });
    let next = 0;
    const worker = async () => {
      for (let payload = payloads[next++]; payload; payload = payloads[next++]) {
        const sent = await sendSigned(slack.url, payload.body, payload.contentType);
        // 500 is Bolt's own plain refusal of an event it cannot route (a `user` of null, say): no body, no crash.
        expect([200, 400, 404, 500], payload.body).toContain(sent.status);
        expect(sent.text, payload.body).not.toMatch(STACK_TRACE);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // Answers are sent after the ack: one genuine command answered means those before it have had their turn.
    await slashCommand(slack.url, { text: "gavi", response_url: `${api.url}/fuzz-done` });
    await api.waitFor((request) => request.path === "/fuzz-done", 10_000);
    for (const request of api.requests) {
      const shown = [String(request.body.text ?? ""), ...allTexts(request.body as unknown as SlackPayload)].join("\n");
      expect(shown).not.toMatch(LIVE_SLACK_PING);
      expect(shown).not.toMatch(STACK_TRACE);
    }
  }, 30_000);
});
