/**
 * Neutral Reply → a Discord message: the first screen as embeds (title, the lead as the
 * description, key fields, a footer that cites the sources in short) with "More" and "Copy
 * as text" buttons, or the full reply once asked; rows of "did you mean" buttons. Everything
 * is escaped, and everything fits Discord's limits, so a reply never turns into an API error.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import { renderMarkdown } from "../../core/render-markdown.js";
import { askFor, sourceLines, type EntryRef, type Reply } from "../../core/reply.js";
import { screenOf } from "../../core/screen.js";
import { pack, truncate } from "../shared/text-fit.js";
import { escapeMarkdown, neutraliseMentions } from "./text.js";

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values and footers of all embeds of one message. */
  embedTotal: 6000,
  embeds: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

/** Field values up to this length sit side by side; longer ones get a full line. */
const INLINE_FIELD_MAX = 40;
export const COLORS = { answer: 0x1f4e79, error: 0xb3261e } as const;
/** Button custom ids: this prefix, then the message the suggestion runs (`askFor`). */
export const ASK_PREFIX = "ask:";
const TRUNCATED_NOTE = "(shortened to fit in Discord)";
/** Kept free in every message so the note always fits after whatever was cut. */
const NOTE_ROOM = TRUNCATED_NOTE.length + 1;

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Characters still allowed across the embeds of one message. */
class Budget {
  constructor(private left: number) {}

  fits(length: number): boolean {
    return length <= this.left;
  }

  /** Sets characters aside for something added later. */
  reserve(length: number): void {
    this.left -= length;
  }

  /** `text` cut to its own limit and to what is left, or undefined when nothing fits. */
  take(text: string, limit: number): string | undefined {
    const fitted = truncate(text, Math.min(limit, this.left));
    if (!fitted) return undefined;
    this.left -= fitted.length;
    return fitted;
  }
}

/** The description's paragraphs, escaped: the lead, then each section's bold heading, text and bullets. */
function descriptionBlocks(reply: Reply): string[] {
  if (!reply.ok) return [escapeMarkdown(reply.error?.message ?? "Something went wrong.")];
  const lead = reply.lead ? [escapeMarkdown(reply.lead)] : [];
  return [...lead, ...reply.sections.flatMap((section) => {
    const lines = [
      ...(section.heading ? [`**${escapeMarkdown(section.heading)}**`] : []),
      ...(section.text ? [escapeMarkdown(section.text)] : []),
      ...(section.items ?? []).map((item) => `• ${escapeMarkdown(item)}`),
    ];
    return lines.length > 0 ? [lines.join("\n")] : [];
  })];
}

function sourcesFooter(reply: Reply): string | undefined {
  if (reply.sources.length === 0) return undefined;
  const label = reply.sources.length === 1 ? "Source" : "Sources";
  // Footers show no markdown, so sources are only neutralised, not escaped.
  return neutraliseMentions(`${label}:\n${sourceLines(reply).join("\n")}`);
}

/** A button that asks `message` when pressed; none if the message does not fit a custom id. */
function askButton(
  message: string | undefined,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponentWithCustomId | undefined {
  const customId = `${ASK_PREFIX}${message}`;
  if (!message?.trim() || customId.length > LIMITS.customId) return undefined;
  // Button labels show no markdown either.
  return { type: ComponentType.Button, style, custom_id: customId, label: truncate(neutraliseMentions(label), LIMITS.buttonLabel) };
}

/** "More" when the screen left something out, "Copy as text" when the answer can be pasted. */
function actionRow(reply: Reply, more: boolean): ButtonRow[] {
  const buttons = [
    ...(more ? [askButton(reply.expand, "More", ButtonStyle.Primary)] : []),
    ...(reply.ok && reply.copy !== reply.expand ? [askButton(reply.copy, "Copy as text")] : []),
  ].filter((button) => button !== undefined);
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** "Did you mean" buttons, one per suggestion (a custom id must be unique in a message), in at most `rows` rows. */
export function suggestionRows(suggestions: readonly EntryRef[], maxRows: number = LIMITS.actionRows): ButtonRow[] {
  const buttons = new Map<string, APIButtonComponentWithCustomId>();
  for (const ref of suggestions) {
    const button = askButton(askFor(ref), `${ref.title} (${ref.kind})`);
    if (button && !buttons.has(button.custom_id)) buttons.set(button.custom_id, button);
  }
  const all = [...buttons.values()].slice(0, maxRows * LIMITS.buttonsPerRow);
  const rows: ButtonRow[] = [];
  for (let start = 0; start < all.length; start += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: all.slice(start, start + LIMITS.buttonsPerRow) });
  }
  return rows;
}

function fields(reply: Reply, budget: Budget): APIEmbedField[] {
  const result: APIEmbedField[] = [];
  for (const field of reply.fields.slice(0, LIMITS.embedFields)) {
    const name = budget.take(escapeMarkdown(field.label) || "\u2014", LIMITS.fieldName);
    const value = name && budget.take(escapeMarkdown(field.value) || "\u2014", LIMITS.fieldValue);
    if (!name || !value) break;
    result.push({ name, value, inline: field.value.length <= INLINE_FIELD_MAX });
  }
  return result;
}

/**
 * The description chunks that fit in what is left of the message budget. When some do
 * not, the text is cut on a boundary and a note says so, so nobody mistakes it for all.
 */
function fitDescriptions(chunks: readonly string[], budget: Budget): string[] {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (chunks.length <= LIMITS.embeds && budget.fits(length)) {
    budget.reserve(length);
    return [...chunks];
  }
  const note = `\n${TRUNCATED_NOTE}`;
  const kept: string[] = [];
  for (const chunk of chunks.slice(0, LIMITS.embeds)) {
    const fitted = budget.take(chunk, LIMITS.embedDescription);
    if (fitted === undefined) break;
    kept.push(fitted);
    if (fitted !== chunk) break;
  }
  const last = kept.pop();
  kept.push(last === undefined ? TRUNCATED_NOTE : `${truncate(last, LIMITS.embedDescription - note.length)}${note}`);
  return kept;
}

/**
 * One message for one reply. The first embed has the title and fields, the last the
 * sources; a long description continues in further embeds. What cannot fit in the
 * 6000-character message budget is cut on a line boundary, with a note saying so.
 * Fields beyond 25 are dropped (cards have a handful).
 */
export function renderReply(reply: Reply): DiscordMessage {
  if (reply.format === "markdown" && reply.ok) return pasteMessage(reply);
  const { reply: shown, more } = screenOf(reply);
  const budget = new Budget(LIMITS.embedTotal - NOTE_ROOM);
  const title = shown.title ? budget.take(escapeMarkdown(shown.title), LIMITS.embedTitle) : undefined;
  const footer = sourcesFooter(shown);
  const footerText = footer ? budget.take(footer, LIMITS.footer) : undefined;
  const embedFields = fields(shown, budget);

  const descriptions = fitDescriptions(pack(descriptionBlocks(shown), LIMITS.embedDescription), budget);
  if (!title && descriptions.length === 0 && embedFields.length === 0) descriptions.push("Nothing to show.");

  const color = reply.ok ? COLORS.answer : COLORS.error;
  const embeds: APIEmbed[] = (descriptions.length > 0 ? descriptions : [undefined]).map((description, index) => ({
    color,
    ...(index === 0 && title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(index === 0 && embedFields.length > 0 ? { fields: embedFields } : {}),
  }));
  const last = embeds.at(-1);
  if (last && footerText) last.footer = { text: footerText };
  const actions = actionRow(reply, more);
  const suggestions = reply.ok ? suggestionRows(shown.suggestions, LIMITS.actionRows - actions.length) : [];
  return { embeds, components: [...suggestions, ...actions] };
}

/**
 * Paste-ready Markdown: Discord shows it formatted and "Copy Text" copies the Markdown itself.
 * Our own text, from the knowledge base; mentions are still neutralised.
 */
function pasteMessage(reply: Reply): DiscordMessage {
  const budget = new Budget(LIMITS.embedTotal - NOTE_ROOM);
  const descriptions = fitDescriptions(pack([neutraliseMentions(renderMarkdown(reply))], LIMITS.embedDescription), budget);
  if (descriptions.length === 0) descriptions.push("Nothing to show.");
  return { embeds: descriptions.map((description) => ({ color: COLORS.answer, description })), components: [] };
}

/** A plain message (apologies, notices): escaped and cut to the content limit. */
export function renderNotice(text: string): DiscordMessage {
  return { content: truncate(escapeMarkdown(text), LIMITS.content), embeds: [], components: [] };
}
