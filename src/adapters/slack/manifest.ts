/**
 * `npm run slack:manifest [-- --url https://your.host] [--json]`: prints the Slack app
 * manifest to paste at "Create New App → From a manifest". It is generated from the
 * command definitions and the config (slash command, Socket Mode or request URLs), so it
 * cannot drift from what the adapter actually handles.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { webApi } from "@slack/bolt";
import { stringify } from "yaml";
import { commands } from "../../../commands/index.js";
import { ConfigError, loadConfig, type Config } from "../../config.js";
import type { CommandDefinition } from "../../core/command.js";
import { exitOnStartupError } from "../../startup.js";
import { EVENTS_PATH } from "./index.js";

export type Manifest = webApi.AppsManifestCreateArguments["manifest"];

/** Stands in for the public HTTPS address until the admin passes `--url`. */
export const PLACEHOLDER_URL = "https://attache.example.org";

export const APP_NAME = "Attaché";
export const APP_DESCRIPTION = "Cited answers on international partnerships and the ideas used to judge them.";

/** Exactly what the handlers need: the command, mentions, chat in channels and DMs. */
export const BOT_SCOPES = ["commands", "app_mentions:read", "chat:write", "im:history", "im:read", "im:write"] as const;
export const BOT_EVENTS = ["app_mention", "message.im"] as const;

/** Slack's limit on a slash command's usage hint. */
export const MAX_USAGE_HINT = 1000;

// Not "|": usages such as "sdg [number | name]" use it themselves.
const USAGE_SEPARATOR = " · ";

/** "help [command] · search <words> · … · or just ask a question", cut between usages if too long. */
export function usageHint(definitions: readonly CommandDefinition[]): string {
  const tail = "or just ask a question";
  const usages = definitions.filter((definition) => !definition.hidden).map((definition) => definition.usage);
  while (usages.length > 0 && [...usages, tail].join(USAGE_SEPARATOR).length > MAX_USAGE_HINT) usages.pop();
  return [...usages, tail].join(USAGE_SEPARATOR);
}

export function buildManifest(
  config: Pick<Config, "SLACK_COMMAND" | "SLACK_APP_TOKEN">,
  definitions: readonly CommandDefinition[],
  baseUrl: string = PLACEHOLDER_URL,
): Manifest {
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // Socket Mode needs no public address; over HTTP, commands, events and buttons share one route.
  const requestUrl = socketMode ? undefined : new URL(EVENTS_PATH, baseUrl).href;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: { name: APP_NAME, description: APP_DESCRIPTION, background_color: "#1f3a5f" },
    features: {
      // The Messages tab, writable, is where people DM the app.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: APP_NAME, always_online: true },
      slash_commands: [
        {
          command: config.SLACK_COMMAND,
          description: `Ask ${APP_NAME}: ${APP_DESCRIPTION}`,
          usage_hint: usageHint(definitions),
          should_escape: false,
          ...(requestUrl ? { url: requestUrl } : {}),
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { bot_events: [...BOT_EVENTS], ...(requestUrl ? { request_url: requestUrl } : {}) },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: "string" }, json: { type: "boolean", default: false } } });
  if (values.url !== undefined && !/^https:\/\/[^/\s]+/.test(values.url)) {
    throw new ConfigError(`--url must be the app's public https address, such as ${PLACEHOLDER_URL}`);
  }
  const manifest = buildManifest(await loadConfig(), commands, values.url);
  process.stdout.write(values.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await main().catch(exitOnStartupError);
