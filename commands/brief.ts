import { missingArgument } from "../src/core/errors.js";
import { resolutionNotes, searchReply, SEARCH_REPLY_HITS } from "../src/domain/answers.js";
import { firstSentence } from "../src/core/sentence.js";
import { quoteLine } from "../src/domain/cards.js";
import { US_ROLE_LABELS } from "../src/knowledge/schema.js";
import { assessLegitimacy } from "../src/domain/analysis/legitimacy.js";
import { byAccountability, measurableGoals, partnershipsLinkedTo, type Partnership } from "../src/domain/analysis/partnerships.js";
import { BUCKETS, bucketOf, findThreat, partnershipsAddressing, frameworkIds, threatLabel } from "../src/domain/analysis/threats.js";
import { capitalised } from "../src/domain/analysis/text.js";
import { defineCommand } from "../src/core/command.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type EntryRef, type Reply, type Section } from "../src/core/reply.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import type { Entry, EntryOf, Threat } from "../src/knowledge/schema.js";
import type { Resolution } from "../src/knowledge/search.js";

type Concept = EntryOf<"concept">;
type Quote = EntryOf<"quote">;

/** A card short enough to paste into a brief. */
const MAX_CONCEPTS = 2;
const MAX_POINTS = 5;
const MAX_PARTNERSHIPS = 4;
const MAX_QUOTES = 2;

/** What a briefing card is made of, before it is cut to size and laid out. */
interface Plan {
  title: string;
  notes: string[];
  /** The entry the brief is about, if it is about one. */
  lead?: Entry;
  concepts: Concept[];
  partnerships: Partnership[];
  quotes: Quote[];
  /** Talking points specific to the topic, most important first. */
  points: string[];
  /** Entries cited for framing (e.g. the strategy that names a threat). */
  framing: Entry[];
  suggestions: EntryRef[];
}

const unique = <T extends { id: string }>(items: readonly T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];
const isDefined = <T>(item: T | undefined): item is T => item !== undefined;
const ofKind = <K extends Entry["kind"]>(entries: readonly Entry[], kind: K) =>
  entries.filter((entry): entry is EntryOf<K> => entry.kind === kind);

/** Entries linked to this one either way (its `related`, or theirs naming it). */
function linked(kb: KnowledgeBase, entry: Entry): Entry[] {
  return unique([...kb.getAll(entry.related), ...kb.entries.filter((other) => other.related.includes(entry.id))]);
}

/** Whether the partnerships here can be held to measurable goals, in one sentence. */
function accountabilityPoint(partnerships: readonly Partnership[]): string {
  const total = partnerships.length;
  const accountable = partnerships.filter((partnership) => measurableGoals(partnership).length > 0);
  const names = accountable.map((partnership) => partnership.title).join(", ");
  if (accountable.length === 0) {
    const subject = total === 1 ? `${partnerships[0]?.title} sets no` : `None of the ${total} partnerships here sets a`;
    return `${subject} measurable goal with a deadline: the essay's test of output legitimacy is not met.`;
  }
  if (accountable.length === total) {
    return `${total === 1 ? `${names} sets` : `All ${total} partnerships here set`} measurable goals with deadlines.`;
  }
  return `${accountable.length} of the ${total} partnerships here ${accountable.length === 1 ? "sets" : "set"} measurable goals with deadlines (${names}); the others can be judged only on their inputs or broad aims.`;
}

/** Points every brief with partnerships can make: who can be held to account, and where Washington sits. */
function partnershipPoints(partnerships: readonly Partnership[]): string[] {
  if (partnerships.length === 0) return [];
  const roles = partnerships.map((partnership) => `${partnership.title} (${US_ROLE_LABELS[partnership.us_role].toLowerCase()})`);
  return [accountabilityPoint(partnerships), `U.S. role: ${roles.join(", ")}.`];
}

/** A concept's reason to care, labelled so it reads on its own. */
function conceptPoint(concept: Concept): string {
  return `${concept.title}: ${firstSentence(concept.why_it_matters)}`;
}

function partnershipItem(partnership: Partnership): string {
  const goals = measurableGoals(partnership).map((goal) => `${goal.target} by ${goal.deadline}`);
  const results = partnership.results.map((result) => `${result.figure} (${result.text}, ${result.as_of})`);
  return `${partnership.title}. Measurable goals: ${goals.join("; ") || "none recorded"}. Results: ${results.join("; ") || "none recorded"}.`;
}

function layOut(kb: KnowledgeBase, plan: Plan): Reply {
  const concepts = unique(plan.concepts).slice(0, MAX_CONCEPTS);
  const partnerships = unique(plan.partnerships).slice(0, MAX_PARTNERSHIPS);
  const quotes = unique(plan.quotes).slice(0, MAX_QUOTES);
  const points = [...new Set(plan.points)].slice(0, MAX_POINTS);
  const sections: Section[] = [
    ...plan.notes.map((note) => ({ text: note })),
    ...(concepts.length > 0
      ? [{ heading: "Key concepts", items: concepts.map((concept) => `${concept.title}: ${firstSentence(concept.definition)}`) }]
      : []),
    { heading: "Talking points", items: points },
    ...(partnerships.length > 0 ? [{ heading: "Partnerships", items: partnerships.map(partnershipItem) }] : []),
    ...(quotes.length > 0 ? [{ heading: "Quotes", items: quotes.map((quote) => quoteLine(kb, quote)) }] : []),
  ];
  const cited = unique([...(plan.lead ? [plan.lead] : []), ...partnerships, ...concepts, ...quotes, ...plan.framing]);
  return reply("brief", {
    title: plan.title,
    sections,
    entries: cited.map((entry) => entryRef(entry)),
    suggestions: plan.suggestions,
    sources: mergeSources([...cited.flatMap((entry) => entry.sources), ...quotes.map((quote) => quote.source)]),
  });
}

/** The points only this kind of entry can make, after its summary. */
function leadPoints(entry: Entry): string[] {
  switch (entry.kind) {
    case "concept":
      return [firstSentence(entry.why_it_matters)];
    case "partnership":
      return [
        assessLegitimacy(entry).basis,
        ...(entry.threats.length > 0 ? [`Addresses ${entry.threats.map(threatLabel).join(", ")}.`] : []),
      ];
    case "actor":
      return entry.positions.slice(0, 2);
    case "document":
      return entry.key_points.slice(0, 2);
    case "quote":
      return [firstSentence(entry.context)];
  }
}

function entryPlan(kb: KnowledgeBase, topic: string, resolution: Resolution & { entry: Entry }): Plan {
  const { entry } = resolution;
  const around = linked(kb, entry);
  const concepts = [
    ...(entry.kind === "concept" ? [entry, ...ofKind(kb.getAll(entry.contrasts_with), "concept")] : []),
    ...ofKind(around, "concept"),
  ];
  const quotes = [...(entry.kind === "quote" ? [entry] : []), ...kb.quotesBy(entry.id), ...ofKind(around, "quote")];
  const [itself, ...others] = partnershipsLinkedTo(kb, entry);
  const partnerships = itself?.id === entry.id ? [itself, ...byAccountability(others)] : byAccountability([itself, ...others].filter(isDefined));
  return {
    title: `Brief: ${entry.title}`,
    notes: resolutionNotes(topic, resolution, undefined, "briefing on"),
    lead: entry,
    concepts,
    partnerships,
    quotes,
    points: [
      firstSentence(entry.summary),
      ...leadPoints(entry),
      ...(entry.kind === "partnership" ? [] : partnershipPoints(partnerships)),
      ...concepts.filter((concept) => concept.id !== entry.id).map(conceptPoint),
    ],
    framing: [],
    suggestions: resolution.alternatives.map((alternative) => entryRef(alternative)),
  };
}

function threatPlan(kb: KnowledgeBase, threat: Threat): Plan {
  const bucket = bucketOf(threat);
  const partnerships = byAccountability(partnershipsAddressing(kb, threat));
  const framing = kb.getAll(frameworkIds([bucket]));
  const bucketConcept = ofKind(framing, "concept");
  const around = unique(partnerships.flatMap((partnership) => linked(kb, partnership)));
  const label = threatLabel(threat);
  // One quote framing the threat, one from the partnerships, when both exist.
  const framingQuotes = framing.flatMap((entry) => kb.quotesBy(entry.id));
  const partnershipQuotes = partnerships.flatMap((partnership) => kb.quotesBy(partnership.id));
  return {
    title: `Brief: ${label}`,
    notes: [],
    concepts: [...bucketConcept, ...ofKind(around, "concept")],
    partnerships,
    quotes: [framingQuotes[0], partnershipQuotes[0], ...framingQuotes, ...partnershipQuotes].filter(
      (quote): quote is Quote => quote !== undefined,
    ),
    points: [
      `${capitalised(label)} is one of the ${BUCKETS[bucket].label.toLowerCase()} in the 2022 U.S. National Security Strategy's terms: ${BUCKETS[bucket].framing}.`,
      ...bucketConcept.map(conceptPoint),
      ...(partnerships.length > 0
        ? partnershipPoints(partnerships)
        : [`No partnership in the knowledge base is recorded as addressing ${label}: a gap to fill.`]),
      ...partnerships.slice(0, 1).map((partnership) => `${partnership.title}: ${assessLegitimacy(partnership).basis}`),
    ],
    framing,
    suggestions: [],
  };
}

/** No entry is named: the brief is built from what the words find. */
function topicPlan(topic: string, found: readonly Entry[]): Plan {
  return {
    title: `Brief: ${topic}`,
    notes: [`No entry is called “${topic}”: this brief gathers the entries that mention it.`],
    concepts: ofKind(found, "concept"),
    partnerships: ofKind(found, "partnership"),
    quotes: ofKind(found, "quote"),
    points: [
      ...found.slice(0, 3).map((entry) => `${entry.title}: ${firstSentence(entry.summary)}`),
      ...partnershipPoints(ofKind(found, "partnership")),
    ],
    framing: found.filter((entry) => entry.kind === "actor" || entry.kind === "document").slice(0, 2),
    suggestions: [],
  };
}

const brief = defineCommand({
  name: "brief",
  aliases: ["briefing", "prep"],
  usage: "brief <topic>",
  summary: "A briefing card: key concepts, talking points, partnerships with their goals and results, quotes, sources.",
  examples: ["brief climate", "brief India", "brief me on Gavi"],
  argument: { name: "topic", description: "A topic, partnership, person or state", required: true, completes: ["partnership", "actor", "concept"] },
  handler: ({ args }, { kb }) => {
    const topic = topicOf(args);
    if (!topic) throw missingArgument(brief);
    const threat = findThreat(topic);
    if (threat) return layOut(kb, threatPlan(kb, threat));
    const resolution = kb.resolve(topic);
    if (resolution.entry) return layOut(kb, entryPlan(kb, topic, { ...resolution, entry: resolution.entry }));
    // resolve() searched already when no single entry fit: reuse its result.
    const result = resolution.search ?? kb.search(topic);
    const found = result.hits.slice(0, SEARCH_REPLY_HITS).map((hit) => hit.entry);
    if (found.length > 0) return layOut(kb, topicPlan(topic, found));
    return searchReply(kb, topic, "brief", result);
  },
});

export default brief;
