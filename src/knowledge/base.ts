/**
 * The knowledge base as commands see it: validated entries, their index, and the
 * questions commands ask of them. Immutable once built; a reload builds a new one.
 */
import { createHash } from "node:crypto";
import { KnowledgeIndex } from "./index.js";
import { loadKnowledge } from "./loader.js";
import type { Entry, EntryOf, Kind } from "./schema.js";
import { resolve, search, type Resolution, type SearchRequest, type SearchResult } from "./search.js";

export class KnowledgeBase {
  readonly index: KnowledgeIndex;
  /** A short hash of the content, to tell which knowledge set is being served. */
  readonly version: string;

  constructor(readonly entries: readonly Entry[]) {
    this.index = new KnowledgeIndex(entries);
    this.version = createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 12);
  }

  get size(): number {
    return this.entries.length;
  }

  get(id: string): Entry | undefined {
    return this.index.byId.get(id);
  }

  /** Entries for a list of ids, skipping any that do not exist. */
  getAll(ids: readonly string[]): Entry[] {
    return ids.flatMap((id) => this.get(id) ?? []);
  }

  ofKind<K extends Kind>(kind: K): Array<EntryOf<K>> {
    return this.entries.filter((entry): entry is EntryOf<K> => entry.kind === kind);
  }

  search(query: string, request?: SearchRequest): SearchResult {
    return search(this.index, query, request);
  }

  resolve(name: string, kind?: Kind): Resolution {
    return resolve(this.index, name, kind);
  }

  /** Quotes spoken by (alone or with others), or taken from, the given entry. */
  quotesBy(id: string): Array<EntryOf<"quote">> {
    return this.ofKind("quote").filter((quote) => quote.speakers.includes(id));
  }
}

export async function openKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  return new KnowledgeBase(await loadKnowledge(dir));
}
