/**
 * The one entry point every adapter calls: message text in, Reply out. It finds the
 * command (a bare question goes to `ask`), runs it, and turns failures into replies:
 * user errors keep their code and message, bugs are logged with an id.
 */
import type { KnowledgeBase } from "../knowledge/base.js";
import type { CommandDefinition } from "./command.js";
import { newErrorId, UserError } from "./errors.js";
import { hashUser, type Logger } from "./log.js";
import { MAX_MESSAGE_LENGTH, sanitize, splitCommand } from "./parse.js";
import { matchPhrasing } from "../domain/phrasings.js";
import type { RateLimiter } from "./rate-limit.js";
import { Registry } from "./registry.js";
import { errorReply, type Reply } from "./reply.js";

/** Where a message came from: for logs and rate limits, never to change an answer. */
export interface Origin {
  adapter: string;
  /** The user's id on that platform; chat adapters always set it, the trusted REPL/CLI never. */
  user?: string;
}

/** First words that start a question even when they are also a command's alias. */
const QUESTION_WORDS = new Set(["who", "what", "which", "how"]);

/** Commands the router itself relies on. */
export const HELP_COMMAND = "help";
export const QUESTION_COMMAND = "ask";

export class Router {
  readonly registry: Registry;

  constructor(
    commands: readonly CommandDefinition[],
    /** Read on every message, so a reloaded knowledge base takes effect at once. */
    private readonly knowledge: () => KnowledgeBase,
    private readonly log: Logger,
    private readonly limiter?: RateLimiter,
  ) {
    this.registry = new Registry(commands);
    this.registry.get(HELP_COMMAND);
    this.registry.get(QUESTION_COMMAND);
  }

  /** Which command a (sanitized) message runs, and with what arguments. */
  private route(message: string): { command: CommandDefinition; args: string } {
    const { word, rest } = splitCommand(message);
    if (!word) return { command: this.registry.get(HELP_COMMAND), args: "" };
    const command = this.registry.find(word);
    // Natural phrasings ("is X legitimate?", "A vs B", "who is in the Quad") name a command
    // in words. A command word wins, unless it is also a question word, like "who".
    if (!command || QUESTION_WORDS.has(word)) {
      const phrasing = matchPhrasing(message);
      const phrased = phrasing && this.registry.find(phrasing.command);
      if (phrasing && phrased) return { command: phrased, args: phrasing.args };
    }
    // Unknown command words are questions, never errors: "what is X", "gavi", "nato members".
    if (!command) return { command: this.registry.get(QUESTION_COMMAND), args: message };
    return { command, args: rest };
  }

  async handle(text: string, origin: Origin = { adapter: "unknown" }): Promise<Reply> {
    const started = performance.now();
    let commandName = "unknown";
    let result: Reply;
    try {
      const refusal = this.rateLimit(origin);
      if (refusal) return refusal;
      // Cheap check first, so a huge message is never normalised.
      const message = text.length > MAX_MESSAGE_LENGTH * 4 ? undefined : sanitize(text);
      if (message === undefined || message.length > MAX_MESSAGE_LENGTH) {
        throw new UserError("too_long", `That message is too long: please keep it under ${MAX_MESSAGE_LENGTH} characters.`);
      }
      const { command, args } = this.route(message);
      commandName = command.name;
      result = await command.handler(
        { command: command.name, args, message },
        { kb: this.knowledge(), commands: this.registry.visible },
      );
    } catch (error) {
      result = this.failure(commandName, error, origin);
    }
    this.logRequest(origin, result, started, text);
    return result;
  }

  /** A reply refusing the request if this user is over the limit, else undefined. */
  private rateLimit(origin: Origin): Reply | undefined {
    if (!this.limiter || origin.user === undefined) return undefined;
    const decision = this.limiter.take(`${origin.adapter}:${origin.user}`);
    if (decision.allowed) return undefined;
    const refusal = errorReply("rate_limit", {
      code: "rate_limited",
      message: `You're asking faster than I can keep up. Please wait about ${decision.retryAfterSeconds} s and try again.`,
    });
    const result = decision.firstRefusal ? refusal : { ...refusal, silent: true };
    this.logRequest(origin, result, performance.now());
    return result;
  }

  private logRequest(origin: Origin, result: Reply, started: number, text?: string): void {
    this.log.info(
      {
        adapter: origin.adapter,
        user: origin.user === undefined ? undefined : hashUser(origin.adapter, origin.user),
        command: result.command,
        outcome: result.silent ? "silenced" : result.ok ? (result.entries.length > 0 ? "answered" : "no_match") : result.error?.code,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
    if (text !== undefined) this.log.debug({ text }, "request text");
  }

  private failure(command: string, error: unknown, origin: Origin): Reply {
    if (error instanceof UserError) return errorReply(command, { code: error.code, message: error.message });
    const id = newErrorId();
    this.log.error({ err: error, errorId: id, command, adapter: origin.adapter }, "command failed");
    return errorReply(command, {
      code: "internal",
      message: `Sorry, something went wrong on our side. If it keeps happening, quote error id ${id}.`,
    });
  }
}
