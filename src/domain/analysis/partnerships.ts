/**
 * Facts about partnerships that several analyst commands state the same way: how many
 * goals are measurable, what results are on record, which stakeholder categories are
 * covered, and which partnerships an entry is linked to.
 */
import type { KnowledgeBase } from "../../knowledge/base.js";
import { normalize } from "../../knowledge/normalize.js";
import {
  currentUsRole,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_LABELS,
  type Entry,
  type EntryOf,
  type StakeholderCategory,
  US_ROLE_LABELS,
} from "../../knowledge/schema.js";
import { plural } from "./text.js";

export type Partnership = EntryOf<"partnership">;

export function measurableGoals(partnership: Partnership) {
  return partnership.goals.filter((goal) => goal.measurable);
}

/** Deadline years of the measurable goals, earliest first, without repeats. */
function deadlines(partnership: Partnership): number[] {
  const years = measurableGoals(partnership).flatMap((goal) => (goal.deadline === undefined ? [] : [goal.deadline]));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** "3 of 3 goals measurable, with deadlines (2030)" or "its one goal is not measurable". */
export function goalsSummary(partnership: Partnership): string {
  const total = partnership.goals.length;
  const measurable = measurableGoals(partnership).length;
  if (total === 0) return "no goals recorded";
  if (measurable === 0) return total === 1 ? "its one goal is not measurable" : `none of its ${total} goals is measurable`;
  return `${measurable} of ${plural(total, "goal")} measurable, with deadlines (${deadlines(partnership).join(", ")})`;
}

/** "3 results reported with figures (as of 2024)" or "no results with figures recorded". */
export function resultsSummary(partnership: Partnership): string {
  const { results } = partnership;
  if (results.length === 0) return "no results with figures recorded";
  const years = [...new Set(results.map((result) => result.as_of))].sort((a, b) => a - b);
  return `${plural(results.length, "result")} reported with figures (as of ${years.join(", ")})`;
}

export function resultLine(result: Partnership["results"][number]): string {
  return `${result.figure}: ${result.text} (as of ${result.as_of})`;
}

/** One line for lists of partnerships: what it can be held to and what it has shown. */
export function partnershipLine(partnership: Partnership): string {
  return `${partnership.title}: ${goalsSummary(partnership)}; ${resultsSummary(partnership)}; U.S. role: ${currentUsRoleLabel(partnership)}`;
}

/** The current U.S. role in a few words, as of the entry's date: "funder", "not recorded". */
export function currentUsRoleLabel(partnership: Partnership): string {
  const spell = currentUsRole(partnership);
  return spell.note ?? US_ROLE_LABELS[spell.role].toLowerCase();
}

/** Those that can be held to account first: more measurable goals, then more results. */
export function byAccountability(partnerships: readonly Partnership[]): Partnership[] {
  return [...partnerships].sort(
    (a, b) => measurableGoals(b).length - measurableGoals(a).length || b.results.length - a.results.length,
  );
}

export interface Coverage {
  /** Categories with members on record. */
  covered: StakeholderCategory[];
  /** Categories the sources show to have no members. */
  none: StakeholderCategory[];
  /** Categories the sources say nothing about: no conclusion can be drawn. */
  unrecorded: StakeholderCategory[];
}

/** Which of the six stakeholder categories have members, have none, or are not recorded. */
export function stakeholderCoverage(partnership: Partnership): Coverage {
  const members = (category: StakeholderCategory) => partnership.members[category];
  return {
    covered: STAKEHOLDER_CATEGORIES.filter((category) => (members(category)?.length ?? 0) > 0),
    none: STAKEHOLDER_CATEGORIES.filter((category) => members(category)?.length === 0),
    unrecorded: STAKEHOLDER_CATEGORIES.filter((category) => members(category) === undefined),
  };
}

export function categoryLabels(categories: readonly StakeholderCategory[]): string {
  return categories.map((category) => STAKEHOLDER_LABELS[category]).join(", ");
}

/** Names shorter than this (e.g. "US") match too many member descriptions by accident. */
const MIN_MEMBER_NAME_LENGTH = 4;

/** True when a partnership lists the entry (by title or a longer alias) among its members. */
function listsAsMember(partnership: Partnership, entry: Entry): boolean {
  const names = [entry.title, ...entry.aliases]
    .map(normalize)
    .filter((name) => name.length >= MIN_MEMBER_NAME_LENGTH);
  const members = STAKEHOLDER_CATEGORIES.flatMap((category) => partnership.members[category] ?? []).map(
    (member) => ` ${normalize(member)} `,
  );
  return names.some((name) => members.some((member) => member.includes(` ${name} `)));
}

/**
 * Partnerships an entry is linked to: itself, those it names (related, examples), those
 * that name it, and those that list it as a member (India → the Quad, the AIIB).
 */
export function partnershipsLinkedTo(kb: KnowledgeBase, entry: Entry): Partnership[] {
  const named = new Set([...entry.related, ...(entry.kind === "concept" ? entry.examples : [])]);
  return kb
    .ofKind("partnership")
    .filter(
      (partnership) =>
        partnership.id === entry.id ||
        named.has(partnership.id) ||
        partnership.related.includes(entry.id) ||
        listsAsMember(partnership, entry),
    )
    .sort((a, b) => Number(b.id === entry.id) - Number(a.id === entry.id));
}
