/**
 * Close-paraphrase detection: runs of consecutive words that a text shares with a source.
 * The essay itself is not in the repository (it is not ours to copy), so tests compare
 * against a fingerprint of it: a hash of every run of its words, which cannot be read back
 * into the text. Text in quotation marks is quoted, not paraphrased, and is left out.
 */
import { createHash } from "node:crypto";
import { normalize } from "../../src/knowledge/normalize.js";

/** A run of this many words shared with the essay is close paraphrase, not our own words. */
export const MAX_SHARED_RUN = 8;

/** Passages in quotation marks, removed so a run cannot span them. */
const QUOTATIONS = [/“[^”]*”/g, /"[^"]*"/g];

/** Runs of `size` consecutive words, case and punctuation normalised; a quotation breaks a run. */
function wordRuns(text: string, size = MAX_SHARED_RUN): string[] {
  const pieces = QUOTATIONS.reduce((rest, pattern) => rest.replace(pattern, "\u0000"), text).split("\u0000");
  return pieces.flatMap((piece) => {
    const words = normalize(piece).split(" ").filter(Boolean);
    return Array.from({ length: Math.max(0, words.length - size + 1) }, (_, start) => words.slice(start, start + size).join(" "));
  });
}

const runHash = (run: string): string => createHash("sha256").update(run).digest("hex").slice(0, 16);

/** The fingerprint of a source: hashes of all its runs. Its own quotation marks are dropped, so runs continue through them. */
export function fingerprint(source: string): string[] {
  return [...new Set(wordRuns(source.replace(/[“”"]/g, " ")).map(runHash))].sort();
}

/** For each text that shares a run with the fingerprinted source, the first shared run. */
export function sharedRuns(print: ReadonlySet<string>, items: ReadonlyArray<{ field: string; text: string }>): string[] {
  return items.flatMap(({ field, text }) => {
    const shared = wordRuns(text).find((run) => print.has(runHash(run)));
    return shared ? [`${field}: “${shared}”`] : [];
  });
}
