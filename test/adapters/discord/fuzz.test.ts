/**
 * Property-based fuzz of the Discord edge: messages and interactions of random shape (any
 * author, mentions of anyone, @everyone flags, DMs, slash commands with missing, extra or
 * mistyped options, buttons and autocomplete with hostile values), dispatched by the local
 * fake of Discord to the real discord.js client. The bot never crashes (an unhandled
 * rejection fails the run), and nothing it sends can ping or shows a stack trace.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASK_PREFIX } from "../../../src/adapters/discord/render.js";
import type { Adapter } from "../../../src/core/adapter.js";
import { hostileText } from "../../support/hostile.js";
import { waitFor } from "../../support/wait.js";
import { FakeDiscord, type RecordedRequest } from "./fake-discord.js";
import { buttonData, InteractionTypes, messageData, stringOption, user } from "./fake-payloads.js";
import { startBot } from "./running.js";

const RUNS = 200;
const SAFE_MENTIONS = { parse: [], replied_user: false };
const STACK_TRACE = /\bat .+:\d+:\d+|TypeError|ReferenceError/;

let fake: FakeDiscord;
let adapter: Adapter | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000 });
  ({ adapter } = await startBot(fake));
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

type Dispatch = (fake: FakeDiscord) => void;

/** A message of random shape: who wrote it, how the bot is mentioned, who else is, where. */
const message: fc.Arbitrary<Dispatch> = fc
  .record({
    text: hostileText,
    mention: fc.constantFrom("start", "end", "nickname", "none"),
    author: fc.constantFrom("alice", "otherBot", "bot", "stranger", "strangerBot"),
    everyone: fc.boolean(),
    alsoMentioned: fc.boolean(),
    inDm: fc.boolean(),
  })
  .map(({ text, mention, author, everyone, alsoMentioned, inDm }) => (fake: FakeDiscord) => {
    const { world } = fake;
    const bot = world.bot.id;
    const content = { start: `<@${bot}> ${text}`, end: `${text} <@${bot}>`, nickname: `<@!${bot}> ${text}`, none: text }[mention];
    const authors = { alice: world.alice, otherBot: world.otherBot, bot: world.bot, stranger: user("stranger"), strangerBot: user("strangerbot", true) };
    fake.userMessage({
      content,
      author: authors[author],
      mentions: [...(mention === "none" ? [] : [world.bot]), ...(alsoMentioned ? [world.alice] : [])],
      mentionEveryone: everyone,
      inDm,
    });
  });

/** An option as it might arrive: a string, a number where a string belongs, or a name we never declared. */
const option = fc.oneof(
  fc.tuple(fc.constantFrom("message", "name", "query", "words"), hostileText).map(([name, value]) => stringOption(name, value)),
  fc.tuple(fc.constantFrom("message", "name", "unknown"), fc.integer()).map(([name, value]) => ({ name, type: 4, value })),
);

/** Slash commands (ours and others), buttons and autocomplete, with random options and values. */
const interaction: fc.Arbitrary<Dispatch> = fc.oneof(
  fc
    .record({ name: fc.constantFrom("attache", "concept", "search", "help", "compare", "nonexistent"), options: fc.array(option, { maxLength: 3 }), inDm: fc.boolean() })
    .map(({ name, options, inDm }) => (fake: FakeDiscord) => void fake.interaction({ type: InteractionTypes.ApplicationCommand, data: { id: "1", name, type: 1, options }, inDm })),
  fc
    .tuple(fc.oneof(hostileText.map((text) => `${ASK_PREFIX}${text}`.slice(0, 100)), fc.string({ maxLength: 100 })), fc.boolean())
    .map(([customId, inDm]) => (fake: FakeDiscord) => {
      const { world } = fake;
      // Discord always sends the message a button is on.
      const where = inDm ? { channelId: world.dmChannelId } : { channelId: world.guild.textChannelId, guildId: world.guild.id };
      fake.interaction({ type: InteractionTypes.MessageComponent, data: buttonData(customId), message: messageData({ ...where, author: world.bot, content: "" }), inDm });
    }),
  fc
    .tuple(fc.constantFrom("attache", "concept", "search", "nonexistent"), option)
    .map(([name, typed]) => (fake: FakeDiscord) => void fake.interaction({ type: InteractionTypes.Autocomplete, data: { id: "1", name, type: 1, options: [{ ...typed, focused: true }] } })),
);

/** What the bot sent that Discord would show: a message, a callback's data, a webhook edit or follow-up. */
function shownBody(request: RecordedRequest): Record<string, unknown> | undefined {
  const body = request.path.startsWith("/interactions/") ? request.body?.data : request.body;
  return body && (body.content !== undefined || body.embeds !== undefined) ? body : undefined;
}

describe("fuzzing the Discord edge through the real discord.js client", () => {
  it(`given ${RUNS} messages and interactions of random shape, then the bot stays up and nothing it sends can ping or shows a stack trace`, async () => {
    for (const dispatch of fc.sample(fc.oneof(message, interaction), { numRuns: RUNS, seed: 20261201 })) dispatch(fake);
    // Events are handled in order: a later mention answered means those before it have had their turn.
    const { message: last } = fake.mention("gavi");
    await fake.waitForRequest((request) => request.method === "POST" && request.body?.message_reference?.message_id === last.id, "the reply to the last mention", 20_000);
    // Interaction answers may still be on their way: wait until the bot has been quiet a moment.
    let seen = -1;
    await waitFor(async () => {
      const quiet = seen === fake.requests.length;
      seen = fake.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return quiet;
    }, "the bot to finish answering", 20_000);
    expect(adapter?.ready).toBe(true);
    const shown = fake.requests.flatMap((request) => {
      const body = shownBody(request);
      return body ? [{ request, body }] : [];
    });
    expect(shown.length).toBeGreaterThan(RUNS / 4);
    for (const { request, body } of shown) {
      expect(body.allowed_mentions, `${request.method} ${request.path}`).toEqual(SAFE_MENTIONS);
      expect(JSON.stringify(body)).not.toMatch(STACK_TRACE);
    }
  }, 60_000);
});
