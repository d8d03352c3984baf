/**
 * Making plain Reply text safe for Discord. Reply text is plain: anything that Discord
 * would read as markdown or as a mention is escaped or neutralised here. Fitting text
 * into limits is shared by every adapter (../shared/text-fit.ts).
 */

/** A zero-width space: breaks `@everyone` and `<@id>` without changing what people read. */
const ZERO_WIDTH = "\u200b";

/** Characters that are markdown anywhere in a line (and the backslash that escapes them). */
const INLINE_MARKDOWN = /[\\*_~`|[\]()]/g;
/** Markdown only at the start of a line: quotes, headings, subtext, lists. */
const LINE_START_MARKDOWN = /^([ \t]*)(>|#|-|\+|\d+\.)/gm;
/** `@everyone` / `@here`, and `<@user>`, `<@&role>`, `<#channel>`, `</command:id>`, `<:emoji:id>`, `<t:…>`. */
const MENTION_LIKE = /@(everyone|here)|<(?=[@#/:]|a:|t:|id:)/g;

/** Neutralises anything Discord could turn into a ping or a live reference. */
export function neutraliseMentions(text: string): string {
  return text.replace(MENTION_LIKE, (match, word: string | undefined) => (word ? `@${ZERO_WIDTH}${word}` : `<${ZERO_WIDTH}`));
}

/** Plain text → text that Discord shows exactly as written, with no markdown and no pings. */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(INLINE_MARKDOWN, (char) => `\\${char}`)
    .replace(LINE_START_MARKDOWN, (_match, indent: string, marker: string) =>
      marker.endsWith(".") ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
    );
  return neutraliseMentions(escaped);
}
