/**
 * Fitting escaped text into a platform's length limits, shared by every adapter: cut on
 * line or word boundaries, never inside an escape, and mark a cut with an ellipsis.
 */

/** Longest HTML-style entity Slack escapes to (`&amp;`). */
const MAX_ENTITY_LENGTH = "&amp;".length;

export const ELLIPSIS = "…";

/**
 * Where to cut `text` so the first part is at most `max` characters: the last line break,
 * else the last space (preferring ones that keep at least half of the allowance). Only a
 * word longer than the whole allowance is ever cut in the middle, and then never inside
 * a backslash escape (Discord), an `&amp;`-style entity (Slack) or a surrogate pair.
 */
function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const floor of [Math.floor(max / 2), 1]) {
    for (const boundary of ["\n", " "]) {
      const at = window.lastIndexOf(boundary);
      if (at >= floor) return at;
    }
  }
  let at = max;
  let backslashes = 0;
  while (backslashes < at && text[at - 1 - backslashes] === "\\") backslashes += 1;
  if (backslashes % 2 === 1) at -= 1;
  const entity = text.lastIndexOf("&", at - 1);
  if (entity > at - MAX_ENTITY_LENGTH && entity > 0 && !text.slice(entity, at).includes(";")) at = entity;
  if (/[\uD800-\uDBFF]/.test(text[at - 1] ?? "")) at -= 1;
  return Math.max(at, 1);
}

/** `text` if it fits in `max` characters, else cut on a boundary and ended with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  return `${text.slice(0, cutPoint(text, max - ELLIPSIS.length)).trimEnd()}${ELLIPSIS}`;
}

/** Splits `text` into pieces of at most `max` characters, on line (else word) boundaries. */
export function split(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = cutPoint(rest, max);
    const piece = rest.slice(0, at).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(at).replace(/^\s+/, "");
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Packs blocks (paragraphs) into chunks of at most `max` characters, joined by blank
 * lines; a block longer than `max` is split on its own line or word boundaries.
 */
export function pack(blocks: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const piece of blocks.flatMap((block) => split(block, max))) {
    const joined = current ? `${current}\n\n${piece}` : piece;
    if (joined.length <= max) {
      current = joined;
    } else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
