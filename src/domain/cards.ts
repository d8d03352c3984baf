/**
 * The full card for one entry, kind by kind: what a policy officer would paste into a
 * brief. Pure composition from the knowledge base; no platform formatting.
 */
import type { KnowledgeBase } from "../knowledge/base.js";
import {
  GOVERNANCE_LABELS,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_LABELS,
  US_ROLE_LABELS,
  type Entry,
  type EntryOf,
  type Goal,
} from "../knowledge/schema.js";
import { sdgGoals } from "./analysis/sdgs.js";
import { entryRef, mergeSources, type Field, type Reply, type Section } from "../core/reply.js";

export function titles(kb: KnowledgeBase, ids: readonly string[]): string {
  return kb
    .getAll(ids)
    .map((entry) => entry.title)
    .join(" · ");
}

export function sdgLabel(kb: KnowledgeBase, number: number): string {
  const name = sdgGoals(kb).find((goal) => goal.number === number)?.name;
  return name ? `SDG ${number} (${name})` : `SDG ${number}`;
}

export function describeGoal(goal: Goal): string {
  if (!goal.measurable) return `Not measurable: ${goal.text}`;
  return `Measurable: ${goal.text} (target: ${goal.target}, by ${goal.deadline})`;
}

export function memberLines(partnership: EntryOf<"partnership">): string[] {
  return STAKEHOLDER_CATEGORIES.filter((category) => partnership.members[category].length > 0).map(
    (category) => `${STAKEHOLDER_LABELS[category]}: ${partnership.members[category].join(", ")}`,
  );
}

export function quoteLine(kb: KnowledgeBase, quote: EntryOf<"quote">): string {
  const speaker = kb.get(quote.speaker)?.title ?? quote.speaker;
  return `“${quote.text}” (${[speaker, quote.date].filter(Boolean).join(", ")})`;
}

function section(heading: string, items: readonly string[]): Section[] {
  return items.length > 0 ? [{ heading, items: [...items] }] : [];
}

function kindParts(kb: KnowledgeBase, entry: Entry): { fields: Field[]; sections: Section[] } {
  switch (entry.kind) {
    case "concept":
      return {
        fields: [],
        sections: [
          { heading: "Definition", text: entry.definition },
          { heading: "Why it matters", text: entry.why_it_matters },
          ...section("Examples", kb.getAll(entry.examples).map((example) => example.title)),
          ...section("Contrasts with", kb.getAll(entry.contrasts_with).map((other) => other.title)),
        ],
      };
    case "partnership":
      return {
        fields: [
          ...(entry.founded ? [{ label: "Founded", value: String(entry.founded) }] : []),
          { label: "U.S. role", value: US_ROLE_LABELS[entry.us_role] },
          ...(entry.governance ? [{ label: "Governance", value: GOVERNANCE_LABELS[entry.governance.type] }] : []),
          ...(entry.governance?.hosted_by ? [{ label: "Hosted by", value: entry.governance.hosted_by }] : []),
          ...(entry.threats.length > 0 ? [{ label: "Threats addressed", value: entry.threats.join(", ").replace(/-/g, " ") }] : []),
          ...(entry.sdgs.length > 0 ? [{ label: "SDGs", value: entry.sdgs.map((n) => sdgLabel(kb, n)).join(", ") }] : []),
        ],
        sections: [
          ...section("Members by sector", memberLines(entry)),
          ...section("Goals", entry.goals.map(describeGoal)),
          ...section(
            "Results",
            entry.results.map((result) => `${result.figure}: ${result.text} (as of ${result.as_of})`),
          ),
        ],
      };
    case "actor":
      return {
        fields: [
          { label: "Role", value: entry.role },
          ...(entry.country ? [{ label: "Country", value: entry.country }] : []),
        ],
        sections: [
          ...section("Positions", entry.positions),
          ...section("Quotes", kb.quotesBy(entry.id).map((quote) => quoteLine(kb, quote))),
        ],
      };
    case "document":
      return {
        fields: [
          { label: "Date", value: entry.date },
          { label: "Issuer", value: entry.issuer },
        ],
        sections: [
          ...section("Key points", entry.key_points),
          ...section("Goals", entry.numbered_goals.map((goal) => `${goal.number}. ${goal.name}`)),
          ...section("Quotes", kb.quotesBy(entry.id).map((quote) => quoteLine(kb, quote))),
        ],
      };
    case "quote":
      return {
        fields: [],
        sections: [{ text: quoteLine(kb, entry) }, { heading: "Context", text: entry.context }],
      };
  }
}

/** The card for one entry. `notes` come first (e.g. "closest match was a partnership"). */
export function entryCard(kb: KnowledgeBase, entry: Entry, command: string, notes: readonly string[] = []): Reply {
  const { fields, sections } = kindParts(kb, entry);
  const details = entry.details ? [{ text: entry.details }] : [];
  const related = titles(kb, entry.related);
  const sources = entry.kind === "quote" ? [entry.source, ...entry.sources] : entry.sources;
  return {
    ok: true,
    command,
    title: entry.title,
    sections: [
      ...notes.map((note) => ({ text: note })),
      { text: entry.summary },
      ...details,
      ...sections,
      ...(related ? [{ heading: "Related", text: related }] : []),
    ],
    fields,
    entries: [entryRef(entry)],
    suggestions: [],
    sources: mergeSources(sources),
  };
}
