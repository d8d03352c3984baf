/**
 * The search structures, built once per knowledge set:
 * - a map from every cleaned name (id, title, alias) to its entry, for exact hits;
 * - a token index (MiniSearch, BM25) over names, tags and prose, for words anywhere;
 * - fuse.js over names only, for bad misspellings and "did you mean".
 * fuse.js scans every record it is given on every query, so it never sees prose (see
 * SEARCH-NOTES.md), and it is given only the names that share the most trigrams with the
 * query: a fixed amount of work whatever the size of the base (see bench/).
 */
import Fuse, { type FuseResult, type IFuseOptions } from "fuse.js";
import MiniSearch from "minisearch";
import { STAKEHOLDER_CATEGORIES, type Entry } from "./schema.js";
import { normalize, squash, STOP_WORDS } from "./normalize.js";

/** One record per name, so an entry's score is its best name, not a product over all of them. */
export interface NameRecord {
  id: string;
  name: string;
}

interface TokenDocument {
  id: string;
  names: string;
  tags: string;
  text: string;
}

/** The token index's fields and how much a match in each counts. */
export const TOKEN_FIELDS = { names: 3, tags: 2, text: 1 } as const;

/**
 * Names fuse.js scores per query. Scoring one costs microseconds, a whole base of thousands of
 * names hundreds of milliseconds; the best fuzzy matches share the most trigrams with the query.
 */
export const FUZZY_CANDIDATES = 20;
/**
 * Share of the query's trigrams a candidate name must contain. A confident fuzzy match differs
 * by at most a quarter of the query's letters, and one slip breaks at most three trigrams, so
 * it keeps at least about a quarter of them; a little below that leaves a margin.
 */
export const MIN_SHARED_TRIGRAMS = 0.2;

const FUZZY_OPTIONS: IFuseOptions<NameRecord> = {
  keys: ["name"],
  includeScore: true,
  ignoreLocation: true,
  // Field-length norms would favour short names whatever the query; we weigh length ourselves.
  ignoreFieldNorm: true,
  threshold: 0.45,
};

/** Distinct three-letter pieces of each word, padded so that word starts and ends count: "quad" → " qu", "qua", "uad", "ad ". */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(" ")) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let at = 0; at + 3 <= padded.length; at++) grams.add(padded.slice(at, at + 3));
  }
  return grams;
}

/** Every name an entry answers to, as typed by people: id, title, aliases. */
export function entryNames(entry: Entry): string[] {
  return [entry.id.replace(/-/g, " "), entry.title, ...entry.aliases];
}

/** The prose of an entry that the token index searches, kind by kind. */
export function entryProse(entry: Entry): string[] {
  const prose = [entry.summary, entry.details ?? ""];
  switch (entry.kind) {
    case "concept":
      prose.push(entry.definition, entry.why_it_matters);
      break;
    case "partnership":
      prose.push(
        ...entry.goals.map((goal) => goal.text),
        ...entry.results.map((result) => `${result.text} ${result.figure}`),
        ...STAKEHOLDER_CATEGORIES.flatMap((category) => entry.members[category] ?? []),
        ...entry.threats.map((threat) => threat.replace(/-/g, " ")),
      );
      break;
    case "actor":
      prose.push(entry.role, entry.country ?? "", ...entry.positions);
      break;
    case "document":
      prose.push(entry.issuer, ...entry.key_points, ...entry.numbered_goals.map((goal) => goal.name));
      break;
    case "quote":
      prose.push(entry.text, entry.context);
      break;
  }
  return prose;
}

/** Tokens for the token index: cleaned words without stop words. */
export function tokenize(text: string): string[] {
  return normalize(text)
    .split(" ")
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
}

/** A MiniSearch index over some of the fields of the token documents. */
function tokenIndex(fields: Array<keyof typeof TOKEN_FIELDS>, documents: readonly TokenDocument[]): MiniSearch<TokenDocument> {
  const index = new MiniSearch<TokenDocument>({ fields, storeFields: [], tokenize, processTerm: (term) => term });
  index.addAll(documents);
  return index;
}

export class KnowledgeIndex {
  readonly byId = new Map<string, Entry>();
  /** squashed cleaned name → entry ids (an id and a name can differ only in spacing). */
  readonly exact = new Map<string, string>();
  /** Names, tags and prose. */
  readonly tokens: MiniSearch<TokenDocument>;
  /**
   * Names and tags alone. BM25 in MiniSearch is per field, so its scores equal those of
   * `tokens` searched in these fields, but typo and prefix expansion walk a far smaller
   * vocabulary than that of the prose.
   */
  readonly nameTokens: MiniSearch<TokenDocument>;
  /** Every cleaned name (and its squashed form) of every entry, for fuzzy matching. */
  readonly names: NameRecord[] = [];
  /** trigram → positions in `names` of the names containing it. */
  private readonly namesByTrigram = new Map<string, number[]>();

  constructor(readonly entries: readonly Entry[]) {
    const documents: TokenDocument[] = [];
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      const names = entryNames(entry).map(normalize);
      for (const name of names) {
        const key = squash(name);
        if (key && !this.exact.has(key)) this.exact.set(key, entry.id);
      }
      // Squashed names too, so "multi alignment" and "SE4All" find their entry as one word.
      const spellings = [...names, ...names.map(squash)];
      for (const name of new Set(spellings)) this.names.push({ id: entry.id, name });
      documents.push({ id: entry.id, names: spellings.join(" "), tags: entry.tags.join(" "), text: entryProse(entry).join(" ") });
    }
    this.tokens = tokenIndex(["names", "tags", "text"], documents);
    this.nameTokens = tokenIndex(["names", "tags"], documents);
    this.names.forEach(({ name }, position) => {
      for (const gram of trigrams(name)) {
        const positions = this.namesByTrigram.get(gram);
        if (positions) positions.push(position);
        else this.namesByTrigram.set(gram, [position]);
      }
    });
  }

  /** fuse.js over the names most alike the pattern (same scores as over all names, far less work). */
  fuzzyNames(pattern: string, limit: number): Array<FuseResult<NameRecord>> {
    return new Fuse(this.fuzzyCandidates(pattern), FUZZY_OPTIONS).search(pattern, { limit });
  }

  /** Up to FUZZY_CANDIDATES names sharing the most trigrams with the pattern (and enough), shorter names first among equals. */
  private fuzzyCandidates(pattern: string): NameRecord[] {
    const grams = trigrams(pattern);
    const shared = new Uint8Array(this.names.length);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const position of this.namesByTrigram.get(gram) ?? []) {
        const count = shared[position] ?? 0;
        if (count === 0) touched.push(position);
        shared[position] = count + 1;
      }
    }
    // Bucketed by count rather than sorted: a common trigram can touch most names of a large base.
    const byCount: number[][] = Array.from({ length: grams.size + 1 }, () => []);
    for (const position of touched) byCount[shared[position] as number]?.push(position);
    const candidates: NameRecord[] = [];
    const fewest = Math.max(1, Math.ceil(MIN_SHARED_TRIGRAMS * grams.size));
    for (let count = grams.size; count >= fewest && candidates.length < FUZZY_CANDIDATES; count--) {
      const tied = (byCount[count] ?? []).map((position) => this.names[position] as NameRecord);
      tied.sort((a, b) => a.name.length - b.name.length);
      candidates.push(...tied.slice(0, FUZZY_CANDIDATES - candidates.length));
    }
    return candidates;
  }
}
