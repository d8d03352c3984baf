import { defineCommand } from "../src/core/command.js";
import { entryRef, reply, type Reply } from "../src/core/reply.js";
import { describeGoal, memberLines, usRoleHistoryLine } from "../src/domain/cards.js";
import { resultLine } from "../src/domain/analysis/partnerships.js";
import { FACT_FIELDS, type FactField, factCues } from "../src/domain/understanding/fields.js";
import { GOVERNANCE_LABELS, type Entry } from "../src/knowledge/schema.js";

/** The value of `field` for `entry` as a short phrase, or undefined when the record has none. */
function valueOf(entry: Entry, field: FactField): string | undefined {
  switch (entry.kind) {
    case "partnership": {
      const governance = entry.governance;
      const values: Partial<Record<FactField, string | undefined>> = {
        founded: entry.founded === undefined ? undefined : `founded in ${entry.founded}`,
        hosted_by: governance?.hosted_by && `hosted by ${governance.hosted_by}`,
        goals: entry.goals.length > 0 ? entry.goals.map(describeGoal).join("; ") : undefined,
        results: entry.results.length > 0 ? entry.results.map(resultLine).join("; ") : undefined,
        members: memberLines(entry).join("; ") || undefined,
        us_role: `U.S. role: ${usRoleHistoryLine(entry)}`,
        decision_making: governance?.decision_making,
        governance_type: governance && `a ${GOVERNANCE_LABELS[governance.type]}`,
      };
      return values[field];
    }
    case "actor":
      return field === "role" ? entry.role : field === "country" ? entry.country : undefined;
    case "document":
      return field === "date"
        ? `dated ${entry.date}`
        : field === "issuer"
          ? `issued by ${entry.issuer}`
          : field === "numbered_goals" && entry.numbered_goals.length > 0
            ? entry.numbered_goals.map((goal) => `${goal.number}. ${goal.name}`).join("; ")
            : undefined;
    case "quote":
      return field === "date" && entry.date ? `said in ${entry.date}` : undefined;
    default:
      return undefined;
  }
}

function answerFact(field: FactField, entry: Entry): Reply {
  const value = valueOf(entry, field);
  const source = entry.sources[0];
  const card = [entryRef(entry)];
  if (value === undefined) {
    return reply("fact", {
      title: entry.title,
      sections: [{ text: `The knowledge base has no record of that for ${entry.title}. Its card shows everything recorded.` }],
      entries: card,
      suggestions: card,
    });
  }
  return reply("fact", {
    title: entry.title,
    sections: [{ text: `${entry.title}: ${value}.` }],
    entries: card,
    sources: source ? [source] : [],
    // "More" opens the whole card the fact comes from.
    expand: `${entry.kind} ${entry.id} --full`,
  });
}

/**
 * One fact from one entry, led by the fact and its source: "when was the AIIB founded",
 * "where is NATO based", "what's Jaishankar's job". The understanding step sends
 * `<field> <entry id>`; typed by hand, `fact founded aiib` works too.
 */
const fact = defineCommand({
  name: "fact",
  aliases: [],
  usage: `fact <${FACT_FIELDS.join("|")}> <name>`,
  summary: "One fact about an entry, with its source: founding year, host, target, role, date…",
  examples: ["when was the AIIB founded?", "where is NATO based?", "fact founded gavi"],
  argument: { name: "question", description: "A field and a name, e.g. founded gavi", required: true },
  intents: [{ cues: factCues(), names: 1, needs: "field", weight: 2 }],
  handler: ({ args }, { kb }) => {
    const [word = "", ...rest] = args.split(" ");
    const field = (FACT_FIELDS as readonly string[]).includes(word) ? (word as FactField) : undefined;
    const { entry } = kb.resolve(field ? rest.join(" ") : args);
    if (!field || !entry) {
      return reply("fact", {
        title: "Which fact?",
        sections: [{ text: `Ask for one fact about one entry, for example “when was the AIIB founded?” or “fact founded gavi”. Fields: ${FACT_FIELDS.join(", ")}.` }],
        suggestions: entry ? [entryRef(entry)] : [],
      });
    }
    return answerFact(field, entry);
  },
});

export default fact;
