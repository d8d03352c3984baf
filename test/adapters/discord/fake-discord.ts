/**
 * A local fake of Discord for a real discord.js Client: the REST API (v10, JSON) and the
 * gateway (JSON, no compression) on one 127.0.0.1 port. It records every request, can
 * answer one with a 429, and lets a test dispatch events and drop the connection.
 *
 * REST: GET /gateway/bot, GET /users/@me, POST /channels/:id/messages, POST
 * /interactions/:id/:token/callback, PATCH|DELETE /webhooks/:app/:token/messages/@original,
 * POST /webhooks/:app/:token, PUT /applications/:id[/guilds/:gid]/commands.
 * Gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, HEARTBEAT → ACK, RESUME → replay + RESUMED.
 * Sharded clients get, as on Discord, only their guilds' events: a guild's go to shard
 * (guild_id >> 22) % shard_count, DMs to shard 0.
 */
import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";
import {
  ChannelTypes,
  createWorld,
  guildCreateData,
  guildsOf,
  interactionData,
  messageData,
  readyData,
  shardOf,
  snowflake,
  type Guild,
  type InteractionFields,
  type MessageFields,
  type ShardInfo,
  type World,
} from "./fake-payloads.js";

const API_PREFIX = "/api/v10";
const GATEWAY_PATH = "/gateway";
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: any;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

interface Session {
  id: string;
  /** From IDENTIFY; [0, 1] for an unsharded client. */
  shard: ShardInfo;
  seq: number;
  /** Dispatches in order, kept for RESUME to replay. */
  sent: Array<{ s: number; frame: string }>;
  socket: WebSocket | undefined;
}

export interface FakeDiscordOptions {
  /** HELLO's heartbeat interval; short in tests so heartbeats really happen. */
  heartbeatIntervalMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
}

export class FakeDiscord {
  readonly world: World = createWorld();
  readonly token = `fake-token-${randomBytes(8).toString("hex")}`;
  readonly requests: RecordedRequest[] = [];
  /** Every gateway frame the client sent, parsed. */
  readonly received: Array<{ op: number; d: any }> = [];
  /** Query strings of gateway connections (to check v=10, encoding=json, no compression). */
  readonly connections: URLSearchParams[] = [];
  /** Commands as last PUT, per route. */
  readonly commands = new Map<string, Array<{ id: string; name: string }>>();
  private readonly events = new EventEmitter();
  private readonly sessions = new Map<string, Session>();
  private readonly rateLimits: Array<{ method: string; path: RegExp; retryAfterSeconds: number }> = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly server: Server;
  private port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.server = createServer((request, response) => void this.onRequest(request, response));
    this.server.on("upgrade", (request, socket, head) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      if (url.pathname.replace(/\/+$/, "") !== GATEWAY_PATH) return socket.destroy();
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url.searchParams));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** DISCORD_API_URL for the client. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}${GATEWAY_PATH}`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- REST -------------------------------------------------------------------------

  /** The next request matching `method` and `path` is answered 429 with this retry_after. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number): void {
    this.rateLimits.push({ method, path, retryAfterSeconds });
  }

  /** The first recorded request (past or future) that matches, or an error after `timeoutMs`. */
  waitForRequest(matches: (request: RecordedRequest) => boolean, what: string, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off("request", listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const listener = (request: RecordedRequest) => {
        if (!matches(request)) return;
        clearTimeout(timer);
        this.events.off("request", listener);
        resolve(request);
      };
      this.events.on("request", listener);
    });
  }

  /** Successful replies posted to a channel in reply to `messageId`. */
  repliesTo(messageId: string): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.method === "POST" && request.status === 200 && request.body?.message_reference?.message_id === messageId,
    );
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const pathname = decodeURIComponent(url.pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
      status: 0,
      at,
    };
    const [status, body, headers] = this.answer(recorded, pathname.startsWith(API_PREFIX));
    recorded.status = status;
    this.requests.push(recorded);
    response.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
    this.events.emit("request", recorded);
  }

  private answer(request: RecordedRequest, versioned: boolean): [number, unknown, Record<string, string>?] {
    const { method, path, body } = request;
    const notFound: [number, unknown] = [404, { message: "404: Not Found", code: 0 }];
    if (!versioned) return notFound;
    const limit = this.rateLimits.findIndex((rule) => rule.method === method && rule.path.test(path));
    if (limit !== -1) {
      const [rule] = this.rateLimits.splice(limit, 1);
      const retryAfter = String(rule!.retryAfterSeconds);
      return [
        429,
        { message: "You are being rate limited.", retry_after: rule!.retryAfterSeconds, global: false },
        { "retry-after": retryAfter, "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": retryAfter, "x-ratelimit-bucket": "fake-bucket", "x-ratelimit-scope": "user" },
      ];
    }
    // Interaction callbacks and webhooks are authorised by their token in the path.
    const needsBot = !/^\/(interactions|webhooks)\//.test(path);
    if (needsBot && request.authorization !== `Bot ${this.token}`) return [401, { message: "401: Unauthorized", code: 0 }];

    let match: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return [200, { url: this.gatewayUrl, shards: this.options.recommendedShards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }];
    }
    if (method === "GET" && path === "/users/@me") return [200, this.world.bot];
    if (method === "POST" && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channelId = match[1]!;
      const guildId = guildsOf(this.world).find((guild) => guild.textChannelId === channelId)?.id;
      if (!guildId && channelId !== this.world.dmChannelId) return [404, { message: "Unknown Channel", code: 10003 }];
      return [200, this.botMessage(channelId, body, guildId)];
    }
    if (method === "POST" && /^\/interactions\/\d+\/[\w-]+\/callback$/.test(path)) return [204, undefined];
    if ((match = /^\/webhooks\/(\d+)\/([\w-]+)(\/messages\/@original)?$/.exec(path))) {
      if (method === "DELETE" && match[3]) return [204, undefined];
      if ((method === "PATCH" && match[3]) || (method === "POST" && !match[3])) {
        return [200, this.botMessage(this.world.guild.textChannelId, body, this.world.guild.id)];
      }
    }
    if (method === "PUT" && (match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (match[1] !== this.world.applicationId) return [403, { message: "Missing Access", code: 50001 }];
      if (match[2] && match[2] !== this.world.guild.id) return [403, { message: "Missing Access", code: 50001 }];
      const registered = (body as Array<{ name: string }>).map((command) => ({
        ...command,
        id: snowflake(),
        application_id: this.world.applicationId,
        version: snowflake(),
        ...(match![2] ? { guild_id: match![2] } : {}),
      }));
      this.commands.set(path, registered);
      return [200, registered];
    }
    return notFound;
  }

  private botMessage(channelId: string, body: any, guildId?: string) {
    return messageData({
      channelId,
      ...(guildId ? { guildId } : {}),
      author: this.world.bot,
      content: body?.content ?? "",
      embeds: body?.embeds,
      components: body?.components,
      messageReference: body?.message_reference,
    });
  }

  // ---- Gateway ----------------------------------------------------------------------

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    this.connections.push(query);
    let session: Session | undefined;
    ws.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      this.received.push(frame);
      this.events.emit("gateway", frame);
      switch (frame.op) {
        case Op.Heartbeat:
          ws.send(JSON.stringify({ op: Op.HeartbeatAck, d: null }));
          break;
        case Op.Identify:
          if (frame.d?.token !== this.token) return ws.close(4004, "Authentication failed.");
          session = { id: randomBytes(16).toString("hex"), shard: frame.d.shard ?? [0, 1], seq: 0, sent: [], socket: ws };
          this.sessions.set(session.id, session);
          this.send(session, "READY", readyData(this.world, session.id, this.gatewayUrl, session.shard));
          for (const guild of guildsOf(this.world)) {
            if (this.owns(session, guild.id)) this.send(session, "GUILD_CREATE", guildCreateData(this.world, guild));
          }
          break;
        case Op.Resume: {
          const resumed = this.sessions.get(frame.d?.session_id);
          if (frame.d?.token !== this.token || !resumed) return ws.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
          session = resumed;
          session.socket = ws;
          for (const missed of session.sent.filter((sent) => sent.s > Number(frame.d.seq))) ws.send(missed.frame);
          this.send(session, "RESUMED", {});
          this.events.emit("resumed", session.id);
          break;
        }
      }
    });
    ws.on("close", (code) => {
      if (!session || session.socket !== ws) return;
      session.socket = undefined;
      // Closing with 1000/1001 ends the session, as on Discord: it cannot be resumed.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    ws.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
  }

  private send(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: Op.Dispatch, t: event, s: session.seq, d: data });
    session.sent.push({ s: session.seq, frame });
    session.socket?.send(frame);
  }

  /** Whether a session gets the events of this guild (undefined: a DM, which goes to shard 0). */
  private owns(session: Session, guildId: string | undefined): boolean {
    const [id, count] = session.shard;
    return (guildId === undefined ? 0 : shardOf(guildId, count)) === id;
  }

  /** Dispatches an event to the sessions of the shard it belongs to (queued for replay if disconnected). */
  dispatch(event: string, data: { guild_id?: string }): void {
    const targets = [...this.sessions.values()].filter((session) => this.owns(session, data.guild_id));
    if (targets.length === 0) throw new Error(`no gateway session to dispatch ${event} to`);
    for (const session of targets) this.send(session, event, data);
  }

  /** The [id, count] of every IDENTIFY received, in order. */
  identifiedShards(): ShardInfo[] {
    return this.received.filter((frame) => frame.op === Op.Identify).map((frame) => frame.d.shard ?? [0, 1]);
  }

  /** Drops every gateway connection abruptly, as a network failure would (close code 1006). */
  dropConnections(): void {
    for (const session of this.sessions.values()) session.socket?.terminate();
  }

  /** Resolves when a session is resumed. */
  nextResume(timeoutMs = 5000): Promise<unknown> {
    return once(this.events, "resumed", { signal: AbortSignal.timeout(timeoutMs) });
  }

  /** Resolves when clients have sent `count` frames with this op in all. */
  async opsReceivedAtLeast(op: keyof typeof Op, count: number, timeoutMs = 5000): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs);
    while (this.opsReceived(op) < count) await once(this.events, "gateway", { signal });
  }

  /** Resolves when the client has sent `count` heartbeats in all. */
  heartbeats(count: number, timeoutMs = 5000): Promise<void> {
    return this.opsReceivedAtLeast("Heartbeat", count, timeoutMs);
  }

  opsReceived(op: keyof typeof Op): number {
    return this.received.filter((frame) => frame.op === Op[op]).length;
  }

  // ---- What users do ----------------------------------------------------------------

  /** A user's message arrives (MESSAGE_CREATE); returns it and when it was dispatched. */
  userMessage(fields: Partial<MessageFields> & { content: string; inDm?: boolean; guild?: Guild }) {
    const { inDm = false, guild = this.world.guild, ...rest } = fields;
    const where = inDm ? { channelId: this.world.dmChannelId } : { channelId: guild.textChannelId, guildId: guild.id };
    // The gateway adds the channel's type, which is how a client tells an uncached DM apart.
    const message = { ...messageData({ author: this.world.alice, ...where, ...rest }), channel_type: inDm ? ChannelTypes.DM : ChannelTypes.GuildText };
    const dispatchedAt = performance.now();
    this.dispatch("MESSAGE_CREATE", message);
    return { message, dispatchedAt };
  }

  /** `<@bot> text`, as Discord sends a mention of the bot. */
  mention(text: string, fields: Partial<MessageFields> & { inDm?: boolean; guild?: Guild } = {}) {
    return this.userMessage({ content: `<@${this.world.bot.id}> ${text}`, mentions: [this.world.bot], ...fields });
  }

  /** An interaction arrives (INTERACTION_CREATE); returns its id and token. */
  interaction(fields: InteractionFields): { id: string; token: string } {
    const payload = interactionData(this.world, fields);
    this.dispatch("INTERACTION_CREATE", payload);
    return { id: payload.id, token: payload.token };
  }

  /** The callback Discord received for an interaction. */
  callbackFor(interaction: { id: string; token: string }, what = "the interaction callback"): Promise<RecordedRequest> {
    return this.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`, what);
  }

  /** The edit of an interaction's original reply (after a deferral). */
  originalEditFor(interaction: { token: string }): Promise<RecordedRequest> {
    return this.waitForRequest(
      (request) => request.method === "PATCH" && request.path === `/webhooks/${this.world.applicationId}/${interaction.token}/messages/@original`,
      "the edit of the original reply",
    );
  }
}
