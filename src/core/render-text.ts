/**
 * Plain-text rendering of a Reply: the JSON `text` field, the CLI and the REPL (which
 * passes a styler to add colour). Platform renderers live with their adapters.
 */
import { formatSource, type Reply } from "./reply.js";

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
    for (const source of reply.sources) lines.push(style.dim(`  ${formatSource(source)}`));
  }
  return lines.join("\n");
}
