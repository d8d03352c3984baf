/**
 * Socket Mode: with SLACK_APP_TOKEN set, the real Bolt app asks the (fake) Web API for a
 * WebSocket URL, connects to a fake Slack socket on 127.0.0.1, and acks and answers the
 * envelopes it is sent there. No HTTP port is opened.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createApp, type App } from "../../../src/app.js";
import { started } from "../../../src/adapters/shared/adapter.js";
import { createSlackAdapter, type SlackAdapter } from "../../../src/adapters/slack/index.js";
import { recordingLogger, testConfig, type RecordingLogger } from "../../support/app.js";
import { apiMethod, BOT_USER_ID, commandPayload, eventEnvelope, eventually, fakeSlackApi, type Recorder } from "./fakes.js";

let sockets: WebSocketServer;
let socket: WebSocket | undefined;
const received: Array<Record<string, unknown>> = [];
let api: Recorder;
let responses: Recorder;
let adapter: SlackAdapter;
let app: App;
let logger: RecordingLogger;

beforeAll(async () => {
  sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => sockets.once("listening", resolve));
  sockets.on("connection", (connection) => {
    socket = connection;
    connection.on("message", (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    connection.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A0TEST" } }));
  });
  const socketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
  api = await fakeSlackApi(() => socketUrl);
  responses = api;
  logger = recordingLogger();
  const config = testConfig({ SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_APP_TOKEN: "xapp-1-test", SLACK_API_URL: `${api.url}/api/`, RATE_LIMIT_REQUESTS: "1000" });
  app = await createApp(config, logger.log);
  adapter = await started(createSlackAdapter(app));
});

afterAll(async () => {
  await adapter?.stop();
  for (const client of sockets?.clients ?? []) client.terminate();
  await new Promise((resolve) => sockets?.close(resolve));
  await api?.stop();
});

const send = (envelope: Record<string, unknown>) => socket?.send(JSON.stringify(envelope));

describe("Socket Mode", () => {
  it("given SLACK_APP_TOKEN, then it connects with the app token and opens no HTTP port", async () => {
    const open = await api.waitFor(apiMethod("apps.connections.open"));
    expect(open.headers.authorization).toBe("Bearer xapp-1-test");
    expect(adapter.port).toBeUndefined();
  });

  it("given a slash command envelope, then it is acked on the socket and answered at the response_url", async () => {
    send({
      envelope_id: "env-command",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: commandPayload({ text: "gavi", response_url: `${responses.url}/socket/1` }),
    });
    await eventually(() => received.some((message) => message.envelope_id === "env-command"));
    const answer = await responses.waitFor((request) => request.path === "/socket/1");
    expect((answer.body.blocks as Array<{ text?: { text: string } }>)[0]?.text?.text).toBe("Gavi, the Vaccine Alliance");
    expect(answer.body.response_type).toBe("ephemeral");
  });

  it("given a mention, delivered twice (retry_attempt 1), then it is answered once in its thread", async () => {
    const envelope = {
      envelope_id: "env-mention",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: "",
      payload: eventEnvelope({ type: "app_mention", user: "UANA", text: `<@${BOT_USER_ID}> gavi`, ts: "1700000600.000100", channel: "CSOCKET", event_ts: "1700000600.000100" }, "EvSocket1"),
    };
    send(envelope);
    const post = await api.waitFor((request) => apiMethod("chat.postMessage")(request) && request.body.channel === "CSOCKET");
    expect(post.body.thread_ts).toBe("1700000600.000100");
    send({ ...envelope, envelope_id: "env-mention-retry", retry_attempt: 1, retry_reason: "timeout" });
    await eventually(() => logger.lines.some((line) => line.msg === "event redelivered; already answered" && line.eventId === "EvSocket1"));
    // The retry's ack crosses the socket on its own schedule: wait for it rather than race it.
    await eventually(() => ["env-mention", "env-mention-retry"].every((id) => received.some((message) => message.envelope_id === id)));
    expect(api.matching((request) => apiMethod("chat.postMessage")(request) && request.body.channel === "CSOCKET")).toHaveLength(1);
  });
});
