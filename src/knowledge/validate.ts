/**
 * Validation of entry files: one file on its own (YAML, then the zod schema, then its name
 * and folder), and a whole set's links between entries.
 *
 * YAML goes through js-yaml first (about three times faster than `yaml`); anything it does not
 * parse cleanly, including any alias, is parsed again by `yaml` for its exact line numbers and
 * its guard against alias bombs. Both read YAML 1.2's core schema, so valid files give the same data.
 */
import path from "node:path";
import { load as loadYamlFast } from "js-yaml";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { cleanedNames } from "./index.js";
import { squash } from "./normalize.js";
import { formatPath, problem, type Problem } from "./problems.js";
import { EntrySchema, KIND_FOLDERS, REFERENCE_FIELDS, type Entry } from "./schema.js";

/** Aliases `yaml` expands per file before calling it an attack ("Excessive alias count"). */
export const MAX_YAML_ALIASES = 100;

export interface LoadedEntry {
  entry: Entry;
  file: string;
  /** The cleaned names (id, title, aliases) when already known; computed otherwise. */
  names?: readonly string[];
}

function issueProblems(file: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => problem(file, formatPath(issue.path), issue.message));
}

function parseYaml(file: string, source: string): { data: unknown } | { problems: Problem[] } {
  try {
    return { data: loadYamlFast(source, { maxAliases: 0 }) };
  } catch {
    // Not plain YAML for the fast path: the thorough parser says exactly what and where.
  }
  const document = parseDocument(source, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) =>
        problem(file, "", `not valid YAML (line ${error.linePos?.[0]?.line ?? "?"}): ${error.message.split("\n")[0]}`),
      ),
    };
  }
  try {
    return { data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    return { problems: [problem(file, "", `not valid YAML: ${error instanceof Error ? error.message : String(error)}`)] };
  }
}

/** Parses and validates one file on its own (no cross-entry checks); `file` is its full path. */
export function parseEntryFile(file: string, source: string): { entry?: Entry; problems: Problem[] } {
  const parsedYaml = parseYaml(file, source);
  if ("problems" in parsedYaml) return parsedYaml;
  const data = parsedYaml.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { problems: [problem(file, "", "expected a YAML mapping of fields (id: …, kind: …)")] };
  }
  const parsed = EntrySchema.safeParse(data);
  if (!parsed.success) return { problems: issueProblems(file, parsed.error.issues) };

  const entry = parsed.data;
  const problems: Problem[] = [];
  const expectedName = `${entry.id}.yaml`;
  if (path.basename(file) !== expectedName) {
    problems.push(problem(file, "id", `the file name must match the id: rename it to ${expectedName}`));
  }
  const folder = path.basename(path.dirname(file));
  if (folder !== KIND_FOLDERS[entry.kind]) {
    problems.push(problem(file, "kind", `a ${entry.kind} belongs in ${KIND_FOLDERS[entry.kind]}/, not ${folder}/`));
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

/** Squashed title and aliases of each entry, in that order; kept per entry object, which a reload of other files leaves alone. */
const nameKeysMemo = new WeakMap<Entry, string[]>();

function nameKeys(item: LoadedEntry): string[] {
  let keys = nameKeysMemo.get(item.entry);
  if (!keys) {
    keys = (item.names ?? cleanedNames(item.entry)).slice(1).map(squash);
    nameKeysMemo.set(item.entry, keys);
  }
  return keys;
}

/**
 * Cross-entry checks: unique ids, unique names, and links that resolve. Hash lookups over
 * names cleaned once per file, so checking a whole large set again after one edit stays cheap.
 */
export function checkLinks(loaded: readonly LoadedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedEntry>();
  for (const item of loaded) {
    const twin = byId.get(item.entry.id);
    if (twin) problems.push(problem(item.file, "id", `duplicate id "${item.entry.id}" (also in ${twin.file})`));
    else byId.set(item.entry.id, item);
  }

  // A name (title or alias) must lead to one entry only, or exact lookup would be a coin toss.
  const owners = new Map<string, LoadedEntry>();
  for (const item of loaded) {
    const keys = nameKeys(item);
    keys.forEach((key, index) => {
      // An entry may spell one name twice (title and alias); that is no clash.
      if (!key || keys.indexOf(key) !== index) return;
      const owner = owners.get(key);
      if (!owner) owners.set(key, item);
      else if (owner.entry.id !== item.entry.id) {
        const field = index === 0 ? "title" : `aliases[${index - 1}]`;
        const name = index === 0 ? item.entry.title : item.entry.aliases[index - 1];
        problems.push(problem(item.file, field, `duplicate name "${name}": "${owner.entry.id}" (${owner.file}) already uses it`));
      }
    });
  }

  for (const item of loaded) {
    for (const ref of referencedIds(item.entry)) {
      if (ref.id === item.entry.id) problems.push(problem(item.file, ref.field, "an entry cannot refer to itself"));
      else if (!byId.has(ref.id)) problems.push(problem(item.file, ref.field, `unknown id "${ref.id}"`));
    }
  }
  return problems;
}

