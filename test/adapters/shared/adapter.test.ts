import { describe, expect, it } from "vitest";
import { chatPlatforms } from "../../../src/adapters/shared/adapter.js";
import { ConfigError } from "../../../src/config.js";
import { testConfig } from "../../support/app.js";

const platformsFor = (env: Record<string, string>) => () => chatPlatforms(testConfig(env));

describe("which chat platforms the credentials ask for", () => {
  it("given full credentials, or none, then those platforms (or none, for the REPL)", () => {
    expect(platformsFor({})()).toEqual({ slack: false, discord: false });
    expect(platformsFor({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })()).toEqual({ slack: true, discord: false });
    expect(platformsFor({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })()).toEqual({ slack: true, discord: false });
    expect(platformsFor({ DISCORD_TOKEN: "d" })()).toEqual({ slack: false, discord: true });
    expect(platformsFor({ DISCORD_TOKEN: "d", DISCORD_APPLICATION_ID: "1" })()).toEqual({ slack: false, discord: true });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ DISCORD_APPLICATION_ID: "1" }, "DISCORD_TOKEN"],
  ])("(item 7) given half-set credentials %j, then a config error naming %s", (env, missing) => {
    expect(platformsFor(env)).toThrow(ConfigError);
    expect(platformsFor(env)).toThrow(new RegExp(`^Set ${missing}\\b`));
  });
});
