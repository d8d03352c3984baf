/**
 * The first sentence of a text, for one-line summaries. A sentence ends after a lowercase
 * word or a digit, so abbreviations such as "U.S." or "UN." do not cut it short.
 */
export function firstSentence(text: string): string {
  const match = /^.+?[\p{Ll}\d)”"'][.!?](?=\s+[\p{Lu}“"]|\s*$)/su.exec(text);
  return (match ? match[0] : text).trim();
}
