/**
 * A command's argument without the words that lead into it: the commands call `topicOf`
 * to drop lead-ins such as "brief me on" or "legitimacy of" when typed after a command word.
 */
/** Trailing punctuation and politeness that say nothing about the topic. */
function tidy(message: string): string {
  return message
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?!.]+$/, "")
    .replace(/,?\s+(?:please|thanks|thank you)$/i, "");
}

const LEAD_IN = /^(?:(?:me|us)\s+)?(?:on|about|of|for|in|to|with|between)\s+/i;

/** A command's argument without the words that lead into it: "me on India" → "India". */
export function topicOf(args: string): string {
  return tidy(args).replace(LEAD_IN, "").trim();
}
