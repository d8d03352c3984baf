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
  type Source,
  type StakeholderCategory,
  type UsRoleSpell,
} from "../knowledge/schema.js";
import { sdgGoals } from "./analysis/sdgs.js";
import { entryRef, mergeSources, type Field, type Reply, type Section } from "../core/reply.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025" → "2025", "2025-06" → "June 2025", "2025-06-25" → "25 June 2025". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(" ");
}

/** One period of the U.S. role: "funder (to 2024)", "withheld further contributions (since June 2025)". */
function usRoleSpellLine(spell: UsRoleSpell): string {
  const what = spell.note ?? US_ROLE_LABELS[spell.role].toLowerCase();
  const { since, until } = spell;
  const when =
    since && until ? `${formatDate(since)} to ${formatDate(until)}` : since ? `since ${formatDate(since)}` : until ? `to ${formatDate(until)}` : "";
  return when ? `${what} (${when})` : what;
}

/** The U.S. role over time, oldest first: "funder (to 2024); withheld further contributions (since June 2025)". */
export function usRoleHistoryLine(partnership: EntryOf<"partnership">): string {
  const line = partnership.us_role.map(usRoleSpellLine).join("; ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

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

/** One category: its members, "none", or "not recorded" (the sources do not say). */
export function memberLine(partnership: EntryOf<"partnership">, category: StakeholderCategory): string {
  const members = partnership.members[category];
  const value = members === undefined ? "not recorded" : members.length === 0 ? "none" : members.join(", ");
  return `${STAKEHOLDER_LABELS[category]}: ${value}`;
}

/** Every category, in the schema's order. */
export function memberLines(partnership: EntryOf<"partnership">): string[] {
  return STAKEHOLDER_CATEGORIES.map((category) => memberLine(partnership, category));
}

/** "Rebecca Lissner and Mira Rapp-Hooper", from the speakers' entries. */
export function speakerNames(kb: KnowledgeBase, quote: EntryOf<"quote">): string {
  const names = quote.speakers.map((id) => kb.get(id)?.title ?? id);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
}

export function quoteLine(kb: KnowledgeBase, quote: EntryOf<"quote">): string {
  return `“${quote.text}” (${[speakerNames(kb, quote), quote.date].filter(Boolean).join(", ")})`;
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
          { label: "U.S. role", value: usRoleHistoryLine(entry) },
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

/** Sources a partnership cites inside its fields (a figure's, a goal's, a U.S. role's), beside its own list. */
export function citedWithin(entry: Entry): Source[] {
  if (entry.kind !== "partnership") return [];
  return [...entry.us_role, ...entry.goals, ...entry.results].flatMap((item) => (item.source ? [item.source] : []));
}

/** The card for one entry. `notes` come first (e.g. "closest match was a partnership"). */
export function entryCard(kb: KnowledgeBase, entry: Entry, command: string, notes: readonly string[] = []): Reply {
  const { fields: kindFields, sections } = kindParts(kb, entry);
  const fields = [...kindFields, { label: "As of", value: formatDate(entry.as_of) }];
  const details = entry.details ? [{ text: entry.details }] : [];
  const related = titles(kb, entry.related);
  const sources = entry.kind === "quote" ? [entry.source, ...entry.sources] : [...entry.sources, ...citedWithin(entry)];
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
