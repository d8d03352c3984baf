/**
 * What of a reply to show at the length asked for: the one function every renderer (plain
 * text, JSON, Slack, Discord) calls, so they all agree on what the first screen holds and
 * on whether there is more behind "More".
 */
import { DEFAULT_LENGTH, type Length } from "./length.js";
import type { Field, Reply, Section } from "./reply.js";
import { firstSentence } from "./sentence.js";

/** Characters of answer (lead, fields, sections; not the title or sources) on a first screen. */
export const FIRST_SCREEN_MAX = 500;

export interface Screen {
  /** The reply cut to what is shown: render it as it is. */
  reply: Reply;
  /** Something was left out: offer "More". */
  more: boolean;
}

const inFull = <T extends { firstScreen?: string }>(part: T) => part.firstScreen !== "only";
const onFirstScreen = <T extends { firstScreen?: string }>(part: T) => part.firstScreen !== undefined;

const sectionLength = (section: Section) =>
  (section.heading?.length ?? 0) + (section.text?.length ?? 0) + (section.items ?? []).reduce((sum, item) => sum + item.length + 3, 0);
const fieldLength = (field: Field) => field.label.length + field.value.length + 2;

/** At most `points` items in each list. */
const limitItems = (sections: readonly Section[], points: number | undefined): Section[] =>
  points === undefined ? [...sections] : sections.map((section) => (section.items ? { ...section, items: section.items.slice(0, points) } : section));

/** What of `section` fits in `left` characters: all of it, or its heading and text with the items that fit. */
function partOf(section: Section, left: number): Section | undefined {
  if (sectionLength(section) <= left) return section;
  let room = left - (section.heading?.length ?? 0) - (section.text?.length ?? 0);
  const items: string[] = [];
  for (const item of section.items ?? []) {
    if (item.length + 3 > room) break;
    items.push(item);
    room -= item.length + 3;
  }
  return items.length > 0 ? { ...section, items } : undefined;
}

/** Fields, then sections, in order, while they fit the budget after the lead; the first section that does not fit whole ends the screen. */
function fill(lead: string | undefined, fields: readonly Field[], sections: readonly Section[]): { fields: Field[]; sections: Section[] } {
  let left = FIRST_SCREEN_MAX - (lead?.length ?? 0);
  const shownFields = fields.filter((field) => (fieldLength(field) <= left ? ((left -= fieldLength(field)), true) : false));
  const shownSections: Section[] = [];
  for (const section of sections) {
    const part = partOf(section, left);
    if (part) {
      shownSections.push(part);
      left -= sectionLength(part);
    }
    if (part !== section) break;
  }
  return { fields: shownFields, sections: shownSections };
}

/**
 * The first screen: the parts marked for it or, in a reply with no marks (search results,
 * comparisons), everything in order, as much as fits.
 */
function firstScreen(reply: Reply, points: number | undefined): { fields: Field[]; sections: Section[] } {
  const marked = reply.fields.some(onFirstScreen) || reply.sections.some(onFirstScreen);
  if (!marked && reply.lead === undefined) return fill(undefined, reply.fields, limitItems(reply.sections, points));
  return fill(reply.lead, reply.fields.filter(onFirstScreen), limitItems(reply.sections.filter(onFirstScreen), points));
}

/** Characters of answer a screen shows: its lead, fields and sections (not its title or sources). */
export function screenLength(reply: Pick<Reply, "lead" | "fields" | "sections">): number {
  return (reply.lead?.length ?? 0) + reply.fields.reduce((sum, field) => sum + fieldLength(field), 0) + reply.sections.reduce((sum, section) => sum + sectionLength(section), 0);
}

/** The lead, else the first paragraph the reply has. */
function leadOf(reply: Reply): string | undefined {
  return reply.lead ?? reply.sections.find((section) => section.text)?.text ?? reply.sections[0]?.items?.[0];
}

const itemCount = (sections: readonly Section[]) => sections.reduce((sum, section) => sum + 1 + (section.items?.length ?? 0), 0);

/** The reply as shown at `length` (by default the length it was asked at). */
export function screenOf(reply: Reply, length: Length = reply.length ?? DEFAULT_LENGTH): Screen {
  const full: Reply = { ...reply, fields: reply.fields.filter(inFull), sections: reply.sections.filter(inFull) };
  if (length.form === "full" || !reply.ok) return { reply: full, more: false };
  const shown = { ...reply, compactSources: true };
  if (length.form === "short") {
    const { fields, sections } = firstScreen(reply, length.points);
    const more = fields.filter(inFull).length < full.fields.length || itemCount(sections.filter(inFull)) < itemCount(full.sections);
    return { reply: { ...shown, fields, sections }, more };
  }
  const lead = leadOf(reply);
  const text = lead === undefined ? undefined : length.form === "line" ? firstSentence(lead) : lead;
  const rest = { ...shown, lead: undefined, fields: [], sections: text === undefined ? [] : [{ text }] };
  return { reply: rest, more: screenLength(full) > screenLength(rest) };
}
