import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("configuration from the environment", () => {
  it("applies the documented defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ SLACK_COMMAND: "/attache", PORT: 3000, LOG_LEVEL: "info", RATE_LIMIT_REQUESTS: 10, DISCORD_SHARDS: 1 });
    expect(config.knowledgeDir).toMatch(/knowledge$/);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it("treats empty values from .env.example as unset", () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: "", DISCORD_API_URL: " " })).toMatchObject({ SLACK_BOT_TOKEN: undefined, DISCORD_API_URL: undefined });
  });

  it("splits allowlists on commas", () => {
    expect(parseConfig({ SLACK_ALLOWED_TEAMS: "T1, T2,," }).SLACK_ALLOWED_TEAMS).toEqual(["T1", "T2"]);
  });

  it("names every variable that is wrong", () => {
    const error = (() => {
      try {
        parseConfig({ PORT: "eighty", LOG_LEVEL: "loud", SLACK_API_URL: "not a url", SLACK_COMMAND: "attache" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: PORT must be a whole number from 0 to 65535, in digits \(got "eighty"\)/);
    expect(message).toMatch(/LOG_LEVEL: LOG_LEVEL must be one of debug, info, warn, error/);
    expect(message).toMatch(/SLACK_API_URL: SLACK_API_URL must be a URL/);
    expect(message).toMatch(/SLACK_COMMAND: SLACK_COMMAND must look like \/attache/);
  });

  it("given the settings for several replicas, then REDIS_URL must be redis://, HEALTH_PORT a port and LOG_SALT long enough; unset, they stay unset", () => {
    expect(parseConfig({ REDIS_URL: "", HEALTH_PORT: "", LOG_SALT: "" })).toMatchObject({ REDIS_URL: undefined, HEALTH_PORT: undefined, LOG_SALT: undefined });
    expect(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379/1", HEALTH_PORT: "8080", LOG_SALT: "sixteen-chars-ok" })).toMatchObject({
      REDIS_URL: "redis://127.0.0.1:6379/1",
      HEALTH_PORT: 8080,
      LOG_SALT: "sixteen-chars-ok",
    });
    expect(() => parseConfig({ REDIS_URL: "http://127.0.0.1:6379", HEALTH_PORT: "health", LOG_SALT: "short" })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL[\s\S]*HEALTH_PORT must be a whole number[\s\S]*LOG_SALT must be at least 16 characters/,
    );
  });

  it("(item 8) given PORT or another number written other than in plain digits, or out of range, then an error naming it", () => {
    for (const port of ["0x50", "1e3", "80.0", "-1", "65536", "8O"]) expect(() => parseConfig({ PORT: port })).toThrow(/PORT must be a whole number from 0 to 65535/);
    expect(() => parseConfig({ RATE_LIMIT_REQUESTS: "1e2" })).toThrow(/RATE_LIMIT_REQUESTS must be a whole number/);
    expect(() => parseConfig({ DISCORD_SHARDS: "0x2" })).toThrow(/DISCORD_SHARDS must be a whole number from 1/);
  });

  it("(item 8) given PORT empty or blank, then the default port 3000, not a random one; digits are read as written", () => {
    expect(parseConfig({ PORT: "" }).PORT).toBe(3000);
    expect(parseConfig({ PORT: " " }).PORT).toBe(3000);
    expect(parseConfig({ PORT: " 8080 " }).PORT).toBe(8080);
    expect(parseConfig({ PORT: "0" }).PORT).toBe(0);
  });
});
