/**
 * `npm run discord:register`: puts the slash commands generated from the command
 * definitions, in one bulk overwrite, so running it twice changes nothing and commands
 * that no longer exist disappear. With DISCORD_GUILD_ID they go to that server (they
 * show at once); without it, to every server and DM (Discord may take a while).
 */
import { pathToFileURL } from "node:url";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { commands } from "../../../commands/index.js";
import { ConfigError, loadConfig, type Config } from "../../config.js";
import { Registry } from "../../core/registry.js";
import { exitOnStartupError } from "../../startup.js";
import { requireSetting } from "../shared/adapter.js";
import { restOptions, TOKEN_HINT } from "./index.js";
import { slashCommands } from "./slash-commands.js";

export interface Registration {
  scope: "guild" | "global";
  /** The REST route that was PUT, e.g. `/applications/123/guilds/456/commands`. */
  route: string;
  /** Names of the commands Discord now has, as it answered. */
  names: string[];
}

const APPLICATION_ID_HINT = "the Application ID from the Discord Developer Portal (your application → General Information).";

/** What a refusal from Discord means for the person running the script. */
function explain(error: DiscordAPIError, config: Config): string {
  if (error.status === 401) return `Discord refused DISCORD_TOKEN (401). Set DISCORD_TOKEN to ${TOKEN_HINT}`;
  if (config.DISCORD_GUILD_ID && (error.status === 403 || error.status === 404)) {
    return (
      `Discord refused to register commands in guild ${config.DISCORD_GUILD_ID} (${error.status}: ${error.message}). ` +
      "Check DISCORD_GUILD_ID and that the bot was invited there with the applications.commands scope."
    );
  }
  return `Discord refused the commands (${error.status}: ${error.message}). Check DISCORD_APPLICATION_ID and DISCORD_TOKEN.`;
}

export async function registerCommands(
  config: Config,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<Registration> {
  const token = requireSetting(config, "DISCORD_TOKEN", TOKEN_HINT);
  const applicationId = requireSetting(config, "DISCORD_APPLICATION_ID", APPLICATION_ID_HINT);
  const guildId = config.DISCORD_GUILD_ID;
  const body = slashCommands(new Registry(commands).visible);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const rest = new REST(restOptions(config)).setToken(token);

  let answered: Array<{ name: string }>;
  try {
    answered = (await rest.put(route, { body })) as Array<{ name: string }>;
  } catch (error) {
    if (error instanceof DiscordAPIError) throw new ConfigError(explain(error, config));
    throw error;
  }
  const names = answered.map((command) => command.name);
  const where = guildId ? `in guild ${guildId} (available at once)` : "globally (Discord may take a while to show changes)";
  print(`Registered ${names.length} slash commands ${where}:`);
  for (const command of body) print(`  /${command.name}: ${command.description}`);
  print("Any other commands this application had there were removed (bulk overwrite).");
  return { scope: guildId ? "guild" : "global", route, names };
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsScript) {
  try {
    await registerCommands(await loadConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) exitOnStartupError(error);
    process.stderr.write(`discord:register: ${error.message}\n`);
    process.exitCode = 1;
  }
}
