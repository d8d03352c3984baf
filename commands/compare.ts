import { missingArgument } from "../src/core/errors.js";
import { answerName, resolutionNotes } from "../src/domain/answers.js";
import { firstSentence } from "../src/core/sentence.js";
import { describeGoal, formatDate, quoteLine, sdgLabel, usRoleHistoryLine } from "../src/domain/cards.js";
import { assessLegitimacy, criteriaOf, governanceLabel, VERDICT_LABELS } from "../src/domain/analysis/legitimacy.js";
import {
  goalsSummary,
  partnershipsLinkedTo,
  resultLine,
  resultsSummary,
  stakeholderCoverage,
  type Partnership,
} from "../src/domain/analysis/partnerships.js";
import { withArticle } from "../src/domain/analysis/text.js";
import { threatLabel } from "../src/domain/analysis/threats.js";
import { defineCommand } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type Reply, type Section } from "../src/core/reply.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import type { Resolution } from "../src/knowledge/search.js";
import { STAKEHOLDER_CATEGORIES, STAKEHOLDER_LABELS, type Entry, type EntryOf, type Kind } from "../src/knowledge/schema.js";

/** "A vs B", "A versus B", "A, B": the separator leaves no doubt where the names split. */
const FIRM_SEPARATOR = /\s+(?:vs\.?|versus|v\.)\s+|\s*[,;/]\s+|\s+<>\s+/i;
/** "A and B", "A with B": these words also occur inside names, so every split is tried. */
const SOFT_SEPARATOR = /\s+(?:and|with|to|against|or)\s+/gi;
/** How many linked entries to offer when two entries cannot be compared. */
const SUGGESTION_LIMIT = 5;

type Pair = [string, string];

/** The ways the text can be read as two names, most likely first. */
function readings(text: string): Pair[] {
  const firm = text.split(FIRM_SEPARATOR).map((part) => part.trim());
  if (firm.length > 2) throw new UserError("bad_argument", "I compare two entries at a time, e.g. “compare the Quad vs AUKUS”.");
  if (firm.length === 2) return [[firm[0] ?? "", firm[1] ?? ""]];
  return [...text.matchAll(SOFT_SEPARATOR)].map((match): Pair => [
    text.slice(0, match.index).trim(),
    text.slice(match.index + match[0].length).trim(),
  ]);
}

interface Side {
  name: string;
  resolution: Resolution;
}

/** If the two names resolve to different kinds, a reading of one in the other's kind may fit. */
function alignKinds(kb: KnowledgeBase, a: Side, b: Side): [Side, Side] {
  const kindA = a.resolution.entry?.kind;
  const kindB = b.resolution.entry?.kind;
  if (!kindA || !kindB || kindA === kindB) return [a, b];
  const asKind = (side: Side, kind: Kind): Side | undefined => {
    const resolution = kb.resolve(side.name, kind);
    return resolution.entry?.kind === kind ? { name: side.name, resolution } : undefined;
  };
  const bLikeA = asKind(b, kindA);
  if (bLikeA) return [a, bLikeA];
  const aLikeB = asKind(a, kindB);
  return aLikeB ? [aLikeB, b] : [a, b];
}

/** The first reading where both names mean an entry; else the first reading, to report the misses. */
function resolvePair(kb: KnowledgeBase, text: string): [Side, Side] | undefined {
  const sides = readings(text)
    .filter(([a, b]) => a && b)
    .map(([a, b]): [Side, Side] => [
      { name: a, resolution: kb.resolve(a) },
      { name: b, resolution: kb.resolve(b) },
    ]);
  const chosen = sides.find(([a, b]) => a.resolution.entry && b.resolution.entry) ?? sides[0];
  return chosen && alignKinds(kb, ...chosen);
}

/** One row per entry: "Title: value". */
function sideBySide<T extends Entry>(heading: string, entries: readonly T[], value: (entry: T) => string): Section {
  return { heading, items: entries.map((entry) => `${entry.title}: ${value(entry)}`) };
}

/** Several rows per entry ("Title: goal"), or one saying there are none. */
function listed<T extends Entry>(heading: string, entries: readonly T[], rows: (entry: T) => string[], none: string): Section {
  return {
    heading,
    items: entries.flatMap((entry) => {
      const lines = rows(entry);
      return lines.length > 0 ? lines.map((line) => `${entry.title}: ${line}`) : [`${entry.title}: ${none}`];
    }),
  };
}

function membersByCategory(partnership: Partnership): string {
  const { covered, none, unrecorded } = stakeholderCoverage(partnership);
  const present = covered.map((category) => `${STAKEHOLDER_LABELS[category]} (${partnership.members[category]?.length ?? 0})`);
  const labels = (categories: typeof none) => categories.map((category) => STAKEHOLDER_LABELS[category]).join(", ");
  return `${covered.length} of ${STAKEHOLDER_CATEGORIES.length} categories: ${present.join(", ") || "none"}${
    none.length > 0 ? `; no members in ${labels(none)}` : ""
  }${unrecorded.length > 0 ? `; not recorded for ${labels(unrecorded)}` : ""}`;
}

function partnershipSections(kb: KnowledgeBase, pair: readonly Partnership[]): Section[] {
  return [
    sideBySide("The contrast", pair, (p) => `${goalsSummary(p)}; ${resultsSummary(p)}. ${assessLegitimacy(p).basis}`),
    sideBySide("Founded", pair, (p) => (p.founded ? String(p.founded) : "not recorded")),
    sideBySide("Governance", pair, (p) =>
      p.governance ? [governanceLabel(p.governance), p.governance.hosted_by && `hosted by ${p.governance.hosted_by}`].filter(Boolean).join(", ") : "not recorded",
    ),
    sideBySide("Members by stakeholder category", pair, membersByCategory),
    listed("Goals", pair, (p) => p.goals.map(describeGoal), "no goals recorded"),
    listed("Reported results", pair, (p) => p.results.map(resultLine), "no results with figures recorded"),
    sideBySide("Legitimacy verdicts", pair, (p) =>
      criteriaOf(assessLegitimacy(p))
        .map((criterion) => `${criterion.name.toLowerCase()} ${VERDICT_LABELS[criterion.verdict].toLowerCase()}`)
        .join("; "),
    ),
    sideBySide("Threats addressed", pair, (p) => p.threats.map(threatLabel).join(", ") || "none recorded"),
    sideBySide("SDGs", pair, (p) => p.sdgs.map((number) => sdgLabel(kb, number)).join(", ") || "none recorded"),
    sideBySide("U.S. role", pair, usRoleHistoryLine),
    sideBySide("As of", pair, (p) => formatDate(p.as_of)),
    ...quoteSection(kb, pair),
  ];
}

/** Their own words, when the knowledge base quotes them: the essay's pair is best seen this way. */
function quoteSection(kb: KnowledgeBase, pair: readonly Entry[]): Section[] {
  const quotes = pair.flatMap((entry) => kb.quotesBy(entry.id).map((quote) => `${entry.title}: “${quote.text}”`));
  return quotes.length > 0 ? [{ heading: "In their own words", items: quotes }] : [];
}

function conceptSections(kb: KnowledgeBase, pair: readonly EntryOf<"concept">[]): Section[] {
  const [a, b] = pair;
  if (!a || !b) return [];
  const contrasting = a.contrasts_with.includes(b.id) || b.contrasts_with.includes(a.id);
  const related = a.related.includes(b.id) || b.related.includes(a.id);
  return [
    {
      heading: "How they contrast",
      text: contrasting
        ? `The knowledge base records ${a.title} and ${b.title} as contrasting ideas: read the definitions side by side.`
        : related
          ? `${a.title} and ${b.title} are recorded as related ideas, not opposites.`
          : `No direct link between ${a.title} and ${b.title} is recorded; compare their definitions.`,
    },
    sideBySide("Definition", pair, (concept) => concept.definition),
    sideBySide("Why it matters", pair, (concept) => firstSentence(concept.why_it_matters)),
    sideBySide("Examples", pair, (concept) => kb.getAll(concept.examples).map((example) => example.title).join(", ") || "none recorded"),
  ];
}

/** Actors, documents and quotes: the facts each kind has, row by row. */
function otherSections(kb: KnowledgeBase, pair: readonly Entry[]): Section[] {
  const rows = (entry: Entry): Array<[string, string]> => {
    switch (entry.kind) {
      case "actor":
        return [["Role", entry.role], ["Positions", entry.positions.slice(0, 2).join(" ") || "none recorded"]];
      case "document":
        return [["Date and issuer", `${entry.date}, ${entry.issuer}`], ["Key point", entry.key_points[0] ?? "none recorded"]];
      case "quote":
        return [["Words", quoteLine(kb, entry)]];
      default:
        return [];
    }
  };
  const labels = [...new Set(pair.flatMap((entry) => rows(entry).map(([label]) => label)))];
  return [
    sideBySide("In short", pair, (entry) => firstSentence(entry.summary)),
    ...labels.map((label) => sideBySide(label, pair, (entry) => rows(entry).find(([row]) => row === label)?.[1] ?? "not recorded")),
    ...quoteSection(kb, pair),
  ];
}

/** Entries of `kind` linked to `entry`: what it could be compared with instead. */
function linkedOfKind(kb: KnowledgeBase, entry: Entry, kind: Kind): Entry[] {
  if (kind === "partnership") return partnershipsLinkedTo(kb, entry);
  return kb.entries.filter(
    (other) => other.kind === kind && (entry.related.includes(other.id) || other.related.includes(entry.id)),
  );
}

function differentKinds(kb: KnowledgeBase, a: Entry, b: Entry): Reply {
  const partnership = [a, b].find((entry) => entry.kind === "partnership");
  const hint = partnership
    ? ` To judge ${partnership.title} against the essay's tests, try “legitimacy ${partnership.title}”.`
    : "";
  const alternatives = [...linkedOfKind(kb, a, b.kind), ...linkedOfKind(kb, b, a.kind)]
    .filter((entry) => entry.id !== a.id && entry.id !== b.id)
    .slice(0, SUGGESTION_LIMIT);
  return reply("compare", {
    title: `Can't compare ${withArticle(a.kind)} with ${withArticle(b.kind)}`,
    sections: [
      {
        text:
          `${a.title} is ${withArticle(a.kind)} and ${b.title} is ${withArticle(b.kind)}: I compare two entries of the same kind, side by side.${hint}` +
          (alternatives.length > 0 ? " Linked entries you could compare instead are in the suggestions." : ""),
      },
    ],
    entries: [entryRef(a), entryRef(b)],
    suggestions: alternatives.map((entry) => entryRef(entry)),
  });
}

const compare = defineCommand({
  name: "compare",
  aliases: ["contrast"],
  usage: "compare <a> vs <b>",
  summary: "Two partnerships or two concepts side by side: members, measurable goals, results, legitimacy, threats, SDGs, U.S. role.",
  examples: ["compare SEforALL vs Finance in Common", "compare the Quad and AUKUS", "compare input legitimacy vs output legitimacy"],
  argument: { name: "pair", description: "Two names, e.g. Gavi vs SEforALL", required: true, completes: ["partnership", "concept"] },
  intents: [
    // Asked outright: outweighs a single word of another intent ("compare Gavi with the Global Fund").
    { cues: ["compare", "compared", "comparison", "comparing", "vs", "versus", "differ", "differs", "difference", "differences", "contrast"], names: 2, weight: 4 },
    { cues: ["different", "stack up", "stacks up", "against", "or", "similar", "better", "same as", "relate", "relates"], names: 2, weight: 2 },
  ],
  handler: ({ args }, { kb }) => {
    const text = topicOf(args);
    if (readings(text).length === 0) throw missingArgument(compare);
    // A name with "vs" in it ("democracies vs autocracies") is one entry, not two.
    if (kb.search(text, { limit: 1 }).hits[0]?.stage === "exact") return answerName(kb, text, "compare");
    const pair = resolvePair(kb, text);
    if (!pair) throw missingArgument(compare);
    const [a, b] = pair;

    const unknown = pair.filter((side) => !side.resolution.entry);
    if (unknown.length > 0) {
      const suggestions = unknown.flatMap((side) => side.resolution.suggestions.map((entry) => entryRef(entry)));
      return reply("compare", {
        title: "No match",
        sections: [
          {
            text:
              `I couldn't find ${unknown.map((side) => `“${side.name}”`).join(" or ")}.` +
              (suggestions.length > 0 ? " Did you mean one of these?" : " Try “search <words>” to find the name."),
          },
        ],
        suggestions,
      });
    }
    const entryA = a.resolution.entry as Entry;
    const entryB = b.resolution.entry as Entry;
    if (entryA.kind !== entryB.kind) return differentKinds(kb, entryA, entryB);

    const notes = pair.flatMap((side) => resolutionNotes(side.name, side.resolution, undefined, "comparing"));
    if (entryA.id === entryB.id) {
      return reply("compare", {
        title: "Nothing to compare",
        sections: [...notes.map((note) => ({ text: note })), { text: `Both names mean ${entryA.title}. Name two different entries.` }],
        entries: [entryRef(entryA)],
      });
    }
    const entries = [entryA, entryB];
    const sections =
      entryA.kind === "partnership" && entryB.kind === "partnership"
        ? partnershipSections(kb, [entryA, entryB])
        : entryA.kind === "concept" && entryB.kind === "concept"
          ? conceptSections(kb, [entryA, entryB])
          : otherSections(kb, entries);
    return reply("compare", {
      title: `${entryA.title} vs. ${entryB.title}`,
      sections: [...notes.map((note) => ({ text: note })), ...sections],
      entries: entries.map((entry) => entryRef(entry)),
      suggestions: pair.flatMap((side) => side.resolution.alternatives.map((entry) => entryRef(entry))),
      sources: mergeSources([
        ...entries.flatMap((entry) => entry.sources),
        ...entries.flatMap((entry) => kb.quotesBy(entry.id).map((quote) => quote.source)),
      ]),
    });
  },
});

export default compare;
