/**
 * Payloads shaped like Discord's (API v10): users, two guilds with a text channel each, messages
 * and interactions, as the gateway and REST API send them. Only types come from
 * discord.js, so the fake checks the client rather than sharing its code.
 */
import { randomBytes } from "node:crypto";
import type { APIMessage, APIUser, ApplicationFlags, GatewayReadyDispatchData } from "discord.js";

/** Discord's epoch (2015-01-01) for snowflake ids. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake id: time-ordered, like Discord's, so discord.js can read its timestamp. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

// Discord's numeric enums, spelled out here so the fake does not depend on the client's.
export const ChannelTypes = { GuildText: 0, DM: 1 } as const;
export const InteractionTypes = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
export const CallbackTypes = { Reply: 4, DeferredReply: 5, DeferredUpdate: 6, Update: 7, AutocompleteResult: 8 } as const;
const OPTION_STRING = 3;
const COMPONENT_BUTTON = 2;
/** Every permission bit a member in the test guild has (administrator included). */
const ALL_PERMISSIONS = "2251799813685247";

export function user(username: string, bot = false): APIUser {
  return { id: snowflake(), username, discriminator: "0", global_name: username, avatar: null, bot };
}

export interface Guild {
  id: string;
  name: string;
  textChannelId: string;
  roleId: string;
}

export interface World {
  bot: APIUser;
  applicationId: string;
  /** The guild every test uses; on shard 0 when sharded. */
  guild: Guild;
  /** A second guild the bot is in (for allowlists); on shard 1 when there are two shards. */
  otherGuild: Guild;
  /** The DM channel between `alice` and the bot. */
  dmChannelId: string;
  alice: APIUser;
  otherBot: APIUser;
}

/** [shard id, shard count], as in IDENTIFY and READY. */
export type ShardInfo = [number, number];

/** The shard Discord sends a guild's events to: (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake that lands on `shard` of two, by moving its timestamp a millisecond if needed. */
function snowflakeOnShard(shard: number): string {
  const id = BigInt(snowflake());
  return (shardOf(id.toString(), 2) === shard ? id : id + (1n << 22n)).toString();
}

function newGuild(name: string, shard: number): Guild {
  return { id: snowflakeOnShard(shard), name, textChannelId: snowflake(), roleId: snowflake() };
}

export function createWorld(): World {
  const bot = user("Attaché", true);
  return {
    bot,
    applicationId: bot.id,
    guild: newGuild("Embassy", 0),
    otherGuild: newGuild("Consulate", 1),
    dmChannelId: snowflake(),
    alice: user("alice"),
    otherBot: user("otherbot", true),
  };
}

export const guildsOf = (world: World): Guild[] => [world.guild, world.otherGuild];

/** READY for one shard: only the guilds whose events go to that shard. */
export function readyData(world: World, sessionId: string, gatewayUrl: string, shard: ShardInfo): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false },
    guilds: guildsOf(world)
      .filter((each) => shardOf(each.id, shard[1]) === shard[0])
      .map((each) => ({ id: each.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: gatewayUrl,
    shard,
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
  };
}

function member(of: APIUser, roles: string[] = []) {
  return { user: of, roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: ALL_PERMISSIONS };
}

export function guildCreateData(world: World, guild: Guild) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: world.alice.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 3,
    roles: [
      { id: guild.id, name: "@everyone", color: 0, hoist: false, position: 0, permissions: "1024", managed: false, mentionable: false, flags: 0 },
      { id: guild.roleId, name: "Diplomats", color: 0, hoist: false, position: 1, permissions: "0", managed: false, mentionable: true, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    members: [member(world.bot), member(world.alice, [guild.roleId])],
    channels: [{ id: guild.textChannelId, type: ChannelTypes.GuildText, name: "general", position: 0, permission_overwrites: [], nsfw: false, topic: null, parent_id: null, last_message_id: null, rate_limit_per_user: 0 }],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageFields {
  channelId: string;
  guildId?: string;
  author: APIUser;
  content: string;
  mentions?: APIUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  embeds?: unknown[];
  components?: unknown[];
  messageReference?: unknown;
}

/** A message object as MESSAGE_CREATE and the REST API carry it. */
export function messageData(fields: MessageFields): APIMessage & { guild_id?: string; member?: unknown } {
  return {
    id: snowflake(),
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId, member: member(fields.author) } : {}),
    author: fields.author,
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: fields.mentionEveryone ?? false,
    mentions: fields.mentions ?? [],
    mention_roles: fields.mentionRoles ?? [],
    attachments: [],
    embeds: (fields.embeds ?? []) as APIMessage["embeds"],
    pinned: false,
    type: 0,
    components: (fields.components ?? []) as APIMessage["components"],
    ...(fields.messageReference ? { message_reference: fields.messageReference as APIMessage["message_reference"] } : {}),
  };
}

export interface InteractionFields {
  type: number;
  data: Record<string, unknown>;
  /** The message a component belongs to. */
  message?: unknown;
  /** Invoked in a DM with the bot instead of the guild channel. */
  inDm?: boolean;
  /** The guild it is invoked in (default `world.guild`). */
  guild?: Guild;
  /** Who invokes it (default `world.alice`). */
  user?: APIUser;
}

/** An INTERACTION_CREATE payload, by default from `alice`, with a fresh id and token. */
export function interactionData(world: World, fields: InteractionFields) {
  const { guild = world.guild, user: asker = world.alice } = fields;
  const where = fields.inDm
    ? { channel_id: world.dmChannelId, channel: { id: world.dmChannelId, type: ChannelTypes.DM, recipients: [asker] }, user: asker, context: 1 }
    : {
        guild_id: guild.id,
        channel_id: guild.textChannelId,
        channel: { id: guild.textChannelId, type: ChannelTypes.GuildText, guild_id: guild.id, name: "general" },
        member: member(asker, [guild.roleId]),
        guild_locale: "en-US",
        context: 0,
      };
  return {
    id: snowflake(),
    application_id: world.applicationId,
    type: fields.type,
    token: `interaction-${randomBytes(12).toString("hex")}`,
    version: 1,
    locale: "en-US",
    app_permissions: ALL_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    attachment_size_limit: 10_485_760,
    data: fields.data,
    ...(fields.message ? { message: fields.message } : {}),
    ...where,
  };
}

export function stringOption(name: string, value: string, focused = false) {
  return { name, type: OPTION_STRING, value, ...(focused ? { focused } : {}) };
}

export function buttonData(customId: string) {
  return { custom_id: customId, component_type: COMPONENT_BUTTON };
}
