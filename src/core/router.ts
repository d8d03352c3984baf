/**
 * The one entry point every adapter calls: message text in, Reply out. It runs the
 * middleware chain, finds the command (a message that names none goes to the fallback
 * command), runs it, and turns failures into replies: user errors keep their code and
 * message, bugs are logged with an id. It knows no command by name: the app says which
 * command answers an empty message and which answers everything else.
 */
import type { KnowledgeBase } from "../knowledge/base.js";
import type { CommandDefinition } from "./command.js";
import type { ConversationMemory, Recollection } from "./conversation.js";
import { apology, newErrorId, UserError } from "./errors.js";
import { readLength, type Length } from "./length.js";
import { hashUser, type Logger } from "./log.js";
import { runChain, type Middleware, type Origin, type RoutedMiddleware, type RoutedTurn, type Turn } from "./middleware.js";
import { MAX_MESSAGE_LENGTH, sanitize, splitCommand } from "./parse.js";
import { Registry } from "./registry.js";
import { combineParts, errorReply, type Reply } from "./reply.js";

export type { Origin };

/** A command and its argument, as a message in plain words means them. */
export interface Interpretation {
  command: string;
  args: string;
  /** The entry ids the message was understood to be about, main subject first. */
  subjects?: string[];
  /** A second question in the same message, answered after the first. */
  then?: Interpretation;
}

export interface RouterOptions {
  /** The command for an empty message (help). */
  emptyCommand: string;
  /** The command for a message whose first word names no command (a question). */
  fallbackCommand: string;
  /**
   * Reads a message in plain words ("is X legitimate?") as a command; undefined if it is
   * none. With `only`, the message starts with that command's word: read only its argument.
   */
  interpret?: (message: string, previous: Recollection | undefined, only?: string) => Interpretation | undefined;
  /** Remembers each conversation's last answer, for follow-ups; none, no follow-ups. */
  conversations?: ConversationMemory;
  /** Run on every message before routing, in order. */
  middlewares?: readonly Middleware[];
  /** Run once the command is known, in order. */
  routedMiddlewares?: readonly RoutedMiddleware[];
  /** Told of every request once it has its reply (metrics); must not throw. */
  observe?: (observation: RequestObservation) => void;
}

/** One request as the router saw it end, for metrics. */
export interface RequestObservation {
  origin: Origin;
  reply: Reply;
  /** outcomeOf(reply). */
  outcome: string;
  /** From arrival to reply, all middleware included. */
  seconds: number;
}

/** First words that start a question even when they are also a command's alias. */
const QUESTION_WORDS = new Set(["who", "what", "which", "how"]);

export class Router {
  readonly registry: Registry;

  constructor(
    commands: readonly CommandDefinition[],
    /** Read on every message, so a reloaded knowledge base takes effect at once. */
    private readonly knowledge: () => KnowledgeBase,
    private readonly log: Logger,
    private readonly options: RouterOptions,
  ) {
    this.registry = new Registry(commands);
    // Both must exist: fail at start-up, not on the first message.
    this.registry.get(options.emptyCommand);
    this.registry.get(options.fallbackCommand);
  }

  /** Which command a (sanitized) message runs, and with what arguments. */
  private route(message: string, previous: Recollection | undefined): Interpretation {
    const { word, rest } = splitCommand(message);
    if (!word) return { command: this.options.emptyCommand, args: "" };
    const command = this.registry.find(word);
    // A command word keeps its meaning ("compare NATO and the Quad"); the understanding step
    // only reads its argument. A question word that is also an alias ("who") is read whole.
    if (command && !QUESTION_WORDS.has(word)) {
      return this.options.interpret?.(message, previous, command.name) ?? { command: command.name, args: rest };
    }
    const understood = this.options.interpret?.(message, previous);
    if (understood && this.registry.find(understood.command)) return understood;
    // Anything else is a question, never an error, read whole: "what is X", "who is X", "gavi".
    return { command: this.options.fallbackCommand, args: message };
  }

  /** Runs one understood command through the routed middlewares. */
  private run(turn: Turn, interpretation: Interpretation, previous: Recollection | undefined, length: Length): Promise<Reply> {
    const command = this.registry.get(interpretation.command);
    const routed: RoutedTurn = { ...turn, command, args: interpretation.args, length };
    return runChain(this.options.routedMiddlewares ?? [], routed, async () =>
      command.handler(
        { command: command.name, args: routed.args, message: routed.message, length },
        { kb: this.knowledge(), commands: this.registry.visible, ...(previous ? { previous } : {}) },
      ),
    );
  }

  async handle(text: string, origin: Origin = { adapter: "unknown" }): Promise<Reply> {
    const started = performance.now();
    // Bounded before any other work: the length cap refuses anything longer anyway.
    const turn: Turn = { text, message: sanitize(text.slice(0, MAX_MESSAGE_LENGTH * 4 + 1)), origin };
    let commandName = "unknown";
    let result: Reply;
    try {
      result = await runChain(this.options.middlewares ?? [], turn, async () => {
        const conversations = this.options.conversations;
        const previous = await conversations?.recall(origin);
        const { length, message } = readLength(turn.message);
        const interpretation = this.route(message, previous);
        commandName = interpretation.command;
        const read = { ...turn, message };
        const first = await this.run(read, interpretation, previous, length);
        // "Who's X and what's Y?": the second question is answered too, after the first.
        const then = interpretation.then;
        const answer = then && first.ok ? combineParts(first, await this.run(read, then, previous, length)) : first;
        await conversations?.remember(origin, answer);
        return answer;
      });
    } catch (error) {
      result = this.failure(commandName, error, origin);
    }
    this.logRequest(origin, result, started, text);
    return result;
  }

  private logRequest(origin: Origin, result: Reply, started: number, text: string): void {
    const ms = performance.now() - started;
    const outcome = outcomeOf(result);
    this.log.info(
      {
        adapter: origin.adapter,
        user: origin.user === undefined ? undefined : hashUser(origin.adapter, origin.user),
        command: result.command,
        outcome,
        ms: Math.round(ms * 10) / 10,
      },
      "request",
    );
    this.options.observe?.({ origin, reply: result, outcome, seconds: ms / 1000 });
    this.log.debug({ text }, "request text");
  }

  private failure(command: string, error: unknown, origin: Origin): Reply {
    if (error instanceof UserError) return errorReply(command, { code: error.code, message: error.message });
    const id = newErrorId();
    this.log.error({ err: error, errorId: id, command, adapter: origin.adapter }, "command failed");
    return errorReply(command, { code: "internal", message: apology(id) });
  }
}

/** How a request ended, for logs and metrics. */
export function outcomeOf(result: Reply): string {
  if (result.silent) return "silenced";
  if (!result.ok) return result.error?.code ?? "error";
  return result.entries.length > 0 ? "answered" : "no_match";
}
