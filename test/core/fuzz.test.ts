/**
 * Property-based fuzz of the whole answer path: hostile input → router → every renderer.
 * Nothing may throw, every rendered reply must be one Slack and Discord accept, and no
 * rendered reply may contain a live mass ping, whatever the user typed. The platform edges
 * (whole payloads, not only text, through real Bolt and discord.js) are fuzzed in
 * test/adapters/slack/fuzz.test.ts and test/adapters/discord/fuzz.test.ts.
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
import { commandWords, hostileText } from "../support/hostile.js";

/** Total hostile inputs across the properties below (the issue asks for at least 10,000). */
const RUNS = { mixed: 8000, commands: 2000 };

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
