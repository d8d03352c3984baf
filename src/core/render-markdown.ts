/**
 * A Reply as clean Markdown to paste into an email, a cable or a document: headings, bullets
 * and full references, with no chat formatting. Every adapter shows it as it is.
 */
import type { Source } from "../knowledge/schema.js";
import { byWork, formatSource, webUrl, type Reply } from "./reply.js";
import { screenOf } from "./screen.js";

/** Only the characters that would change a line's structure are escaped; prose stays clean. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>])/g, "\\$1");

/** The full reference; a URL stays as it is, so it still works once pasted. */
const sourceLine = (source: Source) => `- ${[escape(formatSource({ ...source, url: undefined })), webUrl(source.url)].filter(Boolean).join(", ")}`;

/** The whole reply (never a first screen: a pasted brief must stand on its own). */
export function renderMarkdown(reply: Reply): string {
  if (!reply.ok) return escape(reply.error?.message ?? "Something went wrong.");
  const { reply: full } = screenOf(reply, { form: "full" });
  const blocks: string[] = [];
  if (full.title) blocks.push(`# ${escape(full.title)}`);
  if (full.lead) blocks.push(escape(full.lead));
  if (full.fields.length > 0) blocks.push(full.fields.map((field) => `**${escape(field.label)}:** ${escape(field.value)}`).join("  \n"));
  for (const section of full.sections) {
    const lines = [
      ...(section.heading ? [`## ${escape(section.heading)}`, ""] : []),
      ...(section.text ? [escape(section.text)] : []),
      ...(section.items ?? []).map((item) => `- ${escape(item)}`),
    ];
    if (lines.length > 0) blocks.push(lines.join("\n"));
  }
  if (full.sources.length > 0) blocks.push(["## Sources", "", ...byWork(full.sources).map(sourceLine)].join("\n"));
  return blocks.join("\n\n");
}
