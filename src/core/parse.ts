/**
 * Turning what a user typed into a command word and its arguments, after removing
 * characters that hide or reorder text (zero-width, bidi overrides) and control codes.
 */

/** Messages longer than this are refused politely rather than searched. */
export const MAX_MESSAGE_LENGTH = 1000;

// C0/C1 controls except tab and newline, zero-width characters, bidi embeddings/overrides/isolates, BOM.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function sanitize(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

export interface ParsedMessage {
  /** The first word, lowercased, without a leading `/` or `!`; empty for an empty message. */
  word: string;
  /** The rest of the message after the first word. */
  rest: string;
}

export function splitCommand(text: string): ParsedMessage {
  const match = /^[/!]?(\S+)\s*(.*)$/s.exec(text);
  if (!match) return { word: "", rest: "" };
  return { word: (match[1] ?? "").toLowerCase(), rest: (match[2] ?? "").trim() };
}
