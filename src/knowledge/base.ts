/**
 * The knowledge base as commands see it: validated entries, their index, and the
 * questions commands ask of them. A reload makes a new one; an incremental reload hands
 * it the previous one's index, updated in place.
 */
import { createHash } from "node:crypto";
import { KnowledgeFolder, type FolderOptions, type FolderResult } from "./folder.js";
import { KnowledgeIndex } from "./index.js";
import type { Entry, EntryOf, Kind } from "./schema.js";
import { resolve, search, type Resolution, type SearchRequest, type SearchResult } from "./search.js";

export interface KnowledgeBaseOptions {
  /** A ready index over these entries (an updated one, on reload). */
  index?: KnowledgeIndex;
  /** The version, when the files it came from already say it. */
  version?: string;
  /** The folder it was read from, for reloads that re-read only what changed. */
  folder?: KnowledgeFolder;
}

export class KnowledgeBase {
  readonly index: KnowledgeIndex;
  /** A short hash of the content, to tell which knowledge set is being served. */
  readonly version: string;
  readonly folder?: KnowledgeFolder;

  constructor(
    readonly entries: readonly Entry[],
    options: KnowledgeBaseOptions = {},
  ) {
    this.index = options.index ?? new KnowledgeIndex(entries);
    this.version = options.version ?? createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 12);
    this.folder = options.folder;
  }

  /** A knowledge base over a folder's valid result. */
  static fromFolder(folder: KnowledgeFolder, result: FolderResult): KnowledgeBase {
    return new KnowledgeBase(result.entries, { index: new KnowledgeIndex(result.entries, result.names), version: result.version, folder });
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

/** Opens a knowledge folder that is valid as a whole, or throws `KnowledgeLoadError` with every problem. */
export async function openKnowledgeBase(dir: string, options: FolderOptions = {}): Promise<KnowledgeBase> {
  const folder = await KnowledgeFolder.open(dir, options);
  return KnowledgeBase.fromFolder(folder, folder.validResult());
}
