/**
 * The Discord adapter: a discord.js client that answers mentions (in servers and DMs)
 * and slash commands with embeds. Thin on purpose: parse the platform input into a
 * message → router.handle → render the Reply; everything else is the core's.
 */
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import {
  Client,
  Events,
  GatewayIntentBits,
  Message,
  MessageFlags,
  Options,
  Partials,
  RESTEvents,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageMentionOptions,
  type RepliableInteraction,
} from "discord.js";
import type { App } from "../../app.js";
import { ConfigError, type Config } from "../../config.js";
import type { Adapter } from "../../core/adapter.js";
import { ConnectionAdapter, requireSetting, type Connection } from "../shared/adapter.js";
import { InFlight } from "../shared/in-flight.js";
import { apology, newErrorId } from "../../core/errors.js";
import { isAllowed, type Origin } from "../../core/middleware.js";
import { ASK_PREFIX, renderNotice, renderReply, type DiscordMessage } from "./render.js";
import { completionKinds, completions, slashMessage } from "./slash-commands.js";

const ADAPTER = "discord";

/** Nobody is ever pinged by what the bot sends, not even the person it replies to. */
export const SAFE_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/**
 * Discord gives an interaction 3 s to be answered, counted on its side: the gateway
 * delivery and the callback's round trip eat into that. Answers are in-memory and
 * usually ready in milliseconds, so they go out in one callback (no "is thinking…"
 * flash); one that is not ready by this deadline is deferred, then edited in.
 */
export const DEFER_AFTER_MS = 1500;

/** How long stop() lets answers already being worked on finish before disconnecting. */
export const STOP_GRACE_MS = 5000;

export interface DiscordOptions {
  /** Overrides DEFER_AFTER_MS (tests). */
  deferAfterMs?: number;
}

/** The REST options for DISCORD_API_URL (discord.js appends `/v10/...` itself). */
export function restOptions(config: Pick<Config, "DISCORD_API_URL">): { api: string } | undefined {
  return config.DISCORD_API_URL ? { api: config.DISCORD_API_URL.replace(/\/+$/, "") } : undefined;
}

export const TOKEN_HINT = "the bot token from the Discord Developer Portal (your application → Bot → Reset Token).";

/**
 * The text of a message addressed to the bot, with the mention taken out; undefined
 * for messages to ignore: from bots (this one included) or webhooks, system messages,
 * and messages that do not mention the bot directly (@everyone, @here, a role, or a
 * reply that only pings it).
 */
export function mentionedText(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.webhookId || message.system) return undefined;
  if (!message.mentions.users.has(botId)) return undefined;
  const stripped = message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ");
  return stripped === message.content ? undefined : stripped.trim();
}

/** The reply if it is ready within `ms`, else undefined (the promise keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, sleep(ms, undefined, { signal: timer.signal }).catch(() => undefined)]);
  } finally {
    timer.abort();
  }
}

/** The Discord adapter: one gateway connection (one shard when run under sharding.ts). */
export function createDiscordAdapter(app: App, options: DiscordOptions = {}): Adapter {
  return new ConnectionAdapter(ADAPTER, () => connect(app, options), STOP_GRACE_MS);
}

async function connect(app: App, options: DiscordOptions): Promise<Connection> {
  const token = requireSetting(app.config, "DISCORD_TOKEN", TOKEN_HINT);
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const rest = restOptions(app.config);
  const client = new Client({
    // No privileged Message Content intent: Discord sends the content of messages that mention the bot.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached until used: without this, a first DM would be dropped.
    partials: [Partials.Channel],
    allowedMentions: SAFE_MENTIONS,
    // Still answer when the message was deleted meanwhile (the reply then stands alone).
    failIfNotExists: false,
    // The bot never reads history, so it keeps none.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    ...(rest ? { rest } : {}),
  });
  const log = app.log.child({ adapter: ADAPTER });
  // The router hashes user ids for its logs, keys rate limits by them and checks the server.
  const origin = (userId: string, guildId: string | null, channelId: string, interactive: boolean): Origin => ({
    adapter: ADAPTER,
    user: userId,
    workspace: guildId,
    // Follow-ups refer to the last answer this user got in this channel.
    conversation: channelId,
    interactive,
  });
  const asMessage = (rendered: DiscordMessage) => ({ ...rendered, allowedMentions: SAFE_MENTIONS });

  async function apologise(target: Message | RepliableInteraction, error: unknown, event: string): Promise<void> {
    const errorId = newErrorId();
    log.error({ err: error, errorId, event }, "discord reply failed");
    const notice = asMessage(renderNotice(apology(errorId)));
    try {
      if (target instanceof Message) await target.reply(notice);
      else if (target.deferred && !target.replied) await target.editReply(notice);
      else if (target.replied) await target.followUp({ ...notice, flags: MessageFlags.Ephemeral });
      else await target.reply({ ...notice, flags: MessageFlags.Ephemeral });
    } catch (sendError) {
      log.warn({ err: sendError, errorId }, "could not send the apology either");
    }
  }

  async function onMessage(message: Message): Promise<void> {
    if (!client.user) return;
    const text = mentionedText(message, client.user.id);
    if (text === undefined) return;
    try {
      // Outside DISCORD_ALLOWED_GUILDS the router refuses: silently in a server, with one line in a DM.
      const reply = await app.router.handle(text, origin(message.author.id, message.guildId, message.channelId, false));
      if (!reply.silent) await message.reply(asMessage(renderReply(reply)));
    } catch (error) {
      await apologise(message, error, "mention");
    }
  }

  /** Slash commands and suggestion buttons: answer at once if quick, else defer and edit. */
  async function answer(interaction: ChatInputCommandInteraction | ButtonInteraction, text: string): Promise<void> {
    try {
      const pending = app.router.handle(text, origin(interaction.user.id, interaction.guildId, interaction.channelId ?? "", true));
      const early = await within(pending, deferAfterMs);
      // Silenced (already told to slow down): a button needs only an ack; a slash command
      // must show something, so it repeats the refusal to the asker alone.
      if (early?.silent && interaction.isButton()) {
        await interaction.deferUpdate();
        return;
      }
      if (early) {
        // Refusals (too long, unknown name…) concern only the asker.
        const flags = early.ok ? undefined : MessageFlags.Ephemeral;
        await interaction.reply({ ...asMessage(renderReply(early)), ...(flags ? { flags } : {}) });
        return;
      }
      await interaction.deferReply();
      await interaction.editReply(asMessage(renderReply(await pending)));
    } catch (error) {
      await apologise(interaction, error, interaction.isButton() ? "button" : "command");
    }
  }

  /** A one-line notice for the asker alone: ephemeral for an interaction, a reply in a DM. */
  async function tellOnly(target: Message | RepliableInteraction, text: string): Promise<void> {
    const notice = asMessage(renderNotice(text));
    await (target instanceof Message ? target.reply(notice) : target.reply({ ...notice, flags: MessageFlags.Ephemeral })).catch(
      (error: unknown) => log.warn({ err: error, text }, "could not send a notice"),
    );
  }

  async function complete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      // Outside the allowlist, no choices and no log line: autocomplete fires on every keystroke.
      const allowed = isAllowed(app.config.DISCORD_ALLOWED_GUILDS, interaction.guildId);
      const kinds = allowed ? completionKinds(app.router.registry.visible, interaction.commandName) : undefined;
      await interaction.respond(kinds ? completions(app.knowledge(), interaction.options.getFocused(), kinds) : []);
    } catch (error) {
      log.warn({ err: error, command: interaction.commandName }, "autocomplete failed");
    }
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return complete(interaction);
    if (!interaction.isRepliable()) return;
    if (interaction.isChatInputCommand()) {
      const value = interaction.options.data[0]?.value;
      return answer(interaction, slashMessage(interaction.commandName, value === undefined ? null : String(value)));
    }
    if (interaction.isButton()) {
      if (interaction.customId.startsWith(ASK_PREFIX)) return answer(interaction, interaction.customId.slice(ASK_PREFIX.length));
      return tellOnly(interaction, "That button no longer works: ask again.");
    }
  }

  const inFlight = new InFlight();
  client.on(Events.MessageCreate, (message) => void inFlight.track(onMessage(message)));
  client.on(Events.InteractionCreate, (interaction) => void inFlight.track(onInteraction(interaction)));
  const onReconnecting = (shard: number) => log.warn({ shard }, "gateway connection lost, reconnecting");
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, "gateway session resumed"));
  client.on(Events.ShardError, (error, shard) => log.warn({ err: error, shard }, "gateway error"));
  client.on(Events.ShardDisconnect, (event, shard) => log.error({ code: event.code, shard }, "gateway closed for good; restart to reconnect"));
  client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, "rate limited by Discord; waiting"),
  );

  const loginFailed = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: loginFailed.signal });
  ready.catch(() => undefined); // awaited below; this only keeps an early rejection from going unhandled
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    loginFailed.abort();
    await client.destroy();
    if (error instanceof Error && "code" in error && error.code === "TokenInvalid") {
      throw new ConfigError(`Discord refused DISCORD_TOKEN. Set DISCORD_TOKEN to ${TOKEN_HINT}`);
    }
    throw error;
  }
  log.info({ bot: client.user?.id, guilds: client.guilds.cache.size }, "discord connected");

  return {
    stop: async (graceMs: number) => {
      client.removeAllListeners(Events.MessageCreate).removeAllListeners(Events.InteractionCreate);
      // destroy() closes the gateway normally, which discord.js also reports as "reconnecting".
      client.off(Events.ShardReconnecting, onReconnecting);
      if (!(await inFlight.settle(graceMs))) log.warn({ inFlight: inFlight.size, graceMs }, "discord adapter stopping with answers still in flight");
      await client.destroy();
      log.info("discord disconnected");
    },
  };
}
