/**
 * The neutral Reply as Slack Block Kit: its first screen (header, lead, key fields, compact
 * sources) with "More" and "Copy as text" buttons, or the full reply once asked; "did you
 * mean" buttons and an optional "Share in channel" button, always with a plain `text` fallback.
 * Reply text is plain, so every piece of it is escaped here (a typed `<!channel>` stays
 * text), and Slack's limits are enforced here: long text is split or shortened on line
 * and word boundaries, with a "…more" note when something had to be left out.
 */
import type { types } from "@slack/bolt";
import { renderMarkdown } from "../../core/render-markdown.js";
import { renderScreen } from "../../core/render-text.js";
import { askFor, byWork, formatSource, sourceLines, webUrl, type EntryRef, type Field, type Reply, type Section, type ReplyError } from "../../core/reply.js";
import { screenOf } from "../../core/screen.js";
import type { Source } from "../../knowledge/schema.js";
import { split, truncate } from "../shared/text-fit.js";

// Slack's Block Kit limits.
export const MAX_BLOCKS = 50;
export const MAX_HEADER_TEXT = 150;
/** Any text object: a section's text, a context element. */
export const MAX_TEXT = 3000;
export const MAX_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_BUTTON_TEXT = 75;
export const MAX_ACTION_VALUE = 2000;
/** Slack refuses messages whose blocks hold more than 12,000 characters of text; stay well below. */
export const MAX_TOTAL_TEXT = 10_000;

// Our own choices.
/** The notification text: Slack allows far more, but no one reads more in a notification. */
export const MAX_FALLBACK_TEXT = 3000;
/** More "did you mean" buttons than this is noise. */
export const MAX_SUGGESTIONS = 5;

export const ASK_ACTION_PREFIX = "attache_ask_";
export const SHARE_ACTION_ID = "attache_share";
/** "More" and "Copy as text" re-ask like a suggestion, so the same handler answers them. */
export const MORE_ACTION_ID = `${ASK_ACTION_PREFIX}more`;
export const COPY_ACTION_ID = `${ASK_ACTION_PREFIX}copy`;

const MORE_NOTE = "_…more: this answer was shortened to fit in a Slack message. Ask about one part of it for the rest._";
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export type SlackBlock = types.HeaderBlock | types.SectionBlock | types.ContextBlock | types.ActionsBlock;

export interface SlackMessage {
  /** Plain fallback, shown in notifications and by clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
}

export interface RenderOptions {
  /** Adds a "Share in channel" button that posts the answer to this message again. */
  shareMessage?: string;
  /** The Slack user id of whoever shared the answer: adds "Shared by @them". */
  sharedBy?: string;
}

/** Slack's three control characters; everything else is shown as typed. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Verbatim: Slack then links or mentions nothing by itself; only our explicit `<…>` tokens are live.
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });
const textSection = (text: string): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: "context", elements: [mrkdwn(truncate(text, MAX_TEXT))] });

function header(title: string): types.HeaderBlock {
  return { type: "header", text: plain(truncate(escapeText(title), MAX_HEADER_TEXT)) };
}

function errorBlocks(error: ReplyError | undefined): SlackBlock[] {
  return error ? [textSection(truncate(`:warning: ${escapeText(error.message)}`, MAX_TEXT))] : [];
}

function fieldBlocks(fields: readonly Field[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let start = 0; start < fields.length; start += MAX_FIELDS) {
    const group = fields.slice(start, start + MAX_FIELDS);
    blocks.push({
      type: "section",
      fields: group.map((field) => mrkdwn(truncate(`*${escapeText(field.label)}*\n${escapeText(field.value)}`, MAX_FIELD_TEXT))),
    });
  }
  return blocks;
}

function sectionBlocks(section: Section): SlackBlock[] {
  const lines = [
    ...(section.heading ? [`*${escapeText(section.heading)}*`] : []),
    ...(section.text ? [escapeText(section.text)] : []),
    ...(section.items ?? []).map((item) => `• ${escapeText(item)}`),
  ];
  // Slack rejects a section whose text is only whitespace.
  return split(lines.join("\n"), MAX_TEXT).filter((chunk) => chunk.trim() !== "").map(textSection);
}

function button(text: string, actionId: string, value: string): types.Button {
  return { type: "button", text: plain(truncate(escapeText(text), MAX_BUTTON_TEXT)), action_id: actionId, value };
}

function suggestionBlocks(suggestions: readonly EntryRef[]): SlackBlock[] {
  const shown = suggestions.slice(0, MAX_SUGGESTIONS).filter((ref) => askFor(ref).length <= MAX_ACTION_VALUE);
  if (shown.length === 0) return [];
  return [
    context("*Did you mean*"),
    {
      type: "actions",
      elements: shown.map((ref, index) => button(`${ref.title} (${ref.kind})`, `${ASK_ACTION_PREFIX}${index}`, askFor(ref))),
    },
  ];
}

/** A source with its URL as an explicit link: verbatim text links nothing by itself. */
function sourceLine(source: Source): string {
  const citation = escapeText(formatSource({ ...source, url: undefined }));
  const link = webUrl(source.url);
  if (!link) return citation;
  const url = escapeText(link).replace(/\|/g, "%7C");
  return `${citation}, <${url}|link>`;
}

/** One short line per source on a first screen; full references with links in the full reply. */
function sourceBlocks(reply: Reply): SlackBlock[] {
  if (reply.sources.length === 0) return [];
  const lines = reply.compactSources ? sourceLines(reply).map(escapeText) : byWork(reply.sources).map(sourceLine);
  const label = lines.length === 1 ? "Source" : "Sources";
  return [context([`*${label}*`, ...lines].join("\n"))];
}

/** More (when the screen left something out), Copy as text (when the answer can be pasted), Share. */
function actionBlocks(reply: Reply, more: boolean, shareMessage: string | undefined): SlackBlock[] {
  const fits = (value: string | undefined): value is string => value !== undefined && value.trim() !== "" && value.length <= MAX_ACTION_VALUE;
  const buttons = [
    ...(more && fits(reply.expand) ? [button("More", MORE_ACTION_ID, reply.expand)] : []),
    ...(reply.ok && fits(reply.copy) ? [button("Copy as text", COPY_ACTION_ID, reply.copy)] : []),
    ...(fits(shareMessage) ? [{ ...button("Share in channel", SHARE_ACTION_ID, shareMessage), style: "primary" as const }] : []),
  ];
  return buttons.length > 0 ? [{ type: "actions", elements: buttons }] : [];
}

/** Our own mention of whoever shared, from Slack's payload; never user text. */
function attribution(sharedBy: string | undefined): string | undefined {
  return sharedBy !== undefined && SLACK_USER_ID.test(sharedBy) ? `Shared by <@${sharedBy}>` : undefined;
}

function textLength(block: SlackBlock): number {
  switch (block.type) {
    case "header":
      return block.text.text.length;
    case "section":
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    case "context":
      return block.elements.reduce((sum, element) => sum + ("text" in element ? element.text.length : 0), 0);
    case "actions":
      return block.elements.reduce((sum, element) => sum + (element.type === "button" ? element.text.text.length : 0), 0);
  }
}

const totalLength = (blocks: readonly SlackBlock[]) => blocks.reduce((sum, block) => sum + textLength(block), 0);

/** Below this, a shortened section says too little to be worth showing. */
const MIN_SHORTENED_TEXT = 200;

/** What of a block fits in `textLeft` characters: the start of its text, or its first fields. */
function shorten(block: SlackBlock, textLeft: number): SlackBlock | undefined {
  if (block.type !== "section") return undefined;
  if (block.text) return textLeft >= MIN_SHORTENED_TEXT ? textSection(truncate(block.text.text, textLeft)) : undefined;
  const fields: types.TextObject[] = [];
  for (const field of block.fields ?? []) {
    if (field.text.length > textLeft) break;
    fields.push(field);
    textLeft -= field.text.length;
  }
  return fields.length > 0 ? { type: "section", fields } : undefined;
}

/**
 * Keeps as much of the body as fits between the fixed head and tail; the first block that
 * does not fit is shortened to what is left (if that is worth showing) and a "…more" note follows.
 */
function fit(head: SlackBlock[], body: SlackBlock[], tail: SlackBlock[]): SlackBlock[] {
  const note = context(MORE_NOTE);
  let textLeft = MAX_TOTAL_TEXT - totalLength(head) - totalLength(tail) - textLength(note);
  const blocksLeft = MAX_BLOCKS - head.length - tail.length - 1;
  const kept: SlackBlock[] = [];
  for (const block of body) {
    const length = textLength(block);
    if (kept.length < blocksLeft && length <= textLeft) {
      kept.push(block);
      textLeft -= length;
      continue;
    }
    const shortened = kept.length < blocksLeft ? shorten(block, textLeft) : undefined;
    return [...head, ...kept, ...(shortened ? [shortened] : []), note, ...tail];
  }
  return [...head, ...kept, ...tail];
}

/**
 * Paste-ready Markdown as plain text: Slack shows plain_text exactly as written, so what is
 * copied is clean Markdown, not chat formatting and not a code block.
 */
function pasteMessage(reply: Reply, sharedBy: string | undefined): SlackMessage {
  const markdown = renderMarkdown(reply);
  // Slack reads &, < and > as control characters even in plain text, and shows the escapes as the characters.
  const blocks: SlackBlock[] = split(escapeText(markdown), MAX_TEXT)
    .filter((piece) => piece.trim())
    .map((piece) => ({ type: "section", text: plain(piece) }));
  const kept = fit([], blocks, sharedBy ? [context(sharedBy)] : []);
  const fallback = truncate(escapeText(markdown), MAX_FALLBACK_TEXT);
  return { text: sharedBy ? `${sharedBy}\n${fallback}` : fallback, blocks: kept };
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const sharedBy = attribution(options.sharedBy);
  if (reply.format === "markdown" && reply.ok) return pasteMessage(reply, sharedBy);
  const { reply: shown, more } = screenOf(reply);
  const head = shown.title ? [header(shown.title)] : [];
  const lead = shown.lead?.trim() ? [textSection(truncate(escapeText(shown.lead), MAX_TEXT))] : [];
  const body = [...errorBlocks(shown.error), ...lead, ...fieldBlocks(shown.fields), ...shown.sections.flatMap(sectionBlocks)];
  const tail = [
    ...suggestionBlocks(shown.suggestions),
    ...sourceBlocks(shown),
    ...actionBlocks(reply, more, options.shareMessage),
    ...(sharedBy ? [context(sharedBy)] : []),
  ];
  const fallback = truncate(escapeText(renderScreen(reply)), MAX_FALLBACK_TEXT);
  return { text: sharedBy ? `${sharedBy}\n${fallback}` : fallback, blocks: fit(head, body, tail) };
}
