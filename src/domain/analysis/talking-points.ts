/**
 * What a diplomat can say, ask and expect about a partnership, composed from its recorded
 * goals, results, legitimacy and U.S. role: claims and asks, never definitions. Used by the
 * brief; every sentence is built from fields of the knowledge base, nothing is invented.
 */
import type { KnowledgeBase } from "../../knowledge/base.js";
import { currentUsRole, type Entry, type EntryOf, type US_ROLES } from "../../knowledge/schema.js";
import { formatDate } from "../cards.js";
import { assessLegitimacy } from "./legitimacy.js";
import { measurableGoals, type Partnership } from "./partnerships.js";

type Actor = EntryOf<"actor">;
type Result = Partnership["results"][number];

/** The actor entry for the United States: its positions are ours, not a counterpart's. */
const UNITED_STATES = "united-states";

/** "Children protected …" → "children protected …", leaving acronyms and names ("COVID-19", "WHO") alone. */
const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

const resultPhrase = (result: Result) => `${result.figure} ${lowerFirst(result.text)} (${result.as_of})`;

/** Titles longer than this are shortened to a one-word alias in talking points, if the entry has one. */
const LONG_TITLE = 20;

/** What people call it: "Gavi", "the Quad"'s "Quad", "AIIB"; the title when it is short or has no one-word alias. */
function shortName(entry: Entry): string {
  const alias = entry.aliases.find((candidate) => !/\s/.test(candidate));
  return entry.title.length > LONG_TITLE && alias ? alias : entry.title;
}

/** The year an entry's facts are current to. */
const yearOf = (entry: Entry) => Number(entry.as_of.slice(0, 4));

/** Whether it can be judged on results, in one claim: its measurable target and what it reports against it. */
export function accountabilityClaim(partnership: Partnership): string {
  const goal = measurableGoals(partnership)[0];
  const result = partnership.results[0];
  const title = shortName(partnership);
  const target = goal && `${lowerFirst(goal.target ?? goal.text)} by ${goal.deadline}`;
  if (target && result) return `${title} can be judged on results: it has committed to ${target}, and reports ${resultPhrase(result)}.`;
  if (target) return `${title} can be judged on results: it has committed to ${target}; no results against that target are recorded.`;
  if (result) return `${title} reports ${resultPhrase(result)}, but sets no measurable goal with a deadline to judge that against.`;
  return `Ask ${title} for a measurable goal with a deadline: none is recorded, so its results cannot be judged.`;
}

/** Which legitimacy it rests on, as a claim about it: "Gavi rests mainly on output …". */
export function legitimacyClaim(partnership: Partnership): string {
  const basis = assessLegitimacy(partnership).basis;
  // "Rests mainly on …" and "Sets measurable goals …" read on with the name as subject.
  return /^(?:Rests|Sets)\b/.test(basis) ? `${shortName(partnership)} ${lowerFirst(basis)}` : `${shortName(partnership)}: ${basis}`;
}

const US_ROLE_PHRASES: Record<(typeof US_ROLES)[number], (title: string) => string> = {
  leads: (title) => `leads ${title}`,
  member: (title) => `member of ${title}`,
  funder: (title) => `funds ${title}`,
  withheld: (title) => `withholds funding from ${title}`,
  withdrawn: (title) => `withdrew from ${title}`,
  outside: (title) => `stays outside ${title}`,
  none: (title) => `no role in ${title}`,
  unknown: (title) => `role in ${title} not recorded`,
};

/** The current U.S. role in one partnership, dated: "withholds funding from Gavi (since June 2025)". */
function usRoleNow(partnership: Partnership): string {
  const spell = currentUsRole(partnership);
  const when = spell.since ? `since ${formatDate(spell.since)}` : `as of ${formatDate(partnership.as_of)}`;
  return `${US_ROLE_PHRASES[spell.role](shortName(partnership))} (${when})`;
}

/** "Member of Quad (as of 2024); stays outside AIIB (since 2015)": the U.S. role now in each, with its date. */
export function usPosition(partnerships: readonly Partnership[]): string | undefined {
  if (partnerships.length === 0) return undefined;
  const roles = partnerships.map(usRoleNow).join("; ");
  return `${roles.charAt(0).toUpperCase()}${roles.slice(1)}`;
}

/** Questions the record leaves open: targets without results, no targets, a United States outside. */
export function openQuestions(partnerships: readonly Partnership[]): string[] {
  return partnerships.flatMap((partnership) => {
    const goal = measurableGoals(partnership)[0];
    const name = shortName(partnership);
    const target = goal && `${lowerFirst(goal.target ?? goal.text)} by ${goal.deadline}`;
    const questions: string[] = [];
    if (goal && target && partnership.results.length === 0) {
      questions.push(
        goal.deadline !== undefined && goal.deadline <= yearOf(partnership)
          ? `Did ${name} meet its target of ${target}? No result is recorded.`
          : `What has ${name} delivered toward ${target}? No results are recorded yet.`,
      );
    }
    if (!goal) questions.push(`Would ${name} commit to a measurable goal with a deadline?`);
    const role = currentUsRole(partnership).role;
    if (role === "outside" || role === "none" || role === "withdrawn") {
      questions.push(`Can Washington shape ${name} from outside, through partners who are members?`);
    }
    return questions;
  });
}

/**
 * Positions others are likely to take: the entry itself if it is a state or person other
 * than the United States, then the actors linked to it or to its partnerships.
 */
export function counterpartPositions(kb: KnowledgeBase, entry: Entry | undefined, partnerships: readonly Partnership[]): string[] {
  const ids = [...(entry ? [entry.id, ...entry.related] : []), ...partnerships.flatMap((partnership) => partnership.related)];
  const actors = [...new Set(ids)]
    .map((id) => kb.get(id))
    .filter((candidate): candidate is Actor => candidate?.kind === "actor" && candidate.id !== UNITED_STATES && candidate.positions.length > 0);
  return actors.map((actor) => `${actor.title}: ${actor.positions[0]}`);
}
