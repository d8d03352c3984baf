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

/**
 * A reply with no marks (search results, comparisons): the fields and sections that fit
 * the budget, in order; a list that does not fit whole keeps the items that do.
 */
function fitted(reply: Reply, points: number | undefined): { fields: Field[]; sections: Section[] } {
  let left = FIRST_SCREEN_MAX - (reply.lead?.length ?? 0);
  const fields: Field[] = [];
  for (const field of reply.fields) {
    if (fieldLength(field) > left) break;
    fields.push(field);
    left -= fieldLength(field);
  }
  const sections: Section[] = [];
  for (const section of limitItems(reply.sections, points)) {
    if (sectionLength(section) <= left) {
      sections.push(section);
      left -= sectionLength(section);
      continue;
    }
    const items: string[] = [];
    left -= (section.heading?.length ?? 0) + (section.text?.length ?? 0);
    for (const item of section.items ?? []) {
      if (item.length + 3 > left) break;
      items.push(item);
      left -= item.length + 3;
    }
    if (items.length > 0 && left >= 0) sections.push({ ...section, items });
    break;
  }
  return { fields, sections };
}

/** The marked parts, in order, as many as fit the budget after the lead. */
function firstScreen(reply: Reply, points: number | undefined): { fields: Field[]; sections: Section[] } {
  const marked = reply.fields.some(onFirstScreen) || reply.sections.some(onFirstScreen);
  if (!marked && reply.lead === undefined) return fitted(reply, points);
  let left = FIRST_SCREEN_MAX - (reply.lead?.length ?? 0);
  const fits = (length: number) => (length <= left ? ((left -= length), true) : false);
  const sections = limitItems(reply.sections.filter(onFirstScreen), points).filter((section) => fits(sectionLength(section)));
  const fields = reply.fields.filter(onFirstScreen).filter((field) => fits(fieldLength(field)));
  return { fields, sections };
}

/** Characters of answer a screen shows: its lead, fields and sections (not its title or sources). */
export function answerLength(reply: Pick<Reply, "lead" | "fields" | "sections">): number {
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
  return { reply: rest, more: true };
}
