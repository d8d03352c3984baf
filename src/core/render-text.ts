/**
 * Plain-text rendering of a Reply: the JSON `text` and `short` fields, the CLI and the REPL
 * (which passes a styler to add colour). Platform renderers live with their adapters.
 */
import { renderMarkdown } from "./render-markdown.js";
import { sourceLines, type Reply } from "./reply.js";
import { screenOf } from "./screen.js";

export interface TextStyle {
  title(text: string): string;
  heading(text: string): string;
  dim(text: string): string;
  error(text: string): string;
}

const plain: TextStyle = { title: (t) => t, heading: (t) => t, dim: (t) => t, error: (t) => t };

export function renderText(reply: Reply, style: TextStyle = plain): string {
  if (!reply.ok && reply.error) return style.error(reply.error.message);
  const lines: string[] = [];
  if (reply.title) lines.push(style.title(reply.title));
  if (reply.lead) lines.push(reply.lead);
  for (const field of reply.fields) lines.push(`${style.heading(`${field.label}:`)} ${field.value}`);
  for (const section of reply.sections) {
    if (section.heading) lines.push(style.heading(section.heading));
    if (section.text) lines.push(section.text);
    for (const item of section.items ?? []) lines.push(`  • ${item}`);
  }
  if (reply.suggestions.length > 0) {
    lines.push(style.heading("Did you mean"));
    for (const suggestion of reply.suggestions) lines.push(`  • ${suggestion.title} (${suggestion.kind})`);
  }
  if (reply.sources.length > 0) {
    lines.push(style.dim("Sources:"));
    for (const source of sourceLines(reply)) lines.push(style.dim(`  ${source}`));
  }
  return lines.join("\n");
}

/** Where a plain-text screen says how to see the rest. */
export const MORE_HINT = "More: say “more” (or add “in full”).";

/** The reply at the length it was asked at (the first screen by default), with a hint when there is more. */
export function renderScreen(reply: Reply, style: TextStyle = plain): string {
  if (reply.format === "markdown") return renderMarkdown(reply);
  const screen = screenOf(reply);
  const text = renderText(screen.reply, style);
  return screen.more ? `${text}\n${style.dim(MORE_HINT)}` : text;
}

/** The whole reply, whatever length it was asked at. */
export function renderFull(reply: Reply, style: TextStyle = plain): string {
  if (reply.format === "markdown") return renderMarkdown(reply);
  return renderText(screenOf(reply, { form: "full" }).reply, style);
}
