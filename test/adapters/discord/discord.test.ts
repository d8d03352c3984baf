/**
 * The Discord adapter end to end: a real discord.js Client, started by createDiscordAdapter,
 * logs in to the local fake of Discord's REST API and gateway and answers what the fake
 * dispatches. Every assertion is on what actually reached the fake.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../../src/app.js";
import type { Adapter as DiscordAdapter } from "../../../src/core/adapter.js";
import { DISCORD_DM_NOT_ALLOWED_TEXT as DM_NOT_ALLOWED_TEXT, DISCORD_NOT_ALLOWED_TEXT as GUILD_NOT_ALLOWED_TEXT } from "../../../src/app.js";
import { ASK_PREFIX, LIMITS } from "../../../src/adapters/discord/render.js";
import type { RecordingLogger } from "../../support/app.js";
import { FakeDiscord, type RecordedRequest } from "./fake-discord.js";
import { startBot } from "./running.js";
import { buttonData, CallbackTypes, InteractionTypes, messageData, stringOption, user } from "./fake-payloads.js";

const EPHEMERAL = 1 << 6;
const INTENTS = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };

const isMessagePost = (request: RecordedRequest) => request.method === "POST" && /^\/channels\/\d+\/messages$/.test(request.path);

/** The bot's reply to a message, once it has been accepted. */
const replyTo = (fake: FakeDiscord, messageId: string, what = "the reply") =>
  fake.waitForRequest((request) => isMessagePost(request) && request.status === 200 && request.body?.message_reference?.message_id === messageId, what);

const slashCommand = (name: string, options: unknown[] = []) => ({
  type: InteractionTypes.ApplicationCommand,
  data: { id: "1", name, type: 1, ...(options.length > 0 ? { options } : {}) },
});

/** An option being typed, as autocomplete sends it. */
const typing = (command: string, option: string, value: string) => ({
  type: InteractionTypes.Autocomplete,
  data: { id: "1", name: command, type: 1, options: [stringOption(option, value, true)] },
});

/**
 * Ignored messages leave no trace, so "nothing happened" is checked after a later
 * mention has been answered: events are handled in order, on one REST queue.
 */
async function settle(fake: FakeDiscord): Promise<void> {
  const { message } = fake.mention("help");
  await replyTo(fake, message.id, "the reply to a later mention");
}

describe("Discord adapter through a local fake of Discord", () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter | undefined;
  let logger: RecordingLogger;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    ({ adapter, logger } = await startBot(fake));
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it("given the bot starts, then it identifies with only the Guilds, GuildMessages and DirectMessages intents over JSON without compression", () => {
    const identify = fake.received.find((frame) => frame.op === 2);
    expect(identify?.d.intents).toBe(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages);
    expect(identify?.d.intents & INTENTS.MessageContent).toBe(0);
    expect(fake.requests.some((request) => request.path === "/gateway/bot")).toBe(true);
    const query = fake.connections[0];
    expect(query?.get("v")).toBe("10");
    expect(query?.get("encoding")).toBe("json");
    expect(query?.has("compress")).toBe(false);
  });

  it("given a connected bot, then its heartbeats are acknowledged and the session stays up", async () => {
    await fake.heartbeats(2);
    expect(fake.opsReceived("Identify")).toBe(1);
  });

  it("given a mention in a channel, then exactly one reply to that message arrives, with the entry's embed and no pings allowed", async () => {
    const { message } = fake.mention("concept multialignment");
    const post = await replyTo(fake, message.id);
    expect(post.path).toBe(`/channels/${fake.world.guild.textChannelId}/messages`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.message_reference).toMatchObject({ message_id: message.id });
    const [embed] = post.body.embeds;
    expect(embed.title).toBe("Multialignment");
    expect(embed.description).toContain("Maintaining partnerships with competing powers");
    expect(post.body.components.flatMap((row: { components: Array<{ label: string; custom_id: string }> }) => row.components)).toContainEqual(
      expect.objectContaining({ label: "More", custom_id: "ask:concept multialignment --full" }),
    );
    expect(embed.footer.text).toMatch(/^Sources?:\n/);
    expect(fake.repliesTo(message.id)).toHaveLength(1);
  });

  it("given a mention after the text or in the <@!id> form, then the mention is stripped before the question is answered", async () => {
    const after = fake.userMessage({ content: `what is input legitimacy? <@${fake.world.bot.id}>`, mentions: [fake.world.bot] });
    const nickname = fake.userMessage({ content: `<@!${fake.world.bot.id}> partnership quad`, mentions: [fake.world.bot] });
    expect((await replyTo(fake, after.message.id)).body.embeds[0].title).toBe("Input legitimacy");
    expect((await replyTo(fake, nickname.message.id)).body.embeds[0].title).toBe("Quadrilateral Security Dialogue");
  });

  it("given a mention in a DM, then the reply goes to that DM channel", async () => {
    const { message } = fake.mention("concept seed not lead", { inDm: true });
    const post = await replyTo(fake, message.id);
    expect(post.path).toBe(`/channels/${fake.world.dmChannelId}/messages`);
    expect(post.body.embeds[0].title).toMatch(/seed/i);
  });

  it("given messages from bots, without a mention, or only to @everyone, @here or a role, then nothing is sent for them", async () => {
    const ignored = [
      fake.mention("concept multialignment", { author: fake.world.otherBot }),
      fake.mention("concept multialignment", { author: fake.world.bot }),
      fake.userMessage({ content: "concept multialignment" }),
      fake.userMessage({ content: "@everyone concept multialignment", mentionEveryone: true }),
      fake.userMessage({ content: "@here concept multialignment", mentionEveryone: true }),
      fake.userMessage({ content: `<@&${fake.world.guild.roleId}> concept multialignment`, mentionRoles: [fake.world.guild.roleId] }),
      // A reply that pings the bot lists it in mentions, but does not mention it in the text.
      fake.userMessage({ content: "thanks", mentions: [fake.world.bot] }),
    ];
    await settle(fake);
    for (const { message } of ignored) expect(fake.repliesTo(message.id)).toEqual([]);
  });

  it("given a follow-up in the same channel from the same user, then “it” is their last answer; another user's “it” is not", async () => {
    const first = fake.mention("what's the quad");
    expect((await replyTo(fake, first.message.id)).body.embeds[0].title).toBe("Quadrilateral Security Dialogue");
    const followUp = fake.mention("who's in it?");
    expect((await replyTo(fake, followUp.message.id)).body.embeds[0].title).toBe("Stakeholders: Quadrilateral Security Dialogue");
    const stranger = fake.mention("who's in it?", { author: user("stranger") });
    expect((await replyTo(fake, stranger.message.id)).body.embeds[0].title).toBe("Which one?");
  });

  it("given @everyone and mentions inside a query, then the reply pings nobody and shows them inert and escaped", async () => {
    const someone = user("someone");
    const { message } = fake.mention(`search @everyone @here <@${someone.id}> <@&${fake.world.guild.roleId}> **bold**`, {
      mentions: [fake.world.bot, someone],
      mentionEveryone: true,
    });
    const post = await replyTo(fake, message.id);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const shown = JSON.stringify(post.body.embeds);
    expect(shown).not.toMatch(/@everyone|@here|<@/);
    expect(shown).toContain("@\u200beveryone");
    const [embed] = post.body.embeds;
    expect(`${embed.title}\n${embed.description}`).toContain("\\*\\*bold\\*\\*");
  });

  it("given a slash command, then the callback answers at once with the entry's embed and no pings allowed", async () => {
    const interaction = fake.interaction(slashCommand("concept", [stringOption("name", "multialignment")]));
    const callback = await fake.callbackFor(interaction);
    expect(callback.body.type).toBe(CallbackTypes.Reply);
    expect(callback.body.data.embeds[0].title).toBe("Multialignment");
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(callback.body.data.flags ?? 0).toBe(0);
  });

  it("given /attache with a question, then the question is answered like a message", async () => {
    const interaction = fake.interaction(slashCommand("attache", [stringOption("message", "what is input legitimacy?")]));
    expect((await fake.callbackFor(interaction)).body.data.embeds[0].title).toBe("Input legitimacy");
  });

  it("given a slash command in a DM with the bot, then it is answered too", async () => {
    const interaction = fake.interaction({ ...slashCommand("partnership", [stringOption("name", "gavi")]), inDm: true });
    expect((await fake.callbackFor(interaction)).body.data.embeds[0].title).toBe("Gavi, the Vaccine Alliance");
  });

  it("given a query that is refused (too long), then only the asker sees the refusal", async () => {
    const interaction = fake.interaction(slashCommand("search", [stringOption("query", "word ".repeat(300))]));
    const callback = await fake.callbackFor(interaction);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toMatch(/too long/);
  });

  it("given a partial name typed in an autocompleted option, then at most 25 entry titles come back, the right one first", async () => {
    const typed = (command: string, option: string, value: string) => fake.interaction(typing(command, option, value));
    const concept = await fake.callbackFor(typed("concept", "name", "multialig"));
    expect(concept.body.type).toBe(CallbackTypes.AutocompleteResult);
    expect(concept.body.data.choices.length).toBeLessThanOrEqual(25);
    expect(concept.body.data.choices[0]).toEqual({ name: "Multialignment", value: "Multialignment" });

    const partnership = await fake.callbackFor(typed("partnership", "name", "vacc"));
    expect(partnership.body.data.choices[0].name).toBe("Gavi, the Vaccine Alliance");

    const empty = await fake.callbackFor(typed("actor", "name", ""));
    const names = empty.body.data.choices.map((choice: { name: string }) => choice.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(25);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("given a reply with a 'did you mean' button, when it is clicked, then the suggested entry is answered", async () => {
    const asked = fake.interaction(slashCommand("concept", [stringOption("name", "legitimacy")]));
    const first = (await fake.callbackFor(asked)).body.data;
    const button = first.components.flatMap((row: { components: unknown[] }) => row.components)[0];
    // Which legitimacy concept is shown and which suggested depends on the names in the base; either way the button asks for the other.
    expect(button).toMatchObject({ type: 2, custom_id: expect.stringMatching(new RegExp(`^${ASK_PREFIX}concept (?:input|output)-legitimacy$`)), label: expect.stringMatching(/^(?:Input|Output) .*legitimacy \(concept\)$/) });
    const suggested = button.label.replace(/ \(concept\)$/, "");
    expect(button.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);

    const shown = messageData({ channelId: fake.world.guild.textChannelId, guildId: fake.world.guild.id, author: fake.world.bot, content: "", ...first });
    const click = fake.interaction({ type: InteractionTypes.MessageComponent, data: buttonData(button.custom_id), message: shown });
    const callback = await fake.callbackFor(click, "the answer to the click");
    expect(callback.body.type).toBe(CallbackTypes.Reply);
    expect(callback.body.data.embeds[0].title).toBe(suggested);
  });

  it("given a button the bot does not know, then the clicker alone is told it no longer works", async () => {
    const shown = messageData({ channelId: fake.world.guild.textChannelId, guildId: fake.world.guild.id, author: fake.world.bot, content: "old" });
    const click = fake.interaction({ type: InteractionTypes.MessageComponent, data: buttonData("v0:something"), message: shown });
    const callback = await fake.callbackFor(click);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/no longer works/);
  });

  it("given the gateway connection drops, when a mention arrives meanwhile, then the client resumes its session and answers it", async () => {
    const resumed = fake.nextResume();
    fake.dropConnections();
    const { message } = fake.mention("concept nonalignment");
    await resumed;
    const post = await replyTo(fake, message.id);
    expect(post.body.embeds[0].title).toBe("Nonalignment");
    expect(fake.opsReceived("Resume")).toBeGreaterThanOrEqual(1);
    expect(fake.opsReceived("Identify")).toBe(1);
  });

  it("given Discord answers the reply with 429, then the reply is sent again after retry_after and arrives", async () => {
    const retryAfterSeconds = 0.3;
    fake.rateLimitNext("POST", /^\/channels\/\d+\/messages$/, retryAfterSeconds);
    const { message } = fake.mention("partnership nato");
    const post = await replyTo(fake, message.id);
    const limited = fake.requests.find((request) => request.status === 429 && request.body?.message_reference?.message_id === message.id);
    expect(limited).toBeDefined();
    expect(post.at - limited!.at).toBeGreaterThanOrEqual(retryAfterSeconds * 1000 - 20);
    expect(post.body.embeds[0].title).toMatch(/NATO|North Atlantic/);
    expect(logger.lines.some((line) => line.msg === "rate limited by Discord; waiting")).toBe(true);
  });
});

describe("Discord adapter with DISCORD_ALLOWED_GUILDS set", () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter | undefined;
  let logger: RecordingLogger;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    // The bot is in two guilds; only the first is allowed (the list also holds an unrelated id).
    ({ adapter, logger } = await startBot(fake, { env: { DISCORD_ALLOWED_GUILDS: `123456789012345678, ${fake.world.guild.id}` } }));
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  beforeEach(() => void (logger.lines.length = 0));
  const refusalsLogged = (guild: string | null) =>
    logger.lines.filter((line) => line.level === 40 && line.adapter === "discord" && line.workspace === guild && line.msg === "request from a workspace or server outside the allowlist");

  it("given a mention in an allowed guild, then it is answered", async () => {
    const { message } = fake.mention("concept multialignment");
    expect((await replyTo(fake, message.id)).body.embeds[0].title).toBe("Multialignment");
  });

  it("given a mention in a guild not on the list, then nothing is posted anywhere, and one warning names the guild", async () => {
    const postsBefore = fake.requests.filter(isMessagePost).length;
    const { message } = fake.mention("concept multialignment", { guild: fake.world.otherGuild });
    await settle(fake);
    expect(fake.repliesTo(message.id)).toEqual([]);
    // The only post since is the reply to settle()'s mention in the allowed guild.
    expect(fake.requests.filter(isMessagePost).slice(postsBefore).map((post) => post.path)).toEqual([`/channels/${fake.world.guild.textChannelId}/messages`]);
    expect(refusalsLogged(fake.world.otherGuild.id)).toHaveLength(1);
  });

  it("given a slash command in a guild not on the list, then only the asker sees a short refusal, and one warning names the guild", async () => {
    const interaction = fake.interaction({ ...slashCommand("concept", [stringOption("name", "multialignment")]), guild: fake.world.otherGuild });
    const callback = await fake.callbackFor(interaction);
    expect(callback.body.type).toBe(CallbackTypes.Reply);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toBe(GUILD_NOT_ALLOWED_TEXT);
    expect(refusalsLogged(fake.world.otherGuild.id)).toHaveLength(1);
  });

  it("given a slash command in an allowed guild, then it is answered for everyone to see", async () => {
    const callback = await fake.callbackFor(fake.interaction(slashCommand("concept", [stringOption("name", "multialignment")])));
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.embeds[0].title).toBe("Multialignment");
  });

  it("given a 'did you mean' button clicked in a guild not on the list, then the clicker alone is refused", async () => {
    const shown = messageData({ channelId: fake.world.otherGuild.textChannelId, guildId: fake.world.otherGuild.id, author: fake.world.bot, content: "" });
    const click = fake.interaction({ type: InteractionTypes.MessageComponent, data: buttonData(`${ASK_PREFIX}concept multialignment`), message: shown, guild: fake.world.otherGuild });
    const callback = await fake.callbackFor(click);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toBe(GUILD_NOT_ALLOWED_TEXT);
    expect(refusalsLogged(fake.world.otherGuild.id)).toHaveLength(1);
  });

  it("given an option typed in a guild not on the list, then autocomplete offers no choices, while the allowed guild gets them", async () => {
    const refused = await fake.callbackFor(fake.interaction({ ...typing("concept", "name", "multialig"), guild: fake.world.otherGuild }));
    expect(refused.body).toEqual({ type: CallbackTypes.AutocompleteResult, data: { choices: [] } });
    const allowed = await fake.callbackFor(fake.interaction(typing("concept", "name", "multialig")));
    expect(allowed.body.data.choices[0]?.name).toBe("Multialignment");
  });

  it("given a mention in a DM, then the one-line reply explains that only enabled servers are answered", async () => {
    const { message } = fake.mention("concept multialignment", { inDm: true });
    const post = await replyTo(fake, message.id);
    expect(post.path).toBe(`/channels/${fake.world.dmChannelId}/messages`);
    expect(post.body.embeds[0].description).toBe(DM_NOT_ALLOWED_TEXT);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(refusalsLogged(null)).toHaveLength(1);
  });

  it("given a slash command in a DM, then only the asker sees the same explanation", async () => {
    const callback = await fake.callbackFor(fake.interaction({ ...slashCommand("concept", [stringOption("name", "multialignment")]), inDm: true }));
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toBe(DM_NOT_ALLOWED_TEXT);
  });
});

describe("Discord adapter with slow, failing or too many questions", () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter | undefined;
  let logger: RecordingLogger;
  const DEFER_AFTER_MS = 50;
  const RATE_LIMIT = 2;

  /** A promise and the function that resolves it. */
  const signal = () => {
    let resolve = () => {};
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  };
  /** Resolved when a slow answer starts being worked on. */
  let slowStarted = signal();

  /** Messages starting "slowly" take longer than the deferral deadline; "explode" throws. */
  function slowOrFailing(app: App): App {
    const router = Object.create(app.router) as App["router"];
    router.handle = async (text, origin) => {
      if (text.includes("explode")) throw new Error("simulated adapter-side failure");
      if (!text.startsWith("slowly ")) return app.router.handle(text, origin);
      slowStarted.resolve();
      await new Promise((resolve) => setTimeout(resolve, DEFER_AFTER_MS * 4));
      return app.router.handle(text.slice("slowly ".length), origin);
    };
    return { ...app, router };
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    ({ adapter, logger } = await startBot(fake, { customise: slowOrFailing, deferAfterMs: DEFER_AFTER_MS, rateLimit: RATE_LIMIT }));
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it("given an answer slower than the deferral deadline, then the command is deferred first and the embed edited in", async () => {
    const interaction = fake.interaction(slashCommand("attache", [stringOption("message", "slowly concept multialignment")]));
    const callback = await fake.callbackFor(interaction);
    expect(callback.body.type).toBe(CallbackTypes.DeferredReply);
    const edit = await fake.originalEditFor(interaction);
    expect(edit.at).toBeGreaterThan(callback.at);
    expect(edit.body.embeds[0].title).toBe("Multialignment");
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("given a failure while answering a command, then the asker alone gets a short apology with an error id that is in the logs", async () => {
    const interaction = fake.interaction(slashCommand("attache", [stringOption("message", "explode")]));
    const callback = await fake.callbackFor(interaction);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const errorId = /error id (\w+)/.exec(callback.body.data.content)?.[1];
    expect(errorId).toBeDefined();
    expect(callback.body.data.content).not.toMatch(/simulated|at .*\.ts/);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 50, errorId, event: "command" }));
  });

  it("given a failure while answering a mention, then the reply is a short apology with an error id", async () => {
    const { message } = fake.mention("explode");
    const post = await replyTo(fake, message.id);
    expect(post.body.content).toMatch(/^Sorry, something went wrong on our side\. .*error id \w+\.$/);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.content.length).toBeLessThanOrEqual(LIMITS.content);
  });

  it("given a user asking faster than the rate limit, then they are told once to slow down, then get silence", async () => {
    const carol = user("carol");
    const asked = Array.from({ length: RATE_LIMIT + 2 }, () => fake.mention("concept multialignment", { author: carol }));
    const answers = await Promise.all(asked.slice(0, RATE_LIMIT + 1).map(({ message }) => replyTo(fake, message.id)));
    expect(answers.slice(0, RATE_LIMIT).map((post) => post.body.embeds[0].title)).toEqual(Array(RATE_LIMIT).fill("Multialignment"));
    expect(answers[RATE_LIMIT]?.body.embeds[0].description).toMatch(/faster than I can keep up/);
    const { message: later } = fake.mention("concept multialignment", { author: user("dave") });
    const daveAnswer = await replyTo(fake, later.id, "the reply to another user's mention");
    expect(daveAnswer.body.embeds[0].title).toBe("Multialignment");
    expect(fake.repliesTo(asked[RATE_LIMIT + 1]!.message.id)).toEqual([]);
  });

  it("given a user over the rate limit with slash commands, then every refusal is seen by them alone, while another user is answered", async () => {
    const frank = user("frank");
    const ask = (asker = frank) => fake.interaction({ ...slashCommand("concept", [stringOption("name", "multialignment")]), user: asker });
    const callbacks = [];
    // One at a time, so the answers cannot overtake each other.
    for (let i = 0; i < RATE_LIMIT + 2; i++) callbacks.push((await fake.callbackFor(ask())).body.data);
    expect(callbacks.slice(0, RATE_LIMIT).map((data) => [data.flags ?? 0, data.embeds[0].title])).toEqual(Array(RATE_LIMIT).fill([0, "Multialignment"]));
    // Discord shows "the application did not respond" to silence, so a command is refused again, privately.
    for (const refused of callbacks.slice(RATE_LIMIT)) {
      expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(refused.embeds[0].description).toMatch(/faster than I can keep up/);
    }
    const other = await fake.callbackFor(ask(user("grace")));
    expect(other.body.data.embeds[0].title).toBe("Multialignment");
  });

  it("given an answer in flight, when the adapter stops, then the answer is sent before it disconnects", async () => {
    slowStarted = signal();
    const { message } = fake.mention("slowly concept multialignment", { author: user("erin") });
    await slowStarted.promise;
    await adapter?.stop();
    expect(fake.repliesTo(message.id)).toHaveLength(1);
    expect(fake.repliesTo(message.id)[0]?.body.embeds[0].title).toBe("Multialignment");
  });
});
