/**
 * What a command is: a declarative definition whose fields are also its help text.
 * Handlers get a parsed request and the knowledge base, never a platform object.
 */
import type { KnowledgeBase } from "../knowledge/base.js";
import type { Kind } from "../knowledge/schema.js";
import type { Recollection } from "./conversation.js";
import type { Length } from "./length.js";
import type { Reply } from "./reply.js";

export interface CommandRequest {
  /** The command's canonical name. */
  command: string;
  /** Everything after the command word, trimmed. */
  args: string;
  /** The whole message as the user typed it (after clean-up of control characters), without a length cue. */
  message: string;
  /** How long the answer should be ("tl;dr", "in full", "3 talking points"); short by default. */
  length: Length;
}

export interface CommandContext {
  kb: KnowledgeBase;
  /** The other commands, for help and suggestions. */
  commands: readonly CommandDefinition[];
  /** The last answer in this conversation, if recent: what "it", "they" and "more" refer to. */
  previous?: Recollection;
}

export interface CommandArgument {
  name: string;
  description: string;
  required: boolean;
  /** Entry kinds whose titles complete this argument (REPL tab, Discord autocomplete). */
  completes?: readonly Kind[];
}

/**
 * A way of asking for a command in plain words, declared next to the command. The
 * understanding step reads every command's intents from the registry: cue phrases it
 * looks for, and what the message must name for the intent to fit.
 */
export interface Intent {
  /** Phrases in plain lowercase English words ("who funds", "talking points", "vs"). */
  cues: readonly string[];
  /** How many named entries it is about: 0 (none: a topic, or nothing), 1, or 2 (a pair). */
  names: 0 | 1 | 2;
  /** The kinds of entry it is about, best first; any kind when absent. */
  about?: readonly Kind[];
  /** The kind of topic it needs besides names, e.g. "threat", "sdg", "criterion", "field". */
  needs?: string;
  /** Breaks ties between intents whose cues are equally long; default 1. */
  weight?: number;
  /** A message that only names an entry of the `about` kind, or asks what it is, means this intent. */
  namesAlone?: boolean;
}

export interface CommandDefinition {
  name: string;
  aliases: readonly string[];
  /** e.g. `concept <name>` */
  usage: string;
  /** One line, for the command list. */
  summary: string;
  /** Messages that work, shown in help. */
  examples: readonly string[];
  /** The single argument, if the command takes one (used to generate slash commands). */
  argument?: CommandArgument;
  /** Hidden commands work but are not listed in help (e.g. the implicit question). */
  hidden?: boolean;
  /** The plain-word ways of asking for it; a command word typed first always works too. */
  intents?: readonly Intent[];
  handler(request: CommandRequest, context: CommandContext): Reply | Promise<Reply>;
}

/** Identity helper that checks a definition's shape at compile time. */
export function defineCommand(definition: CommandDefinition): CommandDefinition {
  return definition;
}
