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
  currentUsRole,
} from "../knowledge/schema.js";
import { sdgGoals } from "./analysis/sdgs.js";
import { capitalised } from "./analysis/text.js";
import { entryRef, mergeSources, type Field, type FirstScreen, type Reply, type Section } from "../core/reply.js";
import { firstSentence } from "../core/sentence.js";

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
  return capitalised(partnership.us_role.map(usRoleSpellLine).join("; "));
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

function section(heading: string, items: readonly string[], firstScreen?: FirstScreen): Section[] {
  if (items.length === 0) return [];
  return [firstScreen ? { heading, items: [...items], firstScreen } : { heading, items: [...items] }];
}

const field = (label: string, value: string, firstScreen?: FirstScreen): Field =>
  firstScreen ? { label, value, firstScreen } : { label, value };

/** The lead holds whole sentences up to this length (always at least one). */
const LEAD_MAX = 400;

/** Whole sentences from the start of `text`, up to `max` characters (always at least one). */
function leadingSentences(text: string, max = LEAD_MAX): string {
  let lead = firstSentence(text);
  for (let rest = text.slice(lead.length).trim(); rest; ) {
    const next = firstSentence(rest);
    if (lead.length + 1 + next.length > max) break;
    lead = `${lead} ${next}`;
    rest = rest.slice(next.length).trim();
  }
  return lead;
}

/** `text` after its first `lead.length` characters, when the lead was taken from it. */
const after = (text: string, lead: string) => (text.startsWith(lead) ? text.slice(lead.length).trim() : text);

/** "500 million children vaccinated by 2030": a measurable goal in a few words. */
function goalTarget(goal: Goal): string | undefined {
  return goal.measurable && goal.target ? `${goal.target} by ${goal.deadline}` : undefined;
}

interface CardParts {
  /** What it is and why it matters, in one or two sentences. */
  lead: string;
  /** Text after the lead, in the full card. */
  body: string[];
  fields: Field[];
  sections: Section[];
  /** Entries the card names already (examples, contrasts), so "Related" does not repeat them. */
  named: string[];
}

function kindParts(kb: KnowledgeBase, entry: Entry): CardParts {
  const lead = leadingSentences(entry.summary);
  const body = [after(entry.summary, lead), ...(entry.details ? [entry.details] : [])].filter(Boolean);
  switch (entry.kind) {
    case "concept": {
      // One definition: the concept's own, then why the reader should care; the summary's
      // opening sentence defines it again, so the card goes on from its second sentence.
      const examples = kb.getAll(entry.examples);
      // Quotes are examples in the full card; the first screen names things, not sayings.
      const named = examples.filter((example) => example.kind !== "quote").map((example) => example.title);
      return {
        lead: `${entry.definition} ${firstSentence(entry.why_it_matters)}`,
        body: [after(entry.summary, firstSentence(entry.summary)), ...(entry.details ? [entry.details] : [])].filter(Boolean),
        fields: [
          ...(named.length > 0 ? [field("Examples", named.slice(0, 3).join(" · "), "only")] : []),
          ...(entry.contrasts_with.length > 0 ? [field("Contrasts with", titles(kb, entry.contrasts_with), "also")] : []),
        ],
        sections: [
          ...(after(entry.why_it_matters, firstSentence(entry.why_it_matters))
            ? [{ heading: "Why it matters", text: after(entry.why_it_matters, firstSentence(entry.why_it_matters)) }]
            : []),
          ...section("Examples", examples.map((example) => example.title)),
        ],
        named: [...entry.examples, ...entry.contrasts_with],
      };
    }
    case "partnership": {
      const goal = entry.goals.map(goalTarget).find(Boolean);
      const result = entry.results[0];
      const digest = [
        field("U.S. role", capitalised(usRoleSpellLine(currentUsRole(entry))), "only"),
        field("Measurable goal", goal ?? "none recorded", "only"),
        ...(result ? [field("Latest result", `${result.figure}: ${result.text} (${result.as_of})`, "only")] : []),
      ];
      const rest = [
        field("U.S. role", usRoleHistoryLine(entry)),
        ...(entry.founded ? [field("Founded", String(entry.founded))] : []),
        ...(entry.governance ? [field("Governance", GOVERNANCE_LABELS[entry.governance.type])] : []),
        ...(entry.governance?.hosted_by ? [field("Hosted by", entry.governance.hosted_by)] : []),
        ...(entry.threats.length > 0 ? [field("Threats addressed", entry.threats.join(", ").replace(/-/g, " "))] : []),
        ...(entry.sdgs.length > 0 ? [field("SDGs", entry.sdgs.map((n) => sdgLabel(kb, n)).join(", "))] : []),
      ];
      return {
        lead,
        body,
        fields: [...digest, ...rest],
        sections: [
          ...section("Members by sector", memberLines(entry)),
          ...section("Goals", entry.goals.map(describeGoal)),
          ...section(
            "Results",
            entry.results.map((result) => `${result.figure}: ${result.text} (as of ${result.as_of})`),
          ),
        ],
        named: [],
      };
    }
    case "actor":
      return {
        lead,
        body,
        fields: [
          field("Role", entry.role, "also"),
          ...(entry.country && entry.country !== entry.title ? [field("Country", entry.country, "also")] : []),
          ...(entry.positions[0] ? [field("Position", entry.positions[0], "only")] : []),
        ],
        sections: [
          ...section("Positions", entry.positions),
          ...section("Quotes", kb.quotesBy(entry.id).map((quote) => quoteLine(kb, quote))),
        ],
        named: [],
      };
    case "document":
      return {
        lead,
        body,
        fields: [
          field("Date", entry.date, "also"),
          field("Issuer", entry.issuer, "also"),
          ...(entry.key_points[0] ? [field("Key point", entry.key_points[0], "only")] : []),
        ],
        sections: [
          ...section("Key points", entry.key_points),
          ...section("Goals", entry.numbered_goals.map((goal) => `${goal.number}. ${goal.name}`)),
          ...section("Quotes", kb.quotesBy(entry.id).map((quote) => quoteLine(kb, quote))),
        ],
        named: [],
      };
    case "quote":
      return {
        lead: quoteLine(kb, entry),
        body: [],
        fields: [],
        sections: [{ heading: "Context", text: entry.context }],
        named: [...entry.speakers],
      };
  }
}

/** Sources a partnership cites inside its fields (a figure's, a goal's, a U.S. role's), beside its own list. */
export function citedWithin(entry: Entry): Source[] {
  if (entry.kind !== "partnership") return [];
  return [...entry.us_role, ...entry.goals, ...entry.results].flatMap((item) => (item.source ? [item.source] : []));
}

/**
 * The card for one entry: the lead and the three most useful fields on the first screen,
 * the rest behind "More". `notes` come first (e.g. "closest match was a partnership").
 */
export function entryCard(kb: KnowledgeBase, entry: Entry, command: string, notes: readonly string[] = []): Reply {
  const { lead, body, fields: kindFields, sections, named } = kindParts(kb, entry);
  const fields = [...kindFields, field("As of", formatDate(entry.as_of))];
  // Related entries the card has not named already, in a list or as a field (an actor's country).
  const related = kb
    .getAll(entry.related.filter((id) => !named.includes(id)))
    .filter((other) => !fields.some((field) => field.value === other.title))
    .map((other) => other.title)
    .join(" · ");
  const sources = entry.kind === "quote" ? [entry.source, ...entry.sources] : [...entry.sources, ...citedWithin(entry)];
  return {
    ok: true,
    command,
    title: entry.title,
    lead,
    sections: [
      ...notes.map((note): Section => ({ text: note, firstScreen: "also" })),
      ...body.map((text) => ({ text })),
      ...sections,
      ...(related ? [{ heading: "Related", text: related }] : []),
    ],
    fields,
    entries: [entryRef(entry)],
    suggestions: [],
    sources: mergeSources(sources),
  };
}
