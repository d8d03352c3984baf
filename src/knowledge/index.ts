/**
 * The search structures, built once per knowledge set:
 * - a map from every cleaned name (id, title, alias) to its entry, for exact hits;
 * - a token index (MiniSearch, BM25) over names, tags and prose, for words anywhere;
 * - fuse.js over names only, for bad misspellings and "did you mean".
 * fuse.js scans every record it is given on every query, so it never sees prose (see
 * SEARCH-NOTES.md), and it is given only the names that share the most trigrams with the
 * query: a fixed amount of work whatever the size of the base (see bench/).
 * Exact lookup is built at once; the token and fuzzy structures on first use (a one-shot CLI
 * answering a name never needs them), and a reload updates them in place entry by entry.
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

/** `entryNames`, cleaned: the form both the loader's link checks and the index compare. */
export const cleanedNames = (entry: Entry): string[] => entryNames(entry).map(normalize);

/** Cleaned names per entry id, when the loader has them already. */
export type NamesById = ReadonlyMap<string, readonly string[]>;

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

/** Names as written and squashed, so "multi alignment" and "SE4All" find their entry as one word. */
const spellingsOf = (names: readonly string[]) => [...names, ...names.map(squash)];

/** Every name of every entry, and which names share each trigram, for fuzzy matching. */
class NameTrigrams {
  /** Removed names leave a hole, so that positions stay valid; too many holes and the index rebuilds this. */
  private readonly names: Array<NameRecord | undefined> = [];
  /** trigram → positions in `names` of the names containing it. */
  private readonly byTrigram = new Map<string, number[]>();
  private readonly positionsById = new Map<string, number[]>();
  private holes = 0;

  add(id: string, names: readonly string[]): void {
    const positions: number[] = [];
    for (const name of new Set(spellingsOf(names))) {
      const position = this.names.push({ id, name }) - 1;
      positions.push(position);
      for (const gram of trigrams(name)) {
        const list = this.byTrigram.get(gram);
        if (list) list.push(position);
        else this.byTrigram.set(gram, [position]);
      }
    }
    this.positionsById.set(id, positions);
  }

  remove(id: string): void {
    for (const position of this.positionsById.get(id) ?? []) this.names[position] = undefined;
    this.holes += this.positionsById.get(id)?.length ?? 0;
    this.positionsById.delete(id);
  }

  get mostlyHoles(): boolean {
    return this.holes > this.names.length / 4;
  }

  /** Up to FUZZY_CANDIDATES names sharing the most trigrams with the pattern (and enough), shorter names first among equals. */
  candidates(pattern: string): NameRecord[] {
    const grams = trigrams(pattern);
    const shared = new Uint8Array(this.names.length);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const position of this.byTrigram.get(gram) ?? []) {
        const count = shared[position] ?? 0;
        if (count === 0) touched.push(position);
        shared[position] = count + 1;
      }
    }
    // Bucketed by count rather than sorted: a common trigram can touch most names of a large base.
    const byCount: number[][] = Array.from({ length: grams.size + 1 }, () => []);
    for (const position of touched) if (this.names[position]) byCount[shared[position] as number]?.push(position);
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

interface TokenIndexes {
  /** Names, tags and prose. */
  tokens: MiniSearch<TokenDocument>;
  /**
   * Names and tags alone. BM25 in MiniSearch is per field, so its scores equal those of
   * `tokens` searched in these fields, but typo and prefix expansion walk a far smaller
   * vocabulary than that of the prose.
   */
  nameTokens: MiniSearch<TokenDocument>;
}

export class KnowledgeIndex {
  readonly byId = new Map<string, Entry>();
  /** squashed cleaned name → entry ids (an id and a name can differ only in spacing). */
  readonly exact = new Map<string, string>();
  private fuzzy?: NameTrigrams;
  private tokenIndexes?: TokenIndexes;

  constructor(
    entries: readonly Entry[],
    private names: NamesById = new Map(),
  ) {
    for (const entry of entries) this.addExact(entry);
  }

  private namesOf(entry: Entry): readonly string[] {
    return this.names.get(entry.id) ?? cleanedNames(entry);
  }

  private addExact(entry: Entry): void {
    this.byId.set(entry.id, entry);
    for (const name of this.namesOf(entry)) {
      const key = squash(name);
      if (key && !this.exact.has(key)) this.exact.set(key, entry.id);
    }
  }

  private document(entry: Entry): TokenDocument {
    const names = spellingsOf(this.namesOf(entry));
    return { id: entry.id, names: names.join(" "), tags: entry.tags.join(" "), text: entryProse(entry).join(" ") };
  }

  get tokens(): MiniSearch<TokenDocument> {
    return this.tokenIndexesNow().tokens;
  }

  get nameTokens(): MiniSearch<TokenDocument> {
    return this.tokenIndexesNow().nameTokens;
  }

  private tokenIndexesNow(): TokenIndexes {
    if (!this.tokenIndexes) {
      const documents = [...this.byId.values()].map((entry) => this.document(entry));
      this.tokenIndexes = { tokens: tokenIndex(["names", "tags", "text"], documents), nameTokens: tokenIndex(["names", "tags"], documents) };
    }
    return this.tokenIndexes;
  }

  private fuzzyNow(): NameTrigrams {
    if (!this.fuzzy) {
      this.fuzzy = new NameTrigrams();
      for (const entry of this.byId.values()) this.fuzzy.add(entry.id, this.namesOf(entry));
    }
    return this.fuzzy;
  }

  /** Builds now what would otherwise be built on first use (a server does it before its first question). */
  warm(): void {
    this.tokenIndexesNow();
    this.fuzzyNow();
  }

  /** fuse.js over the names most alike the pattern (same scores as over all names, far less work). */
  fuzzyNames(pattern: string, limit: number): Array<FuseResult<NameRecord>> {
    return new Fuse(this.fuzzyNow().candidates(pattern), FUZZY_OPTIONS).search(pattern, { limit });
  }

  /**
   * Swaps entries in place: `removed` (old versions of changed entries, and deleted ones) out,
   * `added` (new versions, and new entries) in. Costs in proportion to the change, not the base.
   */
  update(removed: readonly Entry[], added: readonly Entry[], names: NamesById): void {
    for (const entry of removed) {
      this.byId.delete(entry.id);
      for (const name of this.namesOf(entry)) if (this.exact.get(squash(name)) === entry.id) this.exact.delete(squash(name));
      this.fuzzy?.remove(entry.id);
      for (const index of Object.values(this.tokenIndexes ?? {})) if (index.has(entry.id)) index.discard(entry.id);
    }
    this.names = names;
    for (const entry of added) {
      this.addExact(entry);
      this.fuzzy?.add(entry.id, this.namesOf(entry));
      if (this.tokenIndexes) {
        const document = this.document(entry);
        for (const index of Object.values(this.tokenIndexes)) index.add(document);
      }
    }
    if (this.fuzzy?.mostlyHoles) this.fuzzy = undefined;
  }
}
