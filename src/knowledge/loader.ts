/**
 * Reads every entry file under a knowledge folder, validates it against the zod schemas
 * and checks the links between entries. A set with any problem is rejected whole, so the
 * index never serves a half-loaded knowledge base.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { EntrySchema, KIND_FOLDERS, KINDS, REFERENCE_FIELDS, type Entry, type Kind } from "./schema.js";
import { normalize, squash } from "./normalize.js";

export interface Problem {
  /** The file, relative to the working directory when possible. */
  file: string;
  /** Dotted path of the offending field, e.g. `goals[0].deadline`; empty for the whole file. */
  field: string;
  message: string;
}

export interface LoadedEntry {
  entry: Entry;
  file: string;
}

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeLoadError";
  }
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

/** `goals[0].deadline` from zod's `["goals", 0, "deadline"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

async function listEntryFiles(root: string): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files: string[] = [];
  let items;
  try {
    items = await readdir(root, { withFileTypes: true });
  } catch {
    return { files, problems: [{ file: displayPath(root), field: "", message: "the knowledge folder does not exist or cannot be read" }] };
  }
  const folders = new Set(Object.values(KIND_FOLDERS));
  for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith(".") || item.name.toLowerCase() === "readme.md") continue;
    const full = path.join(root, item.name);
    if (!item.isDirectory() || !folders.has(item.name)) {
      problems.push({ file: displayPath(full), field: "", message: `unexpected here: entries live in ${[...folders].join("/, ")}/` });
      continue;
    }
    for (const name of (await readdir(full)).sort()) {
      if (name.startsWith(".")) continue;
      const file = path.join(full, name);
      if (!name.endsWith(".yaml")) {
        problems.push({ file: displayPath(file), field: "", message: "not a .yaml file" });
        continue;
      }
      files.push(file);
    }
  }
  return { files, problems };
}

function issueProblems(file: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => ({ file, field: formatPath(issue.path), message: issue.message }));
}

/** Parses and validates one file on its own (no cross-entry checks). */
export function parseEntryFile(file: string, source: string): { entry?: Entry; problems: Problem[] } {
  const shown = displayPath(file);
  const document = parseDocument(source, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file: shown,
        field: "",
        message: `not valid YAML (line ${error.linePos?.[0]?.line ?? "?"}): ${error.message.split("\n")[0]}`,
      })),
    };
  }
  const data: unknown = document.toJS();
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { problems: [{ file: shown, field: "", message: "expected a YAML mapping of fields (id: …, kind: …)" }] };
  }
  const parsed = EntrySchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { problems: issueProblems(shown, parsed.error.issues) };

  const entry = parsed.data;
  const problems: Problem[] = [];
  const expectedName = `${entry.id}.yaml`;
  if (path.basename(file) !== expectedName) {
    problems.push({ file: shown, field: "id", message: `the file name must match the id: rename it to ${expectedName}` });
  }
  const folder = path.basename(path.dirname(file));
  if (folder !== KIND_FOLDERS[entry.kind]) {
    problems.push({ file: shown, field: "kind", message: `a ${entry.kind} belongs in ${KIND_FOLDERS[entry.kind]}/, not ${folder}/` });
  }
  return { entry, problems };
}

function referencedIds(entry: Entry): Array<{ field: string; id: string }> {
  const refs: Array<{ field: string; id: string }> = [];
  const record = entry as Record<string, unknown>;
  for (const field of REFERENCE_FIELDS) {
    const value = record[field];
    if (typeof value === "string") refs.push({ field, id: value });
    if (Array.isArray(value)) value.forEach((id, index) => refs.push({ field: `${field}[${index}]`, id: String(id) }));
  }
  return refs;
}

/** Cross-entry checks: unique ids, unique names, and links that resolve. */
export function checkLinks(loaded: readonly LoadedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedEntry>();
  for (const item of loaded) {
    const twin = byId.get(item.entry.id);
    if (twin) problems.push({ file: item.file, field: "id", message: `duplicate id "${item.entry.id}" (also in ${twin.file})` });
    else byId.set(item.entry.id, item);
  }

  // A name (title or alias) must lead to one entry only, or exact lookup would be a coin toss.
  const owners = new Map<string, LoadedEntry>();
  for (const item of loaded) {
    const names = [
      { field: "title", name: item.entry.title },
      ...item.entry.aliases.map((alias, index) => ({ field: `aliases[${index}]`, name: alias })),
    ];
    const seenHere = new Set<string>();
    for (const { field, name } of names) {
      const key = squash(normalize(name));
      if (!key || seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = owners.get(key);
      if (owner && owner.entry.id !== item.entry.id) {
        problems.push({
          file: item.file,
          field,
          message: `duplicate name "${name}": "${owner.entry.id}" (${owner.file}) already uses it`,
        });
      } else owners.set(key, item);
    }
  }

  for (const item of loaded) {
    for (const ref of referencedIds(item.entry)) {
      if (ref.id === item.entry.id) problems.push({ file: item.file, field: ref.field, message: "an entry cannot refer to itself" });
      else if (!byId.has(ref.id)) problems.push({ file: item.file, field: ref.field, message: `unknown id "${ref.id}"` });
    }
  }
  return problems;
}

export interface LoadResult {
  entries: Entry[];
  problems: Problem[];
  /** Number of files read, valid or not. */
  fileCount: number;
}

/** Loads and checks everything; returns every problem found rather than stopping at the first. */
export async function readKnowledge(root: string): Promise<LoadResult> {
  const { files, problems } = await listEntryFiles(root);
  const loaded: LoadedEntry[] = [];
  for (const file of files) {
    const result = parseEntryFile(file, await readFile(file, "utf8"));
    problems.push(...result.problems);
    if (result.entry) loaded.push({ entry: result.entry, file: displayPath(file) });
  }
  problems.push(...checkLinks(loaded));
  return { entries: loaded.map((item) => item.entry), problems, fileCount: files.length };
}

/** Loads a knowledge base that is valid as a whole, or throws with every problem. */
export async function loadKnowledge(root: string): Promise<Entry[]> {
  const result = await readKnowledge(root);
  if (result.problems.length > 0) throw new KnowledgeLoadError(result.problems);
  if (result.entries.length === 0) {
    throw new KnowledgeLoadError([{ file: displayPath(root), field: "", message: "no entries found" }]);
  }
  return result.entries;
}

export function countByKind(entries: readonly Entry[]): Record<Kind, number> {
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  for (const entry of entries) counts[entry.kind] += 1;
  return counts;
}
