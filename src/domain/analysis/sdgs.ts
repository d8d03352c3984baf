/**
 * The 17 Sustainable Development Goals, as the knowledge base records them (Agenda 2030's
 * `numbered_goals`), finding a goal by number or name, and the partnerships mapped to it.
 */
import Fuse from "fuse.js";
import type { KnowledgeBase } from "../../knowledge/base.js";
import { normalize, STOP_WORDS } from "../../knowledge/normalize.js";
import type { EntryOf } from "../../knowledge/schema.js";
import type { Partnership } from "./partnerships.js";

export interface Sdg {
  number: number;
  name: string;
}

/** The document that sets the SDGs: the one with numbered goals. */
export function sdgDocument(kb: KnowledgeBase): EntryOf<"document"> | undefined {
  return kb.ofKind("document").find((document) => document.numbered_goals.length > 0);
}

export function sdgGoals(kb: KnowledgeBase): Sdg[] {
  return [...(sdgDocument(kb)?.numbered_goals ?? [])].sort((a, b) => a.number - b.number);
}

/**
 * Partnerships mapped to every goal (the UN itself): they say nothing about which goals
 * have a partnership of their own, so lists and gaps keep them apart.
 */
export function generalPartnerships(kb: KnowledgeBase, goals: readonly Sdg[]): Partnership[] {
  return kb
    .ofKind("partnership")
    .filter((partnership) => goals.length > 0 && goals.every((goal) => partnership.sdgs.includes(goal.number)));
}

/** Partnerships mapped to this goal, other than those mapped to every goal. */
export function partnershipsFor(kb: KnowledgeBase, number: number, goals: readonly Sdg[]): Partnership[] {
  const general = new Set(generalPartnerships(kb, goals).map((partnership) => partnership.id));
  return kb.ofKind("partnership").filter((partnership) => partnership.sdgs.includes(number) && !general.has(partnership.id));
}

/** "sdg 7", "SDG7", "goal 7", "#7", "7". */
const SDG_NUMBER = /^(?:sdg|sdgs|goal|sustainable development goal)?\s*#?\s*(\d{1,3})$/;

export interface SdgMatch {
  goal: Sdg;
  /** Other goals the words fit as well ("life" → 14 and 15). */
  others: Sdg[];
}

/**
 * The goal a phrase names: its number, or words of its name ("clean energy", "hunger").
 * `undefined` when nothing fits; a number outside the list fits nothing.
 */
export function findSdg(goals: readonly Sdg[], text: string): SdgMatch | undefined {
  const cleaned = normalize(text).replace(/^(?:the\s+)?(?:sdg|sdgs|goal)\s+(?=\D)/, "");
  const number = SDG_NUMBER.exec(cleaned)?.[1];
  if (number !== undefined) {
    const goal = goals.find((candidate) => candidate.number === Number(number));
    return goal ? { goal, others: [] } : undefined;
  }
  const words = cleaned.split(" ").filter((word) => word && !STOP_WORDS.has(word));
  if (words.length === 0) return undefined;
  const fits = goals.filter((goal) => {
    const nameWords = normalize(goal.name).split(" ");
    return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
  });
  const [goal, ...others] = fits;
  return goal ? { goal, others } : undefined;
}

/** The closest goal to a mistyped name, for "did you mean". */
export function guessSdg(goals: readonly Sdg[], text: string): Sdg | undefined {
  const fuse = new Fuse([...goals], { keys: ["name"], threshold: 0.4, ignoreLocation: true });
  return fuse.search(normalize(text))[0]?.item;
}
