/**
 * The platform-neutral reply every command returns. All text in it is plain (no markup):
 * each adapter adds its own formatting and escapes everything for its platform.
 */
import type { Entry, Kind, Source } from "../knowledge/schema.js";
import type { ErrorCode } from "./errors.js";
import type { Length } from "./length.js";

export interface EntryRef {
  id: string;
  kind: Kind;
  title: string;
  /** Relevance, 0 best (search results only). */
  score?: number;
  /** The date the entry's facts are current to (DESIGN.md: "Each entry may carry `as_of`"). */
  as_of?: string;
}

/**
 * Where a part of a reply is shown: "also" on the first screen and in the full reply,
 * "only" on the first screen (a digest of what the full reply shows in detail); unset,
 * only in the full reply, behind "More". `screenOf` (screen.ts) reads it for every renderer.
 */
export type FirstScreen = "also" | "only";

export interface Section {
  heading?: string;
  /** A paragraph. */
  text?: string;
  /** Bullet points. */
  items?: string[];
  firstScreen?: FirstScreen;
}

export interface Field {
  label: string;
  value: string;
  firstScreen?: FirstScreen;
}

export interface ReplyError {
  code: ErrorCode;
  message: string;
}

export interface Reply {
  ok: boolean;
  command: string;
  title?: string;
  /** The answer in one or two sentences: what a busy reader needs, shown first. */
  lead?: string;
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
  /** How long to show it, as asked ("tl;dr", "in full"); unset is short, the first screen. */
  length?: Length;
  /** The message that asks for this answer in full: what a "More" button sends. */
  expand?: string;
  /** Show each source as one short line ("Slaughter, Foreign Affairs 2024, §Seed, Not Lead"). */
  compactSources?: boolean;
  /** "markdown": the whole reply as clean Markdown to paste into an email or cable, shown as it is. */
  format?: "markdown";
  /** The message that asks for this answer as paste-ready Markdown: what a "Copy as text" button sends. */
  copy?: string;
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

/** A locator short enough for one line: `section "Seed, Not Lead"` → `§Seed, Not Lead`; long ones are left out. */
function shortLocator(locator: string | undefined): string | undefined {
  if (!locator) return undefined;
  const bare = locator.replace(/\s*\([^)]*\)/g, "").trim();
  const short = bare
    .replace(/^section\s+["“]?([^"”]+)["”]?$/i, "§$1")
    .replace(/^paragraph\s+/i, "¶")
    .replace(/^introduction$/i, "intro");
  return short.length <= 30 ? short : undefined;
}

/** "Slaughter", "Lissner and Rapp-Hooper": surnames, for a one-line citation. */
const surnames = (author: string) =>
  author
    .split(/\s*(?:,|\band\b|&)\s*/)
    .filter(Boolean)
    .map((name) => name.trim().split(/\s+/).at(-1))
    .join(" and ");

/**
 * One short line per distinct source, its places in it joined: "Slaughter, Foreign Affairs
 * 2024, §Opening the World, §Seats at the Table". The full reference is `formatSource`.
 */
export function compactSources(sources: readonly Source[]): string[] {
  const lines = new Map<string, { head: string; places: string[] }>();
  for (const source of sources) {
    const who = source.author ? surnames(source.author) : source.publisher;
    const head = source.author && source.publisher ? `${who}, ${source.publisher} ${source.year}` : `${who} ${source.year}`;
    const line = lines.get(head) ?? { head, places: [] };
    const place = shortLocator(source.locator);
    if (place && !line.places.includes(place)) line.places.push(place);
    lines.set(head, line);
  }
  return [...lines.values()].map(({ head, places }) => [head, ...places].join(", "));
}

/** One source per work, the places cited in it joined ("section A; section B"), so a long title is said once. */
export function byWork(sources: readonly Source[]): Source[] {
  const works = new Map<string, Source>();
  for (const source of sources) {
    const key = `${source.title}\u0000${source.author ?? source.publisher ?? ""}`;
    const seen = works.get(key);
    if (!seen) works.set(key, { ...source });
    else if (source.locator && !seen.locator?.split("; ").includes(source.locator)) {
      seen.locator = seen.locator ? `${seen.locator}; ${source.locator}` : source.locator;
    }
  }
  return [...works.values()];
}

/** Compact source lines a first screen shows; the rest are counted, and listed in full under More. */
const MAX_COMPACT_SOURCES = 3;

/** Each source as the reply shows it: up to three compact lines and a count of the rest, or full references. */
export function sourceLines(reply: Pick<Reply, "sources" | "compactSources">): string[] {
  if (!reply.compactSources) return byWork(reply.sources).map(formatSource);
  const lines = compactSources(reply.sources);
  const rest = lines.length - MAX_COMPACT_SOURCES;
  return rest > 1 ? [...lines.slice(0, MAX_COMPACT_SOURCES), `and ${rest} more`] : lines;
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
    // The second answer's lead is on the first screen too: both questions get an answer there.
    sections: [
      ...first.sections,
      { heading: `Also: ${second.title ?? "your second question"}`, ...(second.lead ? { text: second.lead } : {}), firstScreen: "also" },
      ...second.fields.filter((field) => field.firstScreen !== "only").map((field) => ({ text: `${field.label}: ${field.value}` })),
      ...second.sections,
    ],
    entries: [...first.entries, ...second.entries.filter((entry) => !known.has(entry.id))],
    suggestions: [...first.suggestions, ...second.suggestions],
    sources: mergeSources([...first.sources, ...second.sources]),
    parts: [
      { command: first.command, title: first.title, entries: first.entries },
      { command: second.command, title: second.title, entries: second.entries },
    ],
  };
}
