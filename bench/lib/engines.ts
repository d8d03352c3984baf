/**
 * The search engines compared, behind one interface: Attaché's staged search, and the two
 * a user might pick instead, configured as such a user would. All three see the same text
 * of each entry (names, tags and prose).
 */
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { KnowledgeBase } from "../../src/knowledge/base.js";
import { entryProse } from "../../src/knowledge/index.js";
import type { Entry } from "../../src/knowledge/schema.js";

export interface SearchEngine {
  /** Entry ids the engine answers with, best first. */
  search(query: string): string[];
}

export interface EngineSpec {
  key: EngineKey;
  label: string;
  build(entries: readonly Entry[]): SearchEngine;
}

export type EngineKey = "attache" | "fuse" | "minisearch";

/** One flat record per entry with every searchable field, for the peers. */
interface FlatEntry {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  text: string;
}

const flatten = (entry: Entry): FlatEntry => ({
  id: entry.id,
  title: entry.title,
  aliases: entry.aliases,
  tags: entry.tags,
  text: entryProse(entry).join(" "),
});

const FLAT_FIELDS = ["id", "title", "aliases", "tags", "text"] as const;

/** Attaché's answers are its confident hits; suggestions are only "did you mean". */
export const attache: EngineSpec = {
  key: "attache",
  label: "Attaché",
  build(entries) {
    const kb = new KnowledgeBase(entries);
    // Built on first use otherwise: the build figure is the whole index, as a server has it.
    kb.index.warm();
    return { search: (query) => kb.search(query).hits.map((hit) => hit.entry.id) };
  },
};

/** The naive baseline: fuse.js with its default options over every field. */
export const fuseDefault: EngineSpec = {
  key: "fuse",
  label: "fuse.js (defaults, all fields)",
  build(entries) {
    const fuse = new Fuse(entries.map(flatten), { keys: [...FLAT_FIELDS] });
    return { search: (query) => fuse.search(query).map((result) => result.item.id) };
  },
};

/** The engine a user might pick instead: MiniSearch, fuzzy 0.2 and prefix, every field. */
export const miniSearch: EngineSpec = {
  key: "minisearch",
  label: "MiniSearch (fuzzy 0.2 + prefix)",
  build(entries) {
    const index = new MiniSearch<FlatEntry>({
      fields: [...FLAT_FIELDS],
      storeFields: [],
      // Arrays are indexed as their words.
      extractField: (document, field) => {
        const value = document[field as keyof FlatEntry];
        return Array.isArray(value) ? value.join(" ") : value;
      },
    });
    index.addAll(entries.map(flatten));
    return { search: (query) => index.search(query, { fuzzy: 0.2, prefix: true }).map((result) => String(result.id)) };
  },
};

export const ENGINES: readonly EngineSpec[] = [attache, fuseDefault, miniSearch];
