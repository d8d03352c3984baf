/**
 * The staged search pipeline (see SEARCH-NOTES.md for the measurements behind it):
 *   1. clean the query (case, accents, punctuation, question wrappers);
 *   2. exact lookup of ids, titles and aliases;
 *   3. token index over names and tags (typo budget by word length), then over prose;
 *   4. fuse.js over names only, for bad misspellings and "did you mean".
 * Confident hits are answers; anything weaker is only ever offered as a suggestion.
 */
import type { SearchOptions } from "minisearch";
import type { Entry, Kind } from "./schema.js";
import { meaningfulLength, normalize, SMALL_TALK, squash, stripQuestion } from "./normalize.js";
import { tokenize, TOKEN_FIELDS, type KnowledgeIndex } from "./index.js";

export type MatchStage = "exact" | "name" | "text" | "fuzzy";

export interface Hit {
  entry: Entry;
  /** 0 is a perfect match, 1 the weakest; comparable across stages. */
  score: number;
  stage: MatchStage;
}

export interface SearchResult {
  /** The query as the pipeline understood it, after clean-up. */
  cleaned: string;
  /** Confident matches, best first. */
  hits: Hit[];
  /** Plausible but unconfident candidates ("did you mean"), best first. */
  suggestions: Hit[];
}

export interface SearchRequest {
  /** Keep only these kinds (after ranking). */
  kinds?: readonly Kind[];
  limit?: number;
}

/** fuse.js score at or below which a name match counts as an answer, not a guess. */
export const FUZZY_CONFIDENT = 0.25;
/** fuse.js cannot search patterns longer than this efficiently (Bitap word size). */
const FUZZY_MAX_PATTERN = 32;
/** Weight of the share of a name that a fuzzy query leaves uncovered. */
const UNCOVERED_PENALTY = 0.5;
const DEFAULT_LIMIT = 10;
const SUGGESTION_LIMIT = 5;

/** Typo budget by word length: short words must be exact, long ones may have two slips. */
export function typoBudget(term: string): number {
  return term.length <= 3 ? 0 : term.length <= 7 ? 1 : 2;
}

const tokenOptions = (fields: string[], combineWith: "AND" | "OR"): SearchOptions => ({
  fields,
  combineWith,
  boost: { ...TOKEN_FIELDS },
  fuzzy: (term) => typoBudget(term),
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 4,
});

/** Scale BM25 scores (higher is better) into a band of our 0-is-best scale. */
function toBand(results: Array<{ id: string; score: number }>, floor: number, width: number) {
  const top = results[0]?.score ?? 1;
  return results.map((result) => ({ id: result.id, score: round(floor + width * (1 - result.score / top)) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * fuse.js over names, best name per entry. fuse.js scores a query found inside a much
 * longer name ("thanks" in "jaishankar") as perfect, so the uncovered share of the name
 * is added as a penalty: only a match of most of a name can be confident.
 */
function fuzzyNames(index: KnowledgeIndex, cleaned: string): Array<{ id: string; score: number }> {
  const pattern = cleaned.slice(0, FUZZY_MAX_PATTERN);
  const best = new Map<string, number>();
  for (const result of index.fuzzyNames(pattern, SUGGESTION_LIMIT * 4)) {
    const uncovered = Math.max(0, 1 - pattern.length / result.item.name.length);
    const score = round((result.score ?? 1) + UNCOVERED_PENALTY * uncovered);
    if (score < (best.get(result.item.id) ?? Infinity)) best.set(result.item.id, score);
  }
  return [...best]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => a.score - b.score)
    .slice(0, SUGGESTION_LIMIT);
}

export function cleanQuery(query: string): string {
  return stripQuestion(normalize(query));
}

/** The entry whose id, title or alias the cleaned query is, spacing aside. */
const exactMatch = (index: KnowledgeIndex, cleaned: string): string | undefined => index.exact.get(squash(cleaned));

export function search(index: KnowledgeIndex, query: string, request: SearchRequest = {}): SearchResult {
  const cleaned = cleanQuery(query);
  const limit = request.limit ?? DEFAULT_LIMIT;
  const hits = new Map<string, Hit>();
  const suggestions = new Map<string, Hit>();
  const add = (into: Map<string, Hit>, id: string, score: number, stage: MatchStage) => {
    const entry = index.byId.get(id);
    if (entry && !hits.has(id) && !into.has(id)) into.set(id, { entry, score, stage });
  };

  const exactId = exactMatch(index, cleaned);
  if (exactId) add(hits, exactId, 0, "exact");

  const terms = tokenize(cleaned);
  if (terms.length > 0 && meaningfulLength(cleaned) >= 3 && !SMALL_TALK.has(cleaned)) {
    const query = terms.join(" ");
    // Without an exact hit, entries sharing only some of the words may be needed as suggestions:
    // one OR search serves both, since MiniSearch scores an entry with every word alike under AND and OR.
    const byWords = index.tokens.search(query, tokenOptions(["names", "tags", "text"], exactId ? "AND" : "OR"));
    const distinctTerms = new Set(terms).size;
    const byText = byWords.filter((result) => result.queryTerms.length === distinctTerms);
    // An entry named by every word is among those with every word, matched in names or tags: if none is, no name search.
    const named = byText.some((result) => Object.values(result.match).some((fields) => fields.includes("names") || fields.includes("tags")));
    const byName = named ? index.nameTokens.search(query, tokenOptions(["names", "tags"], "AND")) : [];
    for (const { id, score } of toBand(byName, 0.05, 0.2)) add(hits, id, score, "name");
    for (const { id, score } of toBand(byText, 0.25, 0.2)) add(hits, id, score, "text");

    if (hits.size === 0) {
      for (const { id, score } of fuzzyNames(index, cleaned)) {
        add(score <= FUZZY_CONFIDENT && hits.size === 0 ? hits : suggestions, id, score, "fuzzy");
      }
      // A long question may share only some words with an entry: worth offering, not asserting.
      if (terms.length > 1) {
        const partial = byWords.filter((result) => result.queryTerms.length * 2 >= terms.length);
        for (const { id, score } of toBand(partial, 0.5, 0.3)) add(suggestions, id, score, "text");
      }
    }
  }

  const wanted = (hit: Hit) => !request.kinds || request.kinds.includes(hit.entry.kind);
  const ranked = (map: Map<string, Hit>) => [...map.values()].filter(wanted).sort((a, b) => a.score - b.score);
  return {
    cleaned,
    hits: ranked(hits).slice(0, limit),
    suggestions: ranked(suggestions).slice(0, SUGGESTION_LIMIT),
  };
}

export interface Resolution {
  /** The entry the name most likely means, if any is confident. */
  entry?: Entry;
  /** Other confident candidates close behind, for "did you mean one of these?". */
  alternatives: Entry[];
  /** Unconfident candidates when nothing was confident. */
  suggestions: Entry[];
  /** True when a kind was preferred but the best answer is of another kind. */
  otherKind: boolean;
  /** The search behind the resolution, when one ran, for callers that list results next. */
  search?: SearchResult;
}

/** How far behind the best hit another one may be and still count as a close alternative. */
const CLOSE_MARGIN = 0.08;

/**
 * Finds the one entry a name refers to, preferring `kind` when several fit:
 * `actor clinton` means Hillary Clinton, not her 2009 speech.
 */
export function resolve(index: KnowledgeIndex, name: string, kind?: Kind): Resolution {
  // An exact name of the wanted kind wins whatever else matches, with no alternatives: skip the rest.
  const exact = index.byId.get(exactMatch(index, cleanQuery(name)) ?? "");
  if (exact && (!kind || exact.kind === kind)) return { entry: exact, alternatives: [], suggestions: [], otherKind: false };
  const result = search(index, name, { limit: 20 });
  // Prose mentions are not names: "concept climate" should not open whichever entry says "climate" most.
  const named = result.hits.filter((hit) => hit.stage !== "text");
  const best = named[0];
  if (!best) {
    const suggestions = [...result.hits, ...result.suggestions].slice(0, 5).map((hit) => hit.entry);
    return { alternatives: [], suggestions, otherKind: false, search: result };
  }
  const preferred = kind ? named.find((hit) => hit.entry.kind === kind) : undefined;
  // A preferred-kind match wins unless it is only a fuzzy guess against an exact name.
  const chosen = preferred && !(preferred.stage === "fuzzy" && best.stage === "exact") ? preferred : best;
  const alternatives =
    chosen.stage === "exact"
      ? []
      : named
          .filter((hit) => hit !== chosen && hit.score - chosen.score <= CLOSE_MARGIN)
          // "partnership X" is ambiguous only among partnerships once one of them fits.
          .filter((hit) => !kind || chosen.entry.kind !== kind || hit.entry.kind === kind)
          .map((hit) => hit.entry);
  return {
    entry: chosen.entry,
    alternatives,
    suggestions: [],
    otherKind: kind !== undefined && chosen.entry.kind !== kind,
    search: result,
  };
}
