/**
 * A new entry file with every field of its kind written out and commented, from the schema's
 * shape: required fields with an empty placeholder that kb:check names until it is filled in,
 * optional ones commented out, ready to uncomment. An unfinished scaffold never validates, so
 * it cannot be served by accident.
 */
import { stringify } from "yaml";
import { automaticValues, describeShape, idFromName, kindFields, type Field, type Shape } from "./schema-shape.js";
import type { Kind } from "./schema.js";

const INDENT = "  ";

/** A placeholder that kb:check rejects until it is replaced ("" for text, nothing for numbers). */
function placeholder(shape: Shape): string {
  switch (shape.type) {
    case "number":
    case "boolean":
      return "";
    case "literal":
      return shape.value;
    default:
      return '""';
  }
}

/** Lines for one field, at `depth`; `given` holds values known up front (kind, id, title, as_of). */
function fieldLines(key: string, field: Field, depth: number, given: Record<string, unknown>): string[] {
  const pad = INDENT.repeat(depth);
  const known = given[key];
  const comment = `${pad}# ${field.required ? "Required" : "Optional"}: ${describeShape(field.shape)}`;
  const body = valueLines(key, field.shape, depth, known, field.required);
  if (field.required || known !== undefined) return [comment, ...body];
  // Optional: commented out whole, so the file stays valid as it is.
  return [comment, ...body.map((line) => `${pad}# ${line.slice(pad.length)}`)];
}

function valueLines(key: string, shape: Shape, depth: number, known: unknown, required: boolean): string[] {
  const pad = INDENT.repeat(depth);
  if (known !== undefined) return [`${pad}${key}: ${stringify(known).trim()}`];
  switch (shape.type) {
    case "object":
      return [`${pad}${key}:`, ...objectLines(shape.fields, depth + 1, {})];
    case "list": {
      // A required list shows the one item it needs at least; an optional one starts empty.
      if (shape.element.type !== "object") return required ? [`${pad}${key}:`, `${pad}${INDENT}- ${placeholder(shape.element)}`] : [`${pad}${key}: []`];
      // One item as a pattern: its first line carries the "- ".
      const item = objectLines(shape.element.fields, depth + 2, {});
      const first = item.findIndex((line) => !line.trimStart().startsWith("#"));
      const marked = item.map((line, index) => (index === first ? `${INDENT.repeat(depth + 1)}- ${line.slice(INDENT.repeat(depth + 2).length)}` : line));
      return [`${pad}${key}:`, ...marked];
    }
    default:
      return [`${pad}${key}:${placeholder(shape) ? ` ${placeholder(shape)}` : ""}`];
  }
}

function objectLines(fields: Record<string, Field>, depth: number, given: Record<string, unknown>): string[] {
  return Object.entries(fields).flatMap(([key, field]) => fieldLines(key, field, depth, given));
}

/** The scaffold of a new entry of `kind` named `name`, and the id (file name) it gets. */
export function scaffoldEntry(kind: Kind, name: string, today = new Date()): { id: string; text: string } {
  const id = idFromName(name);
  const fields = kindFields(kind);
  const given: Record<string, unknown> = { kind, id, title: name };
  for (const [key, value] of Object.entries(automaticValues(today))) if (key in fields) given[key] = value;
  const header = [
    `# A new ${kind}: fill in every field marked Required (kb:check names each one still empty),`,
    "# uncomment the optional ones you have a source for, and delete the rest.",
    "# Every fact needs a source; never invent figures, dates or members.",
    "",
  ];
  return { id, text: `${[...header, ...objectLines(fields, 0, given)].join("\n")}\n` };
}
