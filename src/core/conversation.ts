/**
 * What the last answer in a conversation was about, so a follow-up ("is it legitimate?",
 * "more", "compare it with the Quad") can refer to it. One memory per conversation and
 * user (a Slack thread or DM, a Discord channel, a REPL session), never shared between
 * users or workspaces, forgotten after a few minutes, kept in the Store so it survives a
 * follow-up landing on another replica.
 */
import type { Origin } from "./middleware.js";
import type { EntryRef, Reply } from "./reply.js";
import type { Store } from "./store.js";

/** A follow-up more than this long after the answer starts afresh. */
export const CONVERSATION_TTL_MS = 10 * 60_000;

export interface Recollection {
  /** The command that answered. */
  command: string;
  /** The entries the answer was about, most relevant first. */
  entries: EntryRef[];
  /** The whole reply, to expand on "more". */
  reply: Reply;
  /** When it was answered (ms since the epoch). */
  at: number;
}

export class ConversationMemory {
  constructor(
    private readonly store: Store,
    private readonly ttlMs = CONVERSATION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The store key of this origin's conversation; undefined when it has none (the one-shot CLI). */
  private key(origin: Origin): string | undefined {
    if (origin.conversation === undefined) return undefined;
    return JSON.stringify(["conversation", origin.adapter, origin.workspace ?? "", origin.conversation, origin.user ?? ""]);
  }

  async recall(origin: Origin): Promise<Recollection | undefined> {
    const key = this.key(origin);
    const stored = key === undefined ? undefined : await this.store.get(key);
    if (stored === undefined) return undefined;
    try {
      return JSON.parse(stored) as Recollection;
    } catch {
      return undefined; // a corrupt or foreign value is no memory at all
    }
  }

  /** Remembers an answer that was about something, or a question back; refusals and misses leave the memory as it was. */
  async remember(origin: Origin, reply: Reply): Promise<void> {
    const key = this.key(origin);
    if (key === undefined || !reply.ok || reply.silent || (reply.entries.length === 0 && !reply.awaiting)) return;
    const recollection: Recollection = { command: reply.command, entries: reply.entries, reply, at: this.now() };
    await this.store.set(key, JSON.stringify(recollection), this.ttlMs);
  }
}
