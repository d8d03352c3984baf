/**
 * The search structures, built once per knowledge set:
 * - a map from every cleaned name (id, title, alias) to its entry, for exact hits;
 * - a token index (MiniSearch, BM25) over names, tags and prose, for words anywhere;
 * - a fuse.js index over names only, for bad misspellings and "did you mean".
 * fuse.js scans every record on every query, so it never sees prose (see SEARCH-NOTES.md).
 */
import Fuse from "fuse.js";
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

export const TOKEN_FIELDS = { names: 3, tags: 2, text: 1 } as const;

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
        ...STAKEHOLDER_CATEGORIES.flatMap((category) => entry.members[category]),
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

export class KnowledgeIndex {
  readonly byId = new Map<string, Entry>();
  /** squashed cleaned name → entry ids (an id and a name can differ only in spacing). */
  readonly exact = new Map<string, string>();
  readonly tokens: MiniSearch<TokenDocument>;
  readonly fuzzyNames: Fuse<NameRecord>;

  constructor(readonly entries: readonly Entry[]) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const name of entryNames(entry)) {
        const key = squash(normalize(name));
        if (key && !this.exact.has(key)) this.exact.set(key, entry.id);
      }
    }

    this.tokens = new MiniSearch<TokenDocument>({
      fields: Object.keys(TOKEN_FIELDS),
      storeFields: [],
      tokenize,
      processTerm: (term) => term,
    });
    this.tokens.addAll(
      entries.map((entry) => {
        const names = entryNames(entry).map(normalize);
        return {
          id: entry.id,
          // Squashed names too, so "multi alignment" and "SE4All" find their entry as one word.
          names: [...names, ...names.map(squash)].join(" "),
          tags: entry.tags.join(" "),
          text: entryProse(entry).join(" "),
        };
      }),
    );

    this.fuzzyNames = new Fuse(
      entries.flatMap((entry) => {
        const names = entryNames(entry).map(normalize);
        return [...new Set([...names, ...names.map(squash)])].map((name) => ({ id: entry.id, name }));
      }),
      // Field-length norms would favour short names whatever the query; we weigh length ourselves.
      { keys: ["name"], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.45 },
    );
  }
}
