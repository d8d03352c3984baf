/**
 * The platform-neutral reply every command returns. All text in it is plain (no markup):
 * each adapter adds its own formatting and escapes everything for its platform.
 */
import type { Entry, Kind, Source } from "../knowledge/schema.js";
import type { ErrorCode } from "./errors.js";

export interface EntryRef {
  id: string;
  kind: Kind;
  title: string;
  /** Relevance, 0 best (search results only). */
  score?: number;
  /** The date the entry's facts are current to (DESIGN.md: "Each entry may carry `as_of`"). */
  as_of?: string;
}

export interface Section {
  heading?: string;
  /** A paragraph. */
  text?: string;
  /** Bullet points. */
  items?: string[];
}

export interface Field {
  label: string;
  value: string;
}

export interface ReplyError {
  code: ErrorCode;
  message: string;
}

export interface Reply {
  ok: boolean;
  command: string;
  title?: string;
  sections: Section[];
  /** Short facts shown side by side (founded, U.S. role, …). */
  fields: Field[];
  /** The entries this reply is about, most relevant first: only confident matches. */
  entries: EntryRef[];
  /** "Did you mean" candidates below the confidence bar; each can be asked about directly. */
  suggestions: EntryRef[];
  sources: Source[];
  error?: ReplyError;
  /** Send nothing at all: the user was already told to slow down. Adapters still ack. */
  silent?: boolean;
  /** The command this reply asked a question for ("compare what?"): the next message may only name what it needs. */
  awaiting?: string;
  /** The parts of a reply to a message that asked two things, each with its command and entries. */
  parts?: Array<{ command: string; title?: string; entries: EntryRef[] }>;
}

export function entryRef(entry: Entry, score?: number): EntryRef {
  const ref: EntryRef = { id: entry.id, kind: entry.kind, title: entry.title };
  if (score !== undefined) ref.score = score;
  ref.as_of = entry.as_of;
  return ref;
}

/** A reply with defaults for everything not given. */
export function reply(command: string, parts: Partial<Omit<Reply, "command">> = {}): Reply {
  return {
    ok: true,
    command,
    sections: [],
    fields: [],
    entries: [],
    suggestions: [],
    sources: [],
    ...parts,
  };
}

export function errorReply(command: string, error: ReplyError, parts: Partial<Omit<Reply, "command" | "ok" | "error">> = {}): Reply {
  return reply(command, { ...parts, ok: false, error });
}

/** The message a user types to open an entry's card, used by "did you mean" buttons. */
export function askFor(ref: EntryRef): string {
  return `${ref.kind} ${ref.id}`;
}

/** Sources without repeats (same title and place in it), in first-seen order. */
export function mergeSources(sources: readonly Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) {
    const key = `${source.title}\u0000${source.locator ?? ""}`;
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()];
}

/** The URL if it is a web page (http or https); anything else (javascript:, data:, file:) is never shown or linked. */
export function webUrl(url: string | undefined): string | undefined {
  const protocol = url === undefined ? undefined : URL.parse(url)?.protocol;
  return protocol === "https:" || protocol === "http:" ? url : undefined;
}

/** "Title, Author (Publisher, 2024), locator, URL" */
export function formatSource(source: Source): string {
  const by = [source.author, source.publisher].filter(Boolean);
  const byline = source.author && source.publisher ? `${source.author} (${source.publisher}, ${source.year})` : `${by[0]} (${source.year})`;
  return [`${source.title}, ${byline}`, source.locator, webUrl(source.url)].filter(Boolean).join(", ");
}

/** One reply to a message that asked two things: the first answer, then the second under its own heading. */
export function combineParts(first: Reply, second: Reply): Reply {
  if (!second.ok) return first;
  const known = new Set(first.entries.map((entry) => entry.id));
  return {
    ...first,
    sections: [...first.sections, { heading: `Also: ${second.title ?? "your second question"}` }, ...second.fields.map((field) => ({ text: `${field.label}: ${field.value}` })), ...second.sections],
    entries: [...first.entries, ...second.entries.filter((entry) => !known.has(entry.id))],
    suggestions: [...first.suggestions, ...second.suggestions],
    sources: mergeSources([...first.sources, ...second.sources]),
    parts: [
      { command: first.command, title: first.title, entries: first.entries },
      { command: second.command, title: second.title, entries: second.entries },
    ],
  };
}
