/**
 * What is wrong with a knowledge folder, said so that a person can fix it: the file, the
 * field and a message, cleaned so that a hostile file cannot flood a log or a terminal.
 */
import path from "node:path";

export interface Problem {
  /** The file, relative to the working directory when possible. */
  file: string;
  /** Dotted path of the offending field, e.g. `goals[0].deadline`; empty for the whole file. */
  field: string;
  message: string;
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

/** Longest problem message kept: validation messages quote the offending value, which may be huge. */
export const MAX_PROBLEM_MESSAGE = 300;
export const MAX_PROBLEM_PATH = 200;

// Control characters (terminal escapes, newlines) and bidirectional overrides (which reorder a line as shown).
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Printable on one line and at most `max` characters. */
export function cleanText(text: string, max: number): string {
  const printable = text.replace(UNSAFE_CHARACTERS, "?");
  return printable.length <= max ? printable : `${printable.slice(0, max - 1)}…`;
}

/** `goals[0].deadline` from zod's `["goals", 0, "deadline"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** A problem with a file given by its full path, shown relative to the working directory. */
export function problem(file: string, field: string, message: string): Problem {
  return {
    file: cleanText(displayPath(file), MAX_PROBLEM_PATH),
    field: cleanText(field, MAX_PROBLEM_PATH),
    message: cleanText(message, MAX_PROBLEM_MESSAGE),
  };
}
