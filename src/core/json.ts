/** The JSON reply contract of DESIGN.md: one object per message. Keep its shape stable. */
import { renderFull, renderScreen } from "./render-text.js";
import type { EntryRef, Reply } from "./reply.js";

export type JsonReply =
  | { ok: true; command: string; text: string; short: string; entries: EntryRef[]; suggestions: EntryRef[] }
  | { ok: false; command: string; error: { code: string; message: string } };

export function toJson(reply: Reply): JsonReply {
  if (!reply.ok) {
    return { ok: false, command: reply.command, error: reply.error ?? { code: "internal", message: "Unknown error." } };
  }
  return {
    ok: true,
    command: reply.command,
    text: renderFull(reply),
    short: renderScreen(reply),
    entries: reply.entries,
    suggestions: reply.suggestions,
  };
}
