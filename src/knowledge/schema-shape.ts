/**
 * The shape of each kind of entry, read from its zod schema at run time, for tools that write
 * entries (kb:new, kb:import): which fields exist, which are required, and what each expects,
 * in the schema's own words. Nothing here is a second definition of an entry, so it cannot drift.
 */
import type { z } from "zod";
import { normalize } from "./normalize.js";
import { EntrySchema, type Kind } from "./schema.js";

export type Shape =
  | { type: "object"; fields: Record<string, Field> }
  | { type: "list"; element: Shape }
  | { type: "choice"; options: string[] }
  | { type: "literal"; value: string }
  | { type: "text" | "number" | "boolean" | "date"; what: string };

export interface Field {
  shape: Shape;
  /** Neither optional nor given a default. */
  required: boolean;
  /** The schema rewrites the raw value first (e.g. a date from a YAML number): pass raw text through. */
  preprocessed: boolean;
}

interface Definition {
  type: string;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  error?: unknown;
}

const definition = (schema: z.core.$ZodType) => schema._zod.def as unknown as Definition;

/** "a summary" from the schema's own message "expected a summary, got …". */
function what(def: Definition, fallback: string): string {
  const message = typeof def.error === "function" ? String((def.error as (issue: { input: unknown }) => unknown)({ input: undefined })) : String(def.error ?? "");
  const match = /^expected (.+?)(?:, got .*)?$/.exec(message);
  return match?.[1] ?? fallback;
}

export function fieldOf(schema: z.core.$ZodType): Field {
  let current = schema;
  let required = true;
  let preprocessed = false;
  for (;;) {
    const def = definition(current);
    if ((def.type === "optional" || def.type === "default") && def.innerType) {
      required = false;
      current = def.innerType;
    } else if (def.type === "pipe" && def.out) {
      preprocessed = true;
      current = def.out;
    } else break;
  }
  return { shape: shapeOf(current), required, preprocessed };
}

function shapeOf(schema: z.core.$ZodType): Shape {
  const def = definition(schema);
  switch (def.type) {
    case "object":
      return { type: "object", fields: Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, fieldOf(value)])) };
    case "array":
      return { type: "list", element: fieldOf(def.element as z.core.$ZodType).shape };
    case "enum":
      return { type: "choice", options: Object.values(def.entries ?? {}) };
    case "literal":
      return { type: "literal", value: String(def.values?.[0]) };
    case "number":
      return { type: "number", what: what(def, "a number") };
    case "boolean":
      return { type: "boolean", what: what(def, "true or false") };
    default:
      return { type: "text", what: what(def, "text") };
  }
}

/** The fields of one kind of entry, in the schema's order. */
export function kindFields(kind: Kind): Record<string, Field> {
  const schema = EntrySchema.options.find((option) => option.shape.kind.value === kind);
  if (!schema) throw new Error(`no schema for kind ${kind}`);
  const shape = fieldOf(schema).shape;
  return shape.type === "object" ? shape.fields : {};
}

/** Words for what a field expects: "a year", "one of a, b", "a list of a tag". */
export function describeShape(shape: Shape): string {
  switch (shape.type) {
    case "object":
      return "these fields";
    case "list":
      return shape.element.type === "object" ? "a list of items with these fields" : `a list, each ${describeShape(shape.element)}`;
    case "choice":
      return `one of ${shape.options.join(", ")}`;
    case "literal":
      return `always ${shape.value} in this folder`;
    default:
      return shape.what;
  }
}

/** Values a writing tool fills in itself: the date an entry's facts are current to is the day it is written. */
export function automaticValues(today: Date): Record<string, unknown> {
  return { as_of: today.toISOString().slice(0, 10) };
}

/** A kebab-case id from a name: "Gavi, the Vaccine Alliance" → "gavi-the-vaccine-alliance". */
export function idFromName(name: string): string {
  return normalize(name)
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 80)
    .replace(/^-+|-+$/g, "");
}
