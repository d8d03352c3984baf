/**
 * How long an answer should be, as the reader asked for it in words ("tl;dr", "in one
 * line", "one paragraph", "3 talking points", "in full"). Read once per message by the
 * router, which removes the cue before routing and hands the length to the command and,
 * through the reply, to every renderer. Without a cue an answer is short: the first screen.
 */
import type { Next, RoutedTurn } from "./middleware.js";
import type { Reply } from "./reply.js";

export interface Length {
  /** line: one sentence; paragraph: the lead; short: the first screen (default); full: everything. */
  form: "line" | "paragraph" | "short" | "full";
  /** How many talking points or list items the first screen shows ("3 talking points"). */
  points?: number;
  /** The whole answer as paste-ready Markdown (`--md`), whatever the form. */
  markdown?: boolean;
}

export const DEFAULT_LENGTH: Length = { form: "short" };
/** More points than this is no longer a summary. */
export const MAX_POINTS = 10;

/** What a message that is nothing but a cue ("tl;dr", "go on") becomes: a follow-up on the last answer. */
export const BARE_CUE_MESSAGE = "more";

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Each cue with the length it asks for; the first that matches wins, and only it is removed. */
const CUES: ReadonlyArray<{ pattern: RegExp; length: (match: RegExpExecArray) => Length | undefined }> = [
  { pattern: /(?:^|\s)tl;?\s?dr\b:?/i, length: () => ({ form: "line" }) },
  { pattern: /\b(?:in\s+)?(?:a|one|1)\s+(?:single\s+)?(?:line|sentence)\b|\bone-liner\b/i, length: () => ({ form: "line" }) },
  { pattern: /\b(?:in\s+)?(?:a|one|1)\s+(?:short\s+)?paragraph\b/i, length: () => ({ form: "paragraph" }) },
  {
    pattern: /\b(?:in\s+|as\s+|with\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:talking\s+|key\s+|main\s+)?points\b/i,
    length: (match) => {
      const word = (match[1] ?? "").toLowerCase();
      const points = NUMBERS[word] ?? Number(word);
      return points >= 1 && points <= MAX_POINTS ? { form: "short", points } : undefined;
    },
  },
  { pattern: /\b(?:shorter|briefer|short version|in short)\b/i, length: () => ({ form: "paragraph" }) },
  {
    pattern:
      /(?:^|\s)--full\b|\bin\s+full\b|\bfull\s+(?:card|version|answer|text|reply)\b|\bin\s+(?:more\s+)?detail\b|\b(?:tell me|say) more\b|\bmore (?:details?|please|info)\b|\bkeep going\b|\bgo on\b|\belaborate\b/i,
    length: () => ({ form: "full" }),
  },
];

/** `--md` (or "as markdown"): combines with any length cue. */
const MARKDOWN_CUE = /(?:^|\s)--md\b|\bas markdown\b/i;

/** Words that, left alone after a cue, ask nothing ("in one line, please"). */
const POLITENESS = /\b(?:please|pls|thanks|thank you|just|now|again|give me|make it|say it)\b/gi;

/** The message with the cue taken out (but for the words in `kept`) and the seams it leaves ("X, ?" → "X?") closed. */
function withoutCue(message: string, match: RegExpExecArray, kept = ""): string {
  const rest = `${message.slice(0, match.index)} ${kept} ${message.slice(match.index + match[0].length)}`;
  return rest
    .replace(/\s+/g, " ")
    .replace(/\s*[,;:–—-]\s*(?=[?.!]*$)/, "")
    .replace(/\s+([?.!,])/g, "$1")
    .replace(/^[\s,;:–—-]+/, "")
    .trim();
}

/**
 * The length a message asks for and the message without its cue. A message that is only
 * a cue ("tl;dr", "in full") asks for the last answer again at that length.
 */
export function readLength(message: string): { length: Length; message: string } {
  const flag = MARKDOWN_CUE.exec(message);
  const { length, message: rest } = readForm(flag ? withoutCue(message, flag) : message);
  if (!flag) return { length, message: rest };
  return { length: { ...length, markdown: true }, message: /[\p{L}\p{N}]/u.test(rest) ? rest : BARE_CUE_MESSAGE };
}

/** The first length cue in a message, and the message without it. */
function readForm(message: string): { length: Length; message: string } {
  for (const cue of CUES) {
    const match = cue.pattern.exec(message);
    const length = match && cue.length(match);
    if (!match || !length) continue;
    const rest = withoutCue(message, match);
    if (!/[\p{L}\p{N}]/u.test(rest.replace(POLITENESS, ""))) return { length, message: BARE_CUE_MESSAGE };
    // "3 talking points on X" asks for a brief as well as its length: the words that say so stay.
    const asked = /talking\s+points?/i.exec(match[0])?.[0];
    return { length, message: asked ? withoutCue(message, match, asked) : rest };
  }
  return { length: DEFAULT_LENGTH, message };
}

/** The message that asks for `message`'s answer in full: what a "More" button sends. */
export function expandMessage(message: string): string {
  return `${message} --full`;
}

/** The message that asks for `message`'s answer as paste-ready Markdown: what "Copy as text" sends. */
export function markdownMessage(message: string): string {
  return `${message} --md`;
}

/**
 * Stamps each answer with the length it was asked at and how to ask for all of it, unless
 * the command set them itself (the `more` command re-shows an earlier answer); an answer
 * about something, asked with `--md`, becomes paste-ready Markdown.
 */
export async function answerLength(turn: RoutedTurn, next: Next): Promise<Reply> {
  const answer = await next();
  const markdown = turn.length.markdown && answer.ok && answer.entries.length > 0;
  return {
    ...answer,
    length: answer.length ?? turn.length,
    expand: answer.expand ?? expandMessage(turn.message),
    ...(markdown ? { format: "markdown" as const } : {}),
  };
}
