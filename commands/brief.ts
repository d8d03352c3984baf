import { missingArgument } from "../src/core/errors.js";
import { resolutionNotes, searchReply, SEARCH_REPLY_HITS } from "../src/domain/answers.js";
import { firstSentence } from "../src/core/sentence.js";
import { quoteLine } from "../src/domain/cards.js";
import { assessLegitimacy } from "../src/domain/analysis/legitimacy.js";
import { byAccountability, measurableGoals, partnershipsLinkedTo, type Partnership } from "../src/domain/analysis/partnerships.js";
import {
  accountabilityClaim,
  counterpartPositions,
  legitimacyClaim,
  openQuestions,
  usPosition,
} from "../src/domain/analysis/talking-points.js";
import { BUCKETS, bucketOf, findThreat, partnershipsAddressing, frameworkIds, threatLabel } from "../src/domain/analysis/threats.js";
import { capitalised } from "../src/domain/analysis/text.js";
import { defineCommand } from "../src/core/command.js";
import { markdownMessage } from "../src/core/length.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type EntryRef, type Field, type Reply, type Section } from "../src/core/reply.js";
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
const MAX_COUNTERPARTS = 3;
const MAX_QUESTIONS = 3;

/** What a briefing card is made of, before it is cut to size and laid out. */
interface Plan {
  title: string;
  /** The answer in a sentence: what the topic is. */
  leadText?: string;
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

/** Claims about the partnerships here: what each can be judged on, most accountable first. */
function partnershipPoints(partnerships: readonly Partnership[]): string[] {
  return byAccountability(partnerships).slice(0, 2).map(accountabilityClaim);
}

/** A concept's reason to care: a claim about the world, labelled so it reads on its own. */
function conceptPoint(concept: Concept): string {
  return `${concept.title}: ${firstSentence(concept.why_it_matters)}`;
}

function partnershipItem(partnership: Partnership): string {
  const goals = measurableGoals(partnership).map((goal) => `${goal.target} by ${goal.deadline}`);
  const results = partnership.results.map((result) => `${result.figure} (${result.text}, ${result.as_of})`);
  return `${partnership.title}. Measurable goals: ${goals.join("; ") || "none recorded"}. Results: ${results.join("; ") || "none recorded"}.`;
}

const list = (heading: string, items: readonly string[], firstScreen?: "also"): Section[] =>
  items.length === 0 ? [] : [{ heading, items: [...items], ...(firstScreen ? { firstScreen } : {}) }];

function layOut(kb: KnowledgeBase, plan: Plan): Reply {
  const concepts = unique(plan.concepts).slice(0, MAX_CONCEPTS);
  const partnerships = unique(plan.partnerships).slice(0, MAX_PARTNERSHIPS);
  const quotes = unique(plan.quotes).slice(0, MAX_QUOTES);
  const points = [...new Set(plan.points)].slice(0, MAX_POINTS);
  const position = usPosition(partnerships);
  const fields: Field[] = position ? [{ label: "U.S. position", value: position, firstScreen: "also" }] : [];
  const sections: Section[] = [
    ...plan.notes.map((note): Section => ({ text: note, firstScreen: "also" })),
    ...list("Talking points", points, "also"),
    ...list("Counterpart positions", counterpartPositions(kb, plan.lead, partnerships).slice(0, MAX_COUNTERPARTS)),
    ...list("Open questions", openQuestions(partnerships).slice(0, MAX_QUESTIONS)),
    ...list("Partnerships", partnerships.map(partnershipItem)),
    ...list("Key concepts", concepts.map((concept) => `${concept.title}: ${firstSentence(concept.definition)}`)),
    ...list("Quotes", quotes.map((quote) => quoteLine(kb, quote))),
  ];
  const cited = unique([...(plan.lead ? [plan.lead] : []), ...partnerships, ...concepts, ...quotes, ...plan.framing]);
  return reply("brief", {
    title: plan.title,
    ...(plan.leadText ? { lead: plan.leadText } : {}),
    fields,
    sections,
    entries: cited.map((entry) => entryRef(entry)),
    suggestions: plan.suggestions,
    sources: mergeSources([...cited.flatMap((entry) => entry.sources), ...quotes.map((quote) => quote.source)]),
  });
}

/** The claims only this kind of entry supports, before those about its partnerships and concepts. */
function leadPoints(entry: Entry): string[] {
  switch (entry.kind) {
    case "concept":
      return [firstSentence(entry.why_it_matters)];
    case "partnership":
      return [accountabilityClaim(entry), legitimacyClaim(entry)];
    case "actor":
      return [];
    case "document":
      return entry.key_points.slice(0, 2).map((point) => `${entry.title}: ${point}`);
    case "quote":
      return [firstSentence(entry.context)];
  }
}

/** What the entry is, in a sentence: a concept's definition, else the summary's opening. */
function leadOf(entry: Entry): string {
  return entry.kind === "concept" ? entry.definition : firstSentence(entry.summary);
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
    leadText: leadOf(entry),
    notes: resolutionNotes(topic, resolution, undefined, "briefing on"),
    lead: entry,
    concepts,
    partnerships,
    quotes,
    points: [
      ...leadPoints(entry),
      ...partnershipPoints(partnerships.filter((partnership) => partnership.id !== entry.id)),
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
    leadText: `${capitalised(label)} is one of the ${BUCKETS[bucket].label.toLowerCase()} in the 2022 U.S. National Security Strategy's terms: ${BUCKETS[bucket].framing}.`,
    notes: [],
    concepts: [...bucketConcept, ...ofKind(around, "concept")],
    partnerships,
    quotes: [framingQuotes[0], partnershipQuotes[0], ...framingQuotes, ...partnershipQuotes].filter(
      (quote): quote is Quote => quote !== undefined,
    ),
    points: [
      ...(partnerships.length > 0
        ? partnershipPoints(partnerships)
        : [`No partnership in the knowledge base is recorded as addressing ${label}: a gap to fill.`]),
      ...partnerships.slice(0, 1).map(legitimacyClaim),
      ...bucketConcept.map(conceptPoint),
    ],
    framing,
    suggestions: [],
  };
}

/** No entry is named: the brief is built from what the words find. */
function topicPlan(topic: string, found: readonly Entry[]): Plan {
  return {
    title: `Brief: ${topic}`,
    leadText: `No entry is called “${topic}”: this brief gathers the ${found.length} entries that mention it.`,
    notes: [],
    concepts: ofKind(found, "concept"),
    partnerships: ofKind(found, "partnership"),
    quotes: ofKind(found, "quote"),
    points: [
      ...partnershipPoints(ofKind(found, "partnership")),
      ...ofKind(found, "concept").map(conceptPoint),
      ...found.filter((entry) => entry.kind === "document").flatMap(leadPoints),
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
  intents: [
    {
      cues: ["brief", "briefing", "brief me", "briefing note", "talking points", "talking point", "prep notes", "prep note", "one pager", "onepager",
        "what should i know", "key messages", "speaking notes", "meeting notes", "draft me", "draft", "lines to take", "cheat sheet"],
      names: 1,
      weight: 3,
    },
  ],
  handler: ({ args, message }, { kb }) => {
    const topic = topicOf(args);
    if (!topic) throw missingArgument(brief);
    // `brief X --md` is read by the router: this only says how to ask for it.
    const answer = briefOn(kb, topic);
    return answer.entries.length > 0 ? { ...answer, copy: markdownMessage(message) } : answer;
  },
});

/** The brief on `topic`: a threat, one entry, the entries that mention it, or a polite miss. */
function briefOn(kb: KnowledgeBase, topic: string): Reply {
  const threat = findThreat(topic);
  if (threat) return layOut(kb, threatPlan(kb, threat));
  const resolution = kb.resolve(topic);
  if (resolution.entry) return layOut(kb, entryPlan(kb, topic, { ...resolution, entry: resolution.entry }));
  // resolve() searched already when no single entry fit: reuse its result.
  const result = resolution.search ?? kb.search(topic);
  const found = result.hits.slice(0, SEARCH_REPLY_HITS).map((hit) => hit.entry);
  if (found.length > 0) return layOut(kb, topicPlan(topic, found));
  return searchReply(kb, topic, "brief", result);
}

export default brief;
