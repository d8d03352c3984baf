/**
 * Finding what a message names, anywhere in it: entries (titles, aliases, acronyms, with
 * the same typo budget as search, longest match first) and the topics the analyst tools
 * take (a threat, an SDG, a filter criterion such as "philanthropies" or "the US leads").
 */
import type { KnowledgeBase } from "../../knowledge/base.js";
import { entryNames } from "../../knowledge/index.js";
import { normalize, STOP_WORDS } from "../../knowledge/normalize.js";
import { GOVERNANCE_TYPES, THREATS, type Kind } from "../../knowledge/schema.js";
import { readWords } from "./lexicon.js";
import { sdgGoals } from "../analysis/sdgs.js";
import { threatLabel, THREAT_WORDS } from "../analysis/threats.js";

export type TopicKind = "threat" | "sdg" | "criterion" | "gaps";

export interface Mention {
  /** Index of the first word and one past the last, in the message's words. */
  start: number;
  end: number;
  /** An entry's kind, or a topic's. */
  kind: Kind | TopicKind;
  /** Entry id; threat id; SDG number; criterion as `key:value`; "gaps". */
  id: string;
  /** True when a typo had to be forgiven. */
  fuzzy?: boolean;
}

export const isEntryMention = (mention: Mention): mention is Mention & { kind: Kind } =>
  !["threat", "sdg", "criterion", "gaps"].includes(mention.kind);

/** Words that carry no name: dropped from names and messages alike when matching. */
const FILLER = new Set([...STOP_WORDS].filter((word) => word !== "not" && word !== "no"));

const contentWords = (words: readonly string[]) => words.filter((word) => !FILLER.has(word));

/** Typo budget for spotting names inside free text: stricter than search's, since every word is a candidate. */
function spotBudget(word: string): number {
  return word.length <= 4 ? 0 : word.length <= 7 ? 1 : 2;
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);
  let twoBack: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previousRow[j] as number) + 1, (row[j - 1] as number) + 1, (previousRow[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (twoBack[j - 2] as number) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    twoBack = previousRow;
    previousRow = row;
  }
  return previousRow[b.length] as number;
}

interface NameTable {
  /** Content words of a name, joined by spaces → entry ids. */
  phrases: Map<string, string[]>;
  /** A name squashed to one word ("seforall", "multialignment") → entry ids. */
  squashed: Map<string, string[]>;
  /** Every name word with one letter deleted → the name words it comes from, for typo correction (SymSpell). */
  deletions: Map<string, string[]>;
  known: Set<string>;
  /** Names of two words or more, by word count, for a slip in one short word ("seed not led"). */
  byLength: Map<number, string[][]>;
  longest: number;
  kinds: Map<string, Kind>;
}

function add(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function buildTable(kb: KnowledgeBase): NameTable {
  const table: NameTable = { phrases: new Map(), squashed: new Map(), deletions: new Map(), known: new Set(), byLength: new Map(), longest: 1, kinds: new Map() };
  for (const entry of kb.entries) {
    table.kinds.set(entry.id, entry.kind);
    for (const name of entryNames(entry)) {
      // Read like a message, so a French or Spanish name meets the words a message becomes.
      const words = contentWords(readWords(name));
      // A name that is only filler ("US" is "us") or one letter would match everyday words.
      if (words.length === 0 || words.join("").length < 2) continue;
      if (!table.phrases.has(words.join(" ")) && words.length > 1) {
        const sameLength = table.byLength.get(words.length);
        if (sameLength) sameLength.push(words);
        else table.byLength.set(words.length, [words]);
      }
      add(table.phrases, words.join(" "), entry.id);
      if (words.length > 1) add(table.squashed, words.join(""), entry.id);
      table.longest = Math.max(table.longest, words.length);
      for (const word of words) table.known.add(word);
    }
  }
  table.deletions = typoIndex(table.known);
  return table;
}

const tables = new WeakMap<KnowledgeBase, NameTable>();
function tableOf(kb: KnowledgeBase): NameTable {
  let table = tables.get(kb);
  if (!table) tables.set(kb, (table = buildTable(kb)));
  return table;
}

/** `word` with one letter left out, each way. */
function deletionsOf(word: string): string[] {
  return Array.from({ length: word.length }, (_, at) => word.slice(0, at) + word.slice(at + 1));
}

/** Words of four letters or more indexed by their one-letter deletions (SymSpell), for `correct`. */
export function typoIndex(words: Iterable<string>): Map<string, string[]> {
  const deletions = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < 4 || /\d/.test(word)) continue;
    for (const variant of [word, ...deletionsOf(word)]) add(deletions, variant, word);
  }
  return deletions;
}

/** Whether `word` is a word of some entry's name. */
export function isNameWord(word: string, kb: KnowledgeBase): boolean {
  return tableOf(kb).known.has(word);
}

/**
 * The indexed word a mistyped word most likely is, if one is within the typo budget.
 * Candidates are found by a few map look-ups (the word's own deletions, and theirs for a
 * budget of two) rather than by comparing with every word; each is then checked by edit distance.
 */
export function correct(word: string, index: Map<string, string[]>): string | undefined {
  const budget = spotBudget(word);
  if (budget === 0 || /\d/.test(word)) return undefined;
  const probes = new Set([word, ...deletionsOf(word)]);
  if (budget > 1) for (const variant of [...probes]) for (const shorter of deletionsOf(variant)) probes.add(shorter);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const probe of probes) {
    for (const candidate of index.get(probe) ?? []) {
      if (candidate === best) continue;
      const distance = editDistance(word, candidate, budget);
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return bestDistance <= budget ? best : undefined;
}

/** Content words with their positions in the message. */
interface Slot {
  word: string;
  at: number;
  fuzzy: boolean;
}

/** The name `span` is with one short word mistyped ("seed not led", "inpt legitimacy"), if exactly one fits. */
function nearName(span: readonly Slot[], table: NameTable): string[] | undefined {
  if (span.length < 2) return undefined;
  const fits = (table.byLength.get(span.length) ?? []).filter((name) => {
    const differing = name.filter((word, index) => word !== span[index]?.word);
    if (differing.length !== 1) return false;
    const index = name.indexOf(differing[0] as string);
    const typed = span[index]?.word ?? "";
    return typed.length >= 3 && editDistance(typed, differing[0] as string, 1) <= 1;
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** Entries named in `words`, longest name first, without overlaps. */
export function spotEntries(words: readonly string[], kb: KnowledgeBase): Mention[] {
  const table = tableOf(kb);
  const slots: Slot[] = [];
  words.forEach((word, at) => {
    if (FILLER.has(word)) return;
    if (table.known.has(word) || STOP_WORDS.has(word)) return void slots.push({ word, at, fuzzy: false });
    const corrected = correct(word, table.deletions);
    slots.push(corrected ? { word: corrected, at, fuzzy: true } : { word, at, fuzzy: false });
  });
  const mentions: Mention[] = [];
  for (let i = 0; i < slots.length; ) {
    let found: Mention | undefined;
    for (let length = Math.min(table.longest + 1, slots.length - i); length > 0 && !found; length--) {
      const span = slots.slice(i, i + length);
      const phrase = span.map((slot) => slot.word).join(" ");
      const first = span[0] as Slot;
      const last = span[span.length - 1] as Slot;
      // Squashed over every word typed, fillers too: "se for all" is SEforALL.
      const typed = words.slice(first.at, last.at + 1).join("");
      const near = nearName(span, table);
      const ids = table.phrases.get(phrase) ?? table.squashed.get(phrase.replace(/ /g, "")) ?? table.squashed.get(typed) ?? table.phrases.get(typed) ?? (near && table.phrases.get(near.join(" ")));
      const id = ids?.[0];
      if (id === undefined) continue;
      const fuzzy = span.some((slot) => slot.fuzzy) || (near !== undefined && !table.phrases.has(phrase));
      found = { start: first.at, end: last.at + 1, kind: table.kinds.get(id) as Kind, id, ...(fuzzy ? { fuzzy: true } : {}) };
      i += length;
    }
    if (found) mentions.push(found);
    else i += 1;
  }
  return [...sharedHeadNouns(words, mentions, table), ...mentions].sort((a, b) => a.start - b.start);
}

const JOINERS = new Set(["vs", "versus", "and", "or"]);

/** "geopolitical vs global threats", "input and output legitimacy": the first name shares the second's last words. */
function sharedHeadNouns(words: readonly string[], mentions: readonly Mention[], table: NameTable): Mention[] {
  return mentions.flatMap((mention) => {
    const modifier = words[mention.start - 2];
    if (mention.end - mention.start < 2 || !JOINERS.has(words[mention.start - 1] ?? "") || modifier === undefined) return [];
    if (mentions.some((other) => other.end > mention.start - 2 && other.start <= mention.start - 2)) return [];
    const ids = table.phrases.get([modifier, ...words.slice(mention.start + 1, mention.end)].filter((word) => !FILLER.has(word)).join(" "));
    const id = ids?.[0];
    return id === undefined || id === mention.id ? [] : [{ start: mention.start - 2, end: mention.start - 1, kind: table.kinds.get(id) as Kind, id }];
  });
}

/** Plain words for each filter criterion (`key:value`), beside the schema's own labels. */
const CRITERION_WORDS: Record<string, readonly string[]> = {
  "sector:philanthropy": ["philanthropy", "philanthropies", "philanthropic", "foundations", "foundation", "philanthropists", "gates"],
  "sector:private_sector": ["private sector", "business", "businesses", "companies", "company", "firms", "corporations", "industry", "corporate"],
  "sector:civil_society": ["civil society", "ngos", "ngo", "nonprofits", "charities", "non governmental"],
  "sector:technical_academic": ["academics", "academic", "academia", "universities", "researchers", "technical community", "scientists"],
  "sector:international_organisations": ["international organisations", "international organizations", "international bodies", "multilateral organisations", "un agencies"],
  "sector:governments": ["governments", "national governments"],
  "all:true": ["all partnerships", "every partnership", "all the partnerships", "list of partnerships", "list partnerships"],
  "measurable:true": ["measurable", "quantifiable", "quantified", "measurable goals", "targets", "metrics", "numbers"],
  "governance:un": ["un body", "un bodies", "un agency", "un agencies", "united nations body", "united nations bodies", "united nations agency", "united nations agencies", "un process", "un processes", "united nations process", "united nations processes"],
  "governance:multilateral-bank": ["multilateral bank", "multilateral banks", "development bank", "development banks", "banks"],
  "governance:public-private-partnership": ["public private", "public private partnership", "public private partnerships", "ppp", "ppps"],
  "governance:treaty-organisation": ["treaty organisation", "treaty organisations", "treaty organization", "treaty organizations", "treaty based", "treaties"],
  "governance:intergovernmental-forum": ["intergovernmental forum", "intergovernmental forums", "intergovernmental"],
  "governance:multistakeholder-forum": ["multistakeholder forum", "multistakeholder forums"],
  "governance:network": ["network", "networks"],
  "governance:independent-organisation": ["independent organisation", "independent organisations", "independent organization"],
};

/** What the U.S. does in a partnership, said around "US"/"America": "the US leads", "leave the US out". */
const US_ROLE_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:leave|leaves|left|leaving|without|exclude|excludes|excluding|outside)\b.*\bunited states\b|\bunited states\b.*\b(?:outside|out|not in|stays out|excluded)\b/, "outside"],
  [/\bunited states\b.*\bno role\b|\bno\b.*\bunited states role\b|\bunited states\b.*\bhas no\b/, "none"],
  [/\bunited states\b.*\b(?:leads?|leading|led|chairs?|in charge)\b|\b(?:led|run) by\b.*\bunited states\b/, "leads"],
  [/\bunited states\b.*\b(?:no longer|stopped|withheld|withholds|cut|halted|suspended|pull|pulled)\b|\b(?:withheld|cut|stopped) by\b.*\bunited states\b/, "withheld"],
  [/\bunited states\b.*\b(?:funds?|funding|funder|pays|finances?)\b|\bfunded by\b.*\bunited states\b/, "funder"],
  [/\bunited states\b.*\bmember\b|\bmember\b.*\bunited states\b/, "member"],
];

/** SDG numbers: "sdg 7", "sdg7", "goal 16", "sdgs 3". */
const SDG_NUMBER = /^(?:sdgs?|goal|goals)(\d{1,2})?$/;

/** Threats by the phrases people use for them. */
const THREAT_PHRASES = new Map<string, string>(
  THREATS.flatMap((threat) => [threatLabel(threat), ...THREAT_WORDS[threat]].map((phrase) => [contentWords(normalize(phrase).split(" ")).join(" "), threat] as const)),
);
THREAT_PHRASES.set("security", "major-power-competition");
THREAT_PHRASES.set("great power rivalry", "major-power-competition");

const CRITERION_PHRASES = new Map<string, string>(
  Object.entries(CRITERION_WORDS).flatMap(([criterion, phrases]) => phrases.map((phrase) => [contentWords(normalize(phrase).split(" ")).join(" "), criterion] as const)),
);
for (const type of GOVERNANCE_TYPES) CRITERION_PHRASES.set(type.replace(/-/g, " "), `governance:${type}`);

const GAP_WORDS = new Set(["gaps", "gap", "uncovered", "nobody", "neglected", "orphan", "orphaned", "missing", "without", "lack", "lacking"]);

/** Phrase matches of `phrases` in `words`, longest first, as mentions of `kind`. */
function spotPhrases(words: readonly string[], phrases: Map<string, string>, kind: TopicKind): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let length = Math.min(4, words.length - i); length > 0; length--) {
      const id = phrases.get(words.slice(i, i + length).join(" "));
      if (id === undefined) continue;
      mentions.push({ start: i, end: i + length, kind, id });
      i += length - 1;
      break;
    }
  }
  return mentions;
}

/** Topics named in `words`: threats, SDGs, filter criteria, and "gaps". */
export function spotTopics(words: readonly string[]): Mention[] {
  const mentions = [...spotPhrases(words, THREAT_PHRASES, "threat"), ...spotPhrases(words, CRITERION_PHRASES, "criterion")];
  words.forEach((word, at) => {
    const sdg = SDG_NUMBER.exec(word);
    if (!sdg) return;
    const number = sdg[1] ?? (/^\d{1,2}$/.test(words[at + 1] ?? "") ? words[at + 1] : undefined);
    if (number !== undefined && Number(number) >= 1 && Number(number) <= 17) mentions.push({ start: at, end: at + (sdg[1] ? 1 : 2), kind: "sdg", id: String(Number(number)) });
  });
  const text = words.join(" ");
  for (const [pattern, role] of US_ROLE_PATTERNS) {
    if (!pattern.test(text)) continue;
    const at = words.indexOf("united");
    mentions.push({ start: at, end: at + 2, kind: "criterion", id: `us_role:${role}` });
    break;
  }
  const gap = words.findIndex((word) => GAP_WORDS.has(word)) ;
  const noPartnership = /\bno (?:partnerships?|one|coverage)\b|\bnot covered\b|\bnobody\b/.test(text);
  if (gap !== -1 || noPartnership) mentions.push({ start: Math.max(gap, 0), end: Math.max(gap, 0) + 1, kind: "gaps", id: "gaps" });
  return mentions;
}

const goalNames = new WeakMap<KnowledgeBase, Map<string, string>>();

/** SDGs named by their names ("gender equality", "clean water and sanitation"), as `sdg` mentions. */
export function spotGoalNames(words: readonly string[], kb: KnowledgeBase): Mention[] {
  let phrases = goalNames.get(kb);
  if (!phrases) {
    phrases = new Map(sdgGoals(kb).map((goal) => [contentWords(readWords(goal.name)).join(" "), String(goal.number)]));
    goalNames.set(kb, phrases);
  }
  return spotPhrases(words, phrases, "sdg");
}
