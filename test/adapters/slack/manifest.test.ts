import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commands } from "../../../commands/index.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { BOT_EVENTS, BOT_SCOPES, buildManifest, MAX_USAGE_HINT, PLACEHOLDER_URL, usageHint } from "../../../src/adapters/slack/manifest.js";
import { defineCommand } from "../../../src/core/command.js";
import { reply } from "../../../src/core/reply.js";
import { testConfig } from "../../support/app.js";

const run = promisify(execFile);

describe("Slack app manifest", () => {
  it("given HTTP mode, then commands, events and buttons all point at /slack/events on the placeholder host", () => {
    const manifest = buildManifest(testConfig(), commands);
    const requestUrl = `${PLACEHOLDER_URL}/slack/events`;
    expect(manifest.features?.slash_commands).toEqual([
      expect.objectContaining({ command: "/attache", url: requestUrl, should_escape: false, usage_hint: usageHint(commands) }),
    ]);
    expect(manifest.settings).toMatchObject({
      event_subscriptions: { request_url: requestUrl, bot_events: ["app_mention", "message.im"] },
      interactivity: { is_enabled: true, request_url: requestUrl },
      socket_mode_enabled: false,
    });
    expect(manifest.oauth_config?.scopes?.bot).toEqual(["commands", "app_mentions:read", "chat:write", "im:history", "im:read", "im:write"]);
    expect(manifest.features?.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
  });

  it("given SLACK_APP_TOKEN, then Socket Mode is on and no request URL is asked for", () => {
    const manifest = buildManifest(testConfig({ SLACK_APP_TOKEN: "xapp-1-test", SLACK_COMMAND: "/brief" }), commands);
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.features?.slash_commands?.[0]).not.toHaveProperty("url");
    expect(manifest.features?.slash_commands?.[0]?.command).toBe("/brief");
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual([...BOT_EVENTS]);
  });

  it("given the command definitions, then the usage hint lists every visible command's usage and no hidden one", () => {
    const hint = usageHint(commands);
    for (const command of commands.filter((c) => !c.hidden)) expect(hint).toContain(command.usage);
    expect(hint).not.toContain("<question>");
    expect(hint.endsWith("or just ask a question")).toBe(true);
  });

  it("given more commands than fit in Slack's usage hint, then whole usages are left out, not cut", () => {
    const many = Array.from({ length: 80 }, (_, n) =>
      defineCommand({ name: `command-${n}`, aliases: [], usage: `command-${n} <some argument>`, summary: "", examples: [], handler: () => reply("x") }),
    );
    const hint = usageHint(many);
    expect(hint.length).toBeLessThanOrEqual(MAX_USAGE_HINT);
    expect(hint).toMatch(/^(command-\d+ <some argument> · )+or just ask a question$/);
  });

  it("given `npm run slack:manifest -- --url …`, then it prints YAML that parses to the same manifest with that host", async () => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", SLACK_COMMAND: "/attache", SLACK_APP_TOKEN: "" };
    const { stdout } = await run("npx", ["tsx", "src/adapters/slack/manifest.ts", "--url", "https://attache.example.gov"], { cwd: PROJECT_ROOT, env });
    const printed = parse(stdout) as ReturnType<typeof buildManifest>;
    expect(printed).toEqual(buildManifest(testConfig(), commands, "https://attache.example.gov"));
    expect(printed.oauth_config?.scopes?.bot).toEqual([...BOT_SCOPES]);
  });
});
