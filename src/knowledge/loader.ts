/**
 * Reads every entry file under a knowledge folder, validates it against the zod schemas
 * and checks the links between entries. A set with any problem is rejected whole, so the
 * index never serves a half-loaded knowledge base.
 */
import { KnowledgeFolder, type FolderOptions } from "./folder.js";
import type { Problem } from "./problems.js";
import { KINDS, type Entry, type Kind } from "./schema.js";

export { formatPath, formatProblem, KnowledgeLoadError, type Problem } from "./problems.js";
export { checkLinks, parseEntryFile, type LoadedEntry } from "./validate.js";
export { MAX_ENTRY_FILE_BYTES, MAX_KNOWLEDGE_BYTES } from "./files.js";

export interface LoadResult {
  entries: Entry[];
  problems: Problem[];
  /** Number of entry files read, valid or not. */
  fileCount: number;
}

/** Loads and checks everything; returns every problem found rather than stopping at the first. */
export async function readKnowledge(root: string, options: FolderOptions = {}): Promise<LoadResult> {
  return (await KnowledgeFolder.open(root, options)).result();
}

/** Loads a knowledge base that is valid as a whole, or throws with every problem. */
export async function loadKnowledge(root: string, options: FolderOptions = {}): Promise<Entry[]> {
  return (await KnowledgeFolder.open(root, options)).validEntries();
}

export function countByKind(entries: readonly Entry[]): Record<Kind, number> {
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  for (const entry of entries) counts[entry.kind] += 1;
  return counts;
}
