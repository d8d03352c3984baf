/**
 * Slash commands generated from the command definitions: `/attache message:<text>` for
 * anything, plus one per command that takes an argument (`/concept name:<…>`). A slash
 * command is exactly the message a user would type: `/concept name:X` runs `concept X`.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandOptionChoice,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { CommandArgument, CommandDefinition } from "../../core/command.js";
import { MAX_MESSAGE_LENGTH } from "../../core/parse.js";
import type { KnowledgeBase } from "../../knowledge/base.js";
import type { Entry, Kind } from "../../knowledge/schema.js";
import { truncate } from "../shared/text-fit.js";

/** The catch-all command: its one option is the whole message. */
export const ATTACHE_COMMAND = "attache";
const ATTACHE_OPTION = "message";

/** Discord's limits for command definitions and autocomplete. */
export const COMMAND_LIMITS = { description: 100, choices: 25, choiceName: 100, choiceValue: 100 } as const;

export type SlashCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Commands that get their own slash command: the visible ones that take an argument. */
export function slashable(definitions: readonly CommandDefinition[]): Array<CommandDefinition & { argument: CommandArgument }> {
  return definitions.filter(
    (definition): definition is CommandDefinition & { argument: CommandArgument } =>
      definition.argument !== undefined && definition.name !== ATTACHE_COMMAND,
  );
}

function stringCommand(name: string, description: string, option: { name: string; description: string; required: boolean; autocomplete: boolean }): SlashCommand {
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: truncate(description, COMMAND_LIMITS.description),
    // Usable in servers and in DMs with the bot; installed to servers only.
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: option.name,
        description: truncate(option.description, COMMAND_LIMITS.description),
        required: option.required,
        autocomplete: option.autocomplete,
        max_length: MAX_MESSAGE_LENGTH,
      },
    ],
  };
}

/** Everything `discord:register` puts, in help order after `/attache`. */
export function slashCommands(definitions: readonly CommandDefinition[]): SlashCommand[] {
  return [
    stringCommand(ATTACHE_COMMAND, "Ask Attaché anything, e.g. “what is multialignment?” or “search vaccine alliance”.", {
      name: ATTACHE_OPTION,
      description: "Your question or command",
      required: true,
      autocomplete: false,
    }),
    ...slashable(definitions).map(({ name, summary, argument }) =>
      stringCommand(name, summary, {
        name: argument.name,
        description: argument.description,
        required: argument.required,
        // Only arguments that name entries complete; free words (or command names) do not.
        autocomplete: argument.completes !== undefined,
      }),
    ),
  ];
}

/** The message a slash command stands for: `/concept name:X` → `concept X`. */
export function slashMessage(commandName: string, value: string | null): string {
  const words = commandName === ATTACHE_COMMAND ? [value ?? ""] : [commandName, value ?? ""];
  return words.join(" ").trim();
}

/** Which entry kinds complete a command's argument; undefined when it has no completion. */
export function completionKinds(definitions: readonly CommandDefinition[], commandName: string): readonly Kind[] | undefined {
  return slashable(definitions).find((definition) => definition.name === commandName)?.argument.completes;
}

function choice(entry: Entry): APIApplicationCommandOptionChoice<string> {
  // The value is what the command receives: the title (exact lookup), or the id if too long.
  const value = entry.title.length <= COMMAND_LIMITS.choiceValue ? entry.title : entry.id;
  return { name: truncate(entry.title, COMMAND_LIMITS.choiceName), value };
}

/**
 * Autocomplete choices for what is typed so far: the knowledge base's own ranking
 * (confident hits, then "did you mean"), then titles that start with or contain the
 * text (search ignores fragments shorter than three letters). Nothing typed yet: titles
 * in alphabetical order. An empty `kinds` means every kind.
 */
export function completions(kb: KnowledgeBase, typed: string, kinds: readonly Kind[]): Array<APIApplicationCommandOptionChoice<string>> {
  const wanted = kinds.length > 0 ? kinds : undefined;
  const candidates = kb.entries.filter((entry) => !wanted || wanted.includes(entry.kind));
  const byTitle = [...candidates].sort((a, b) => a.title.localeCompare(b.title));
  const text = typed.trim().toLowerCase();
  let ranked: Entry[] = byTitle;
  if (text) {
    const result = kb.search(text, { kinds: wanted, limit: COMMAND_LIMITS.choices });
    const names = (entry: Entry) => [entry.title, ...entry.aliases].map((name) => name.toLowerCase());
    ranked = [
      ...result.hits.map((hit) => hit.entry),
      ...result.suggestions.map((hit) => hit.entry),
      ...byTitle.filter((entry) => names(entry).some((name) => name.startsWith(text))),
      ...byTitle.filter((entry) => names(entry).some((name) => name.includes(text))),
    ];
  }
  return [...new Set(ranked)].slice(0, COMMAND_LIMITS.choices).map(choice);
}
