/**
 * One-fact questions: which field of an entry a question asks for ("when was X founded",
 * "where is X based", "how many …"), by the kind of the entry. The `fact` command answers
 * them; the understanding step uses the same table to tell a fact question from others.
 */
import type { Kind } from "../../knowledge/schema.js";

export const FACT_FIELDS = [
  "founded",
  "hosted_by",
  "goals",
  "results",
  "members",
  "us_role",
  "decision_making",
  "governance_type",
  "role",
  "country",
  "date",
  "issuer",
  "numbered_goals",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** Cue phrases per field, per kind; on a tie the longer cue, then the earlier field, wins. */
const FIELD_CUES: Partial<Record<Kind, ReadonlyArray<readonly [FactField, readonly string[]]>>> = {
  partnership: [
    ["us_role", ["united states role", "role of united states", "role united states", "united states position", "where does united states stand"]],
    ["members", ["how many members", "how many member", "how many countries", "how many states", "how many member states", "number of members"]],
    ["founded", ["when", "founded", "founding", "set up", "created", "established", "launched", "start", "started", "begin", "began", "what year", "how old", "since when"]],
    ["hosted_by", ["where", "based", "headquartered", "headquarters", "hq", "seat", "held", "hosted where"]],
    ["goals", ["target", "targets", "goal", "goals", "aim", "aims", "plan to", "plans to", "pledge", "committed", "commitment", "objective", "objectives"]],
    ["results", ["how many", "how much", "achieved", "achievements", "results", "so far", "mobilised", "mobilized", "delivered", "impact", "track record"]],
    ["decision_making", ["decisions", "decision", "decide", "decides", "vote", "votes", "voting", "governed", "how is it run"]],
    ["governance_type", ["kind of body", "type of body", "what kind", "what type", "what sort", "legal form"]],
  ],
  actor: [
    ["role", ["job", "role", "position", "title", "do these days", "doing these days", "do now", "doing now", "post", "office", "what does do"]],
    ["country", ["country", "from where", "nationality", "which country", "where from"]],
  ],
  document: [
    ["issuer", ["who put out", "put out", "who issued", "issued by", "who wrote", "written by", "who published", "issuer", "who adopted", "author"]],
    ["numbered_goals", ["list of sdgs", "list of goals", "which goals", "the 17 goals", "all goals"]],
    ["date", ["when", "what year", "adopted", "published", "came out", "come out", "released", "signed", "date"]],
  ],
  quote: [["date", ["when"]]],
};

/** Whether `cue` occurs in `words` as whole words. */
export function includesPhrase(words: readonly string[], cue: readonly string[]): number {
  outer: for (let at = 0; at + cue.length <= words.length; at++) {
    for (let k = 0; k < cue.length; k++) if (words[at + k] !== cue[k]) continue outer;
    return at;
  }
  return -1;
}

const compiled = new Map<Kind, Array<{ field: FactField; cue: string[] }>>(
  Object.entries(FIELD_CUES).map(([kind, fields]) => [
    kind as Kind,
    fields.flatMap(([field, cues]) => cues.map((cue) => ({ field, cue: cue.split(" ") }))),
  ]),
);

/** The field a question about an entry of `kind` asks for, if any. */
export function detectField(words: readonly string[], kind: Kind): FactField | undefined {
  let best: { field: FactField; length: number } | undefined;
  for (const { field, cue } of compiled.get(kind) ?? []) {
    if (includesPhrase(words, cue) === -1) continue;
    if (!best || cue.length > best.length) best = { field, length: cue.length };
  }
  return best?.field;
}

/** Every cue phrase of every field: the words that make a question a fact question. */
export function factCues(): string[] {
  return [...new Set([...compiled.values()].flatMap((cues) => cues.map(({ cue }) => cue.join(" "))))];
}
