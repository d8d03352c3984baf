/**
 * Text clean-up shared by indexing and querying, so that a name and the way people type
 * it meet in the middle: case, accents, punctuation, hyphens and question wrappers.
 */

/** Lowercase, accents stripped, `&` spelled out, punctuation turned into spaces. */
export function normalize(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** `multi alignment` and `multi-alignment` → `multialignment`: spacing-insensitive key. */
export function squash(normalized: string): string {
  return normalized.replace(/\s+/g, "");
}

// Longest first, so "what is the" wins over "what is".
const QUESTION_WRAPPERS = [
  /^(?:can you |could you |would you )?(?:please )?(?:tell me (?:more )?about|explain|define|describe|summari[sz]e|give me)\s+/,
  /^(?:what|who|which) (?:is|are|was|were)\s+/,
  /^(?:is|are|was|were)\s+/,
  /^what does\s+(.+?)\s+mean$/,
  /^what do you know about\s+/,
  /^(?:what about|how about|info on|information (?:on|about))\s+/,
  /^(?:the meaning of|meaning of|definition of)\s+/,
];
const POLITENESS = /^(?:please|pls|hey|ok|so)\s+|\s+(?:please|pls|thanks|thank you)$/g;
const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/**
 * Strips the question around a topic: "What is the Quad?" → "quad",
 * "what does input legitimacy mean" → "input legitimacy".
 */
export function stripQuestion(normalized: string): string {
  let text = normalized.replace(POLITENESS, "").trim();
  for (const wrapper of QUESTION_WRAPPERS) {
    const match = wrapper.exec(text);
    if (match) {
      text = match[1] ?? text.slice(match[0].length);
      break;
    }
  }
  return text.replace(LEADING_ARTICLE, "").trim();
}

/** Words too common to say anything about a topic. */
export const STOP_WORDS = new Set(
  (
    "a an and are as at be by can could did do does for from has have how i in is it its me my of on or our " +
    "should so than that the their them there these they this to was we were what when where which who whom " +
    "why will with would you your about into between vs versus"
  ).split(" "),
);

/** Number of letters and digits: below 3, a query carries no meaning we can search on. */
export function meaningfulLength(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

/** Greetings and thanks: not questions, so never searched ("thanks" is not "Jaishankar"). */
export const SMALL_TALK = new Set([
  "hi", "hello", "hey", "thanks", "thank you", "thx", "ty", "cheers", "good morning", "good afternoon",
  "good evening", "ok", "okay", "bye", "goodbye", "lol", "yes", "no",
]);
