/**
 * Bulk import: rows (from a CSV or JSON file) → entries, through the same zod schema and link
 * checks as every other entry. The mapping from column names to fields is here and only here,
 * and reads the kind's shape from its schema, so it follows the schema as it changes.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { KnowledgeFolder } from "./folder.js";
import { cleanedNames } from "./index.js";
import { squash } from "./normalize.js";
import { cleanText, displayPath, formatPath, MAX_PROBLEM_MESSAGE } from "./problems.js";
import { automaticValues, idFromName, kindFields, type Field, type Shape } from "./schema-shape.js";
import { EntrySchema, KIND_FOLDERS, REFERENCE_FIELDS, STAKEHOLDER_CATEGORIES, STAKEHOLDER_LABELS, type Entry, type Kind } from "./schema.js";

export type Row = Record<string, unknown>;

/** Friendly column names (lower case, single spaces) → field paths. A column named as a field path maps to itself. */
const COLUMN_NAMES: Record<string, string> = {
  name: "title",
  description: "summary",
  "also known as": "aliases",
  acronym: "aliases",
  acronyms: "aliases",
  sdg: "sdgs",
  "sdg goals": "sdgs",
  "founding year": "founded",
  "year founded": "founded",
  "lead entity": "governance.hosted_by",
  lead: "governance.hosted_by",
  host: "governance.hosted_by",
  "governance type": "governance.type",
  "us role": "us_role",
  "u.s. role": "us_role",
  "as of": "as_of",
  url: "sources[0].url",
  "source url": "sources[0].url",
  "source title": "sources[0].title",
  "source author": "sources[0].author",
  "source publisher": "sources[0].publisher",
  publisher: "sources[0].publisher",
  "source year": "sources[0].year",
  "source locator": "sources[0].locator",
  // Members by sector: "governments", "private sector", "Technical & academic", "members civil society"…
  ...Object.fromEntries(
    STAKEHOLDER_CATEGORIES.flatMap((category) =>
      [category.replace(/_/g, " "), STAKEHOLDER_LABELS[category].toLowerCase()].flatMap((label) => [
        [label, `members.${category}`],
        [`members ${label}`, `members.${category}`],
      ]),
    ),
  ),
};

/** Cells holding a list separate its items with ";" or "|" (commas appear inside names). */
const LIST_SEPARATOR = /\s*[;|]\s*/;

type Segment = string | number;

const parsePath = (field: string): Segment[] =>
  field.split(".").flatMap((part) => {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [part];
    return [match[1] as string, ...[...(match[2] ?? "").matchAll(/\[(\d+)\]/g)].map((index) => Number(index[1]))];
  });

/** The field a path leads to in the kind's shape, if any. */
function fieldAt(fields: Record<string, Field>, segments: readonly Segment[]): Field | undefined {
  let field: Field | undefined;
  let shape: Shape = { type: "object", fields };
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (shape.type !== "list") return undefined;
      field = { shape: shape.element, required: true, preprocessed: false };
      shape = shape.element;
    } else {
      if (shape.type !== "object") return undefined;
      field = shape.fields[segment];
      if (!field) return undefined;
      shape = field.shape;
    }
  }
  return field;
}

/** The field path a column fills, or undefined if it fills none. */
export function columnField(column: string, fields: Record<string, Field>): string | undefined {
  const written = column.trim();
  for (const spelling of [written, written.toLowerCase()]) if (fieldAt(fields, parsePath(spelling))) return spelling;
  const friendly = COLUMN_NAMES[written.toLowerCase().replace(/[_\s]+/g, " ")];
  return friendly && fieldAt(fields, parsePath(friendly)) ? friendly : undefined;
}

/** A cell's text as the field expects it: numbers, true/false, lists. Anything odd is left for the schema to name. */
function coerce(text: string, shape: Shape, preprocessed: boolean): unknown {
  if (preprocessed) return text;
  switch (shape.type) {
    case "number":
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case "boolean":
      return /^(true|yes)$/i.test(text) ? true : /^(false|no)$/i.test(text) ? false : text;
    case "list":
      return text.split(LIST_SEPARATOR).filter(Boolean).map((item) => coerce(item, shape.element, false));
    default:
      return text;
  }
}

function setAt(target: Record<string, unknown>, segments: readonly Segment[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = segments[index + 1];
    node[segment] ??= typeof next === "number" ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

/** Top-level fields in the schema's order, so imported files read like hand-written ones. */
function inSchemaOrder(data: Record<string, unknown>, fields: Record<string, Field>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(fields).filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}

export interface ImportOptions {
  kind: Kind;
  knowledgeDir: string;
  /** Where the rows came from, for each file's header comment. */
  sourceName: string;
  force?: boolean;
  today?: Date;
}

export interface PlannedFile {
  row: number;
  id: string;
  file: string;
  text: string;
  overwrites: boolean;
}

export interface ImportReport {
  written: PlannedFile[];
  skipped: Array<{ row: number; title: string; field: string; reason: string }>;
  duplicates: Array<{ row: number; title: string; name: string; owner: string }>;
  existing: Array<{ row: number; id: string; file: string }>;
  ignoredColumns: string[];
}

interface Candidate {
  row: number;
  data: Record<string, unknown>;
  entry: Entry;
  file: string;
  overwrites: boolean;
}

const titleOf = (row: Row) => cleanText(String(row.title ?? row.Title ?? row.name ?? row.Name ?? ""), 80);

/** Plans the import of `rows`: what would be written, and every row left out with the reason. Writes nothing. */
export async function planImport(rows: readonly Row[], options: ImportOptions): Promise<ImportReport> {
  const fields = kindFields(options.kind);
  const report: ImportReport = { written: [], skipped: [], duplicates: [], existing: [], ignoredColumns: [] };
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const mapping = new Map(columns.map((column) => [column, column.trim().toLowerCase() === "kind" ? undefined : columnField(column, fields)]));
  report.ignoredColumns = columns.filter((column) => !mapping.get(column));

  const existing = (await KnowledgeFolder.open(options.knowledgeDir)).result();
  const folder = path.join(options.knowledgeDir, KIND_FOLDERS[options.kind]);
  const existingIds = new Set(existing.entries.map((entry) => entry.id));
  const owners = new Map<string, string>();
  const nameKeys = (entry: Entry) => (existing.names.get(entry.id) ?? cleanedNames(entry)).slice(1).map(squash).filter(Boolean);
  const forcedIds = new Set<string>();

  const candidates: Candidate[] = [];
  rows.forEach((raw, index) => {
    const row = index + 1;
    const data: Record<string, unknown> = { kind: options.kind };
    for (const [column, value] of Object.entries(raw)) {
      const field = mapping.get(column);
      if (!field || value === undefined || value === null || value === "") continue;
      const segments = parsePath(field);
      const target = fieldAt(fields, segments) as Field;
      setAt(data, segments, typeof value === "string" ? coerce(value.trim(), target.shape, target.preprocessed) : value);
    }
    for (const [key, value] of Object.entries(automaticValues(options.today ?? new Date()))) if (key in fields) data[key] ??= value;
    data.id ??= idFromName(String(data.title ?? ""));
    const title = titleOf(raw) || String(data.id);
    const parsed = EntrySchema.safeParse(inSchemaOrder(data, fields));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        report.skipped.push({ row, title, field: formatPath(issue.path), reason: cleanText(issue.message, MAX_PROBLEM_MESSAGE) });
      }
      return;
    }
    const entry = parsed.data;
    const file = path.join(folder, `${entry.id}.yaml`);
    const overwrites = existsSync(file);
    if (overwrites && !options.force) {
      report.existing.push({ row, id: entry.id, file: displayPath(file) });
      return;
    }
    if (overwrites) forcedIds.add(entry.id);
    else if (existingIds.has(entry.id)) {
      report.skipped.push({ row, title, field: "id", reason: `the id "${entry.id}" is taken by an entry of another kind` });
      return;
    }
    candidates.push({ row, data: inSchemaOrder(data, fields), entry, file, overwrites });
  });

  // Names already taken: by entries this import does not replace, then by earlier rows.
  for (const entry of existing.entries) if (!forcedIds.has(entry.id)) for (const key of nameKeys(entry)) owners.set(key, entry.id);
  const accepted: Candidate[] = [];
  const acceptedRows = new Map<string, number>();
  for (const candidate of candidates) {
    const twin = acceptedRows.get(candidate.entry.id);
    if (twin !== undefined) {
      report.duplicates.push({ row: candidate.row, title: candidate.entry.title, name: candidate.entry.title, owner: `row ${twin} of this import` });
      continue;
    }
    const names = [candidate.entry.title, ...candidate.entry.aliases];
    const keys = cleanedNames(candidate.entry).slice(1).map(squash);
    const clash = keys.findIndex((key) => key && owners.has(key) && owners.get(key) !== candidate.entry.id);
    if (clash >= 0) {
      report.duplicates.push({ row: candidate.row, title: candidate.entry.title, name: names[clash] as string, owner: owners.get(keys[clash] as string) as string });
      continue;
    }
    for (const key of keys) if (key) owners.set(key, candidate.entry.id);
    acceptedRows.set(candidate.entry.id, candidate.row);
    accepted.push(candidate);
  }

  // Links must lead to an entry that exists or is imported; dropping a row can break another's link, so repeat.
  let linked = accepted;
  for (let changed = true; changed; ) {
    const ids = new Set([...existingIds, ...linked.map((candidate) => candidate.entry.id)]);
    const broken = linked.filter((candidate) => {
      const record = candidate.entry as Record<string, unknown>;
      const missing = REFERENCE_FIELDS.flatMap((field) => [record[field]].flat().filter((id): id is string => typeof id === "string" && !ids.has(id)).map((id) => ({ field, id })));
      for (const { field, id } of missing) report.skipped.push({ row: candidate.row, title: candidate.entry.title, field, reason: `unknown id "${id}"` });
      return missing.length > 0;
    });
    changed = broken.length > 0;
    linked = linked.filter((candidate) => !broken.includes(candidate));
  }

  const date = (options.today ?? new Date()).toISOString().slice(0, 10);
  report.written = linked.map((candidate) => ({
    row: candidate.row,
    id: candidate.entry.id,
    file: candidate.file,
    overwrites: candidate.overwrites,
    text: `# Imported by kb:import from ${path.basename(options.sourceName)} (row ${candidate.row}) on ${date}.\n${stringify(candidate.data)}`,
  }));
  report.skipped.sort((a, b) => a.row - b.row);
  return report;
}
