/**
 * Mixed benchmark queries drawn from a corpus, the way people type them: a name as written,
 * a name with a slip, a few words from the prose, a name wrapped in a question, and
 * questions Attaché knows nothing about.
 */
import type { Entry } from "../../src/knowledge/schema.js";
import { STOP_WORDS } from "../../src/knowledge/normalize.js";
import { Random } from "./random.js";
import { CITIES, OFF_TOPIC_FRAMES, OFF_TOPIC_SUBJECTS } from "./vocabulary.js";

export const QUERY_MIX = { exact: 25, typo: 25, "multi-word": 20, question: 15, "out-of-domain": 15 } as const;
export type QueryType = keyof typeof QUERY_MIX;

export interface BenchQuery {
  text: string;
  type: QueryType;
}

const QUESTION_FRAMES = ["what is {n}?", "What are {n}?", "tell me about {n}", "explain {n}", "who is {n}?", "what does {n} mean", "{n}?"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One slip a typist makes: a dropped, doubled, swapped or wrong letter. */
function slip(word: string, random: Random): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default:
      return word.slice(0, at) + random.pick([...LETTERS]) + word.slice(at + 1);
  }
}

/** A name with one slip in a word of 5+ letters (two in a word of 9+), as people mistype. */
function misspell(name: string, random: Random): string {
  const words = name.split(" ");
  // Words, not acronyms: nobody "mistypes" NATO into NTAO and expects to be understood.
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^[A-Z]?[a-z]{4,}$/.test(word));
  if (candidates.length === 0) return name;
  const { word, index } = random.pick(candidates);
  let typed = slip(word, random);
  if (word.length >= 9) typed = slip(typed, random);
  words[index] = typed;
  return words.join(" ");
}

/** A word found in more than this share of entries says nothing about any one of them. */
const MAX_TOPICAL_SHARE = 0.1;

const summaryWords = (entry: Entry) =>
  new Set(
    entry.summary
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length > 3 && !STOP_WORDS.has(word)),
  );

/** Summary words that few entries use: what someone looking for a topic would type. */
function topicalWords(entries: readonly Entry[]): (entry: Entry) => string[] {
  const entriesUsing = new Map<string, number>();
  for (const entry of entries) for (const word of summaryWords(entry)) entriesUsing.set(word, (entriesUsing.get(word) ?? 0) + 1);
  const limit = Math.max(2, entries.length * MAX_TOPICAL_SHARE);
  return (entry) => [...summaryWords(entry)].filter((word) => (entriesUsing.get(word) ?? 0) <= limit);
}

function offTopic(random: Random): string {
  return random.pick(OFF_TOPIC_FRAMES).replace("{s}", random.pick(OFF_TOPIC_SUBJECTS)).replace("{c}", random.pick(CITIES));
}

const namesOf = (entry: Entry) => [entry.title, ...entry.aliases];

/** `count` queries over `entries`, in a random order fixed by `seed`. */
export function mixedQueries(entries: readonly Entry[], count: number, seed = 7): BenchQuery[] {
  const random = new Random(seed);
  const topical = topicalWords(entries);
  return Array.from({ length: count }, (): BenchQuery => {
    const type = random.weighted(QUERY_MIX);
    const entry = random.pick(entries);
    const name = random.pick(namesOf(entry));
    switch (type) {
      case "exact":
        return { type, text: name };
      case "typo":
        return { type, text: misspell(random.chance(0.5) ? name : entry.title, random) };
      case "multi-word":
        return { type, text: random.sample(topical(entry), random.int(2, 3)).join(" ") };
      case "question":
        return { type, text: random.pick(QUESTION_FRAMES).replace("{n}", name) };
      case "out-of-domain":
        return { type, text: offTopic(random) };
    }
  });
}
