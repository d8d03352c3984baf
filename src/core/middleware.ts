/**
 * Cross-cutting rules as a chain, in the manner of Bolt's middleware: each one sees the
 * message (and, after routing, its command) and either answers itself — a refusal — or
 * calls `next()`. The router runs them; the app decides which and in what order.
 */
import type { CommandDefinition } from "./command.js";
import type { Length } from "./length.js";
import { missingArgument, UserError } from "./errors.js";
import type { Logger } from "./log.js";
import { errorReply, reply, type Reply } from "./reply.js";
import type { Store, TokenBucket } from "./store.js";

/** Where a message came from: for logs, limits and context, never to change an answer's facts. */
export interface Origin {
  adapter: string;
  /** The user's id on that platform; chat adapters always set it, the trusted REPL/CLI never. */
  user?: string;
  /** The Slack workspace or Discord server; null for a Discord DM (no server). */
  workspace?: string | null;
  /** One conversation: a Slack thread or DM, a Discord channel for one user, a REPL session. */
  conversation?: string;
  /** The platform's id for this delivery, so a redelivered event is answered once. */
  eventId?: string;
  /** Someone is waiting on this (a command, a button): refusals are said, not only logged. */
  interactive?: boolean;
}

/** One message on its way through the router. */
export interface Turn {
  /** Exactly as received. */
  readonly text: string;
  /** Cleaned of invisible characters and extra spaces (bounded in length). */
  readonly message: string;
  readonly origin: Origin;
}

/** A turn whose command is known; `message` no longer holds the length cue it was read from. */
export interface RoutedTurn extends Turn {
  readonly command: CommandDefinition;
  readonly args: string;
  readonly length: Length;
}

export type Next = () => Promise<Reply>;
/** Runs on every message, before routing. */
export type Middleware = (turn: Turn, next: Next) => Promise<Reply>;
/** Runs once the command is known, just before its handler. */
export type RoutedMiddleware = (turn: RoutedTurn, next: Next) => Promise<Reply>;

/** Runs `turn` through `chain`, then `last`. */
export function runChain<T>(chain: ReadonlyArray<(turn: T, next: Next) => Promise<Reply>>, turn: T, last: Next): Promise<Reply> {
  const step = (index: number): Promise<Reply> => {
    const middleware = chain[index];
    return middleware ? middleware(turn, () => step(index + 1)) : last();
  };
  return step(0);
}

/** Messages longer than `max` characters are refused before any work is done on them. */
export function lengthCap(max: number): Middleware {
  return async (turn, next) => {
    // The raw length too: a huge message made mostly of spaces is still refused.
    if (turn.text.length > max * 4 || turn.message.length > max) {
      throw new UserError("too_long", `That message is too long: please keep it under ${max} characters.`);
    }
    return next();
  };
}

/**
 * Per-user token buckets in the store, shared by every replica. A user over the limit is
 * told once to slow down, then gets silence until the bucket refills: no reply storm.
 * The trusted REPL and CLI (no user id) are never limited.
 */
export function rateLimit(store: Store, bucket: TokenBucket): Middleware {
  return async (turn, next) => {
    const { adapter, user } = turn.origin;
    if (user === undefined) return next();
    const decision = await store.take(`rate:${adapter}:${user}`, bucket);
    if (decision.allowed) return next();
    const seconds = Math.ceil(decision.retryAfterMs / 1000);
    const refused = errorReply("refused", {
      code: "rate_limited",
      message: `You're asking faster than I can keep up. Please wait about ${seconds} s and try again.`,
    });
    return decision.firstRefusal ? refused : { ...refused, silent: true };
  };
}

export interface Allowlist {
  adapter: string;
  /** Workspace or server ids allowed; undefined allows all. */
  allowed: readonly string[] | undefined;
  /** What to tell someone refused; `workspace` is null for a DM. */
  refusalText(workspace: string | null): string;
  /** Whether a refusal is said in a non-interactive conversation with no workspace (a DM). */
  sayInDirectMessages?: boolean;
}

/** True if `workspace` may be answered under `allowed`. */
export function isAllowed(allowed: readonly string[] | undefined, workspace: string | null | undefined): boolean {
  return !allowed || (typeof workspace === "string" && allowed.includes(workspace));
}

/** Refuses requests from workspaces or servers outside the list (logged once each). */
export function allowlist(list: Allowlist, log: Logger): Middleware {
  return async (turn, next) => {
    const { adapter, workspace, interactive } = turn.origin;
    if (adapter !== list.adapter || isAllowed(list.allowed, workspace)) return next();
    log.warn({ adapter, workspace }, "request from a workspace or server outside the allowlist");
    const refused = errorReply("refused", { code: "not_allowed", message: list.refusalText(workspace ?? null) });
    const say = interactive === true || (workspace === null && list.sayInDirectMessages === true);
    return say ? refused : { ...refused, silent: true };
  };
}

/** Platforms redeliver an event they think was missed; each event id is answered once. */
export function redelivery(store: Store, rememberMs: number, log: Logger): Middleware {
  return async (turn, next) => {
    const { adapter, eventId } = turn.origin;
    if (eventId === undefined) return next();
    if (await store.setIfAbsent(`event:${adapter}:${eventId}`, "1", rememberMs)) return next();
    log.info({ adapter, eventId }, "event redelivered; already answered");
    return { ...reply("redelivered"), silent: true };
  };
}

/** A command that declares a required argument gets its usage line instead of an empty call. */
export const requiredArgument: RoutedMiddleware = async (turn, next) => {
  if (turn.command.argument?.required && !turn.args) throw missingArgument(turn.command);
  return next();
};
