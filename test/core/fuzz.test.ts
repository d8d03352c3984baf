/**
 * Property-based fuzz of the whole answer path: hostile input → router → every renderer.
 * Nothing may throw, every rendered reply must be one Slack and Discord accept, and no
 * rendered reply may contain a live mass ping, whatever the user typed.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReply as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderReply as renderSlack } from "../../src/adapters/slack/render.js";
import { toJson } from "../../src/core/json.js";
import { renderText } from "../../src/core/render-text.js";
import type { Router } from "../../src/core/router.js";
import { discordProblems, shownTexts } from "../adapters/discord/limits.js";
import { allTexts, slackProblems } from "../adapters/slack/limits.js";
import { realRouter } from "../support/app.js";

/** Total hostile inputs across the properties below (the issue asks for at least 10,000). */
const RUNS = { mixed: 8000, commands: 2000 };

const injections = [
  "<!channel>", "<!here>", "<!everyone>", "@everyone", "@here", "<@U123ABC>", "<@&987654321>", "<#C024BE91L>",
  "<http://evil.example|click me>", "**bold**", "`code`", "```block```", "> quote", "# heading", "||spoiler||",
  "\u202Eevil", "\u200B", "\u0000", "\r\n", "&amp;", "&lt;", "%s%n", "${process.exit()}", "'; DROP TABLE --",
];
const commandWords = ["help", "search", "concept", "partnership", "org", "actor", "who", "document", "doc", "quote",
  "compare", "legitimacy", "threats", "sdg", "stakeholders", "brief", "what is", "is", "tell me about"];

const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...injections), { maxLength: 8 }).map((parts) => parts.join(" ")),
  fc.tuple(fc.constantFrom(...injections), fc.string({ maxLength: 40 })).map(([a, b]) => `${b}${a}${b}`),
  fc.string({ unit: "grapheme-ascii", minLength: 900, maxLength: 6000 }),
  fc.constantFrom("gavi", "nato", "multialignment", "sdg 7", "compare seforall vs finance in common"),
);

const commandWithGarbage = fc
  .tuple(fc.constantFrom(...commandWords), fc.oneof(hostileText, fc.constantFrom("", "vs", "and", "17", "-1", "gavi vs")))
  .map(([word, rest]) => `${word} ${rest}`);

let router: Router;
beforeAll(async () => {
  router = await realRouter();
});

const LIVE_SLACK_PING = /<!(channel|here|everyone)/;
const LIVE_DISCORD_PING = /@(everyone|here)|<@[!&]?\d+>/;

async function checkMessage(message: string): Promise<void> {
  const reply = await router.handle(message, { adapter: "fuzz" });
  expect(reply.error?.code).not.toBe("internal");
  JSON.stringify(toJson(reply));
  renderText(reply);

  for (const options of [{}, { shareMessage: message, sharedBy: "U0SHARER" }]) {
    const slack = renderSlack(reply, options);
    expect(slackProblems(slack)).toEqual([]);
    // Button values carry the raw message back to us; only what Slack shows must be inert.
    for (const text of [slack.text, ...allTexts(slack)]) expect(text).not.toMatch(LIVE_SLACK_PING);
  }

  const discord = renderDiscord(reply);
  expect(discordProblems(discord)).toEqual([]);
  for (const text of shownTexts(discord)) expect(text).not.toMatch(LIVE_DISCORD_PING);
}

describe("fuzzing the answer path", () => {
  it(`survives ${RUNS.mixed} hostile messages: no throw, within limits, no live pings`, async () => {
    await fc.assert(fc.asyncProperty(hostileText, checkMessage), { numRuns: RUNS.mixed, seed: 20261127 });
  }, 120_000);

  it(`survives ${RUNS.commands} command words followed by garbage`, async () => {
    await fc.assert(fc.asyncProperty(commandWithGarbage, checkMessage), { numRuns: RUNS.commands, seed: 7 });
  }, 120_000);
});
