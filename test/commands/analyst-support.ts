/**
 * Shared wiring for the analyst-command tests: the real router over the real knowledge,
 * and a way to send a natural phrasing the way the question command will.
 */
import type { Reply } from "../../src/core/reply.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import type { EntryOf, Kind } from "../../src/knowledge/schema.js";
import { realKnowledge, realRouter } from "../support/app.js";

export interface Analyst {
  kb: KnowledgeBase;
  ask(message: string): Promise<Reply>;
  /** A message in plain words, which must reach an analyst command (not the question fallback). */
  askNaturally(message: string): Promise<Reply>;
  /** An entry that must exist, of the given kind. */
  entry<K extends Kind>(id: string, kind: K): EntryOf<K>;
}

export async function analyst(): Promise<Analyst> {
  const router = await realRouter();
  const kb = await realKnowledge();
  const ask = (message: string) => router.handle(message, { adapter: "test" });
  return {
    kb,
    ask,
    askNaturally: async (message) => {
      const reply = await ask(message);
      if (["ask", "clarify"].includes(reply.command)) throw new Error(`no analyst command recognises “${message}”`);
      return reply;
    },
    entry: (id, kind) => {
      const found = kb.get(id);
      if (found?.kind !== kind) throw new Error(`the knowledge base should hold ${kind} “${id}”`);
      return found as EntryOf<typeof kind>;
    },
  };
}

/** Every heading of a reply, in order. */
export function headings(reply: Reply): string[] {
  return reply.sections.flatMap((section) => (section.heading ? [section.heading] : []));
}

/** The items under a heading (empty if there is no such section). */
export function itemsUnder(reply: Reply, heading: string | RegExp): string[] {
  const match = (text?: string) => (typeof heading === "string" ? text === heading : heading.test(text ?? ""));
  return reply.sections.find((section) => match(section.heading))?.items ?? [];
}
