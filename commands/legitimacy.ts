import { missingArgument } from "../src/core/errors.js";
import { citedWithin } from "../src/domain/cards.js";
import { assessLegitimacy, criteriaOf, VERDICT_LABELS, type Criterion } from "../src/domain/analysis/legitimacy.js";
import { lookupPartnership } from "../src/domain/analysis/resolve.js";
import { defineCommand } from "../src/core/command.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type Section } from "../src/core/reply.js";

/** The concepts whose tests the assessment applies, cited alongside the partnership. */
const CRITERIA_CONCEPT_IDS = ["input-legitimacy", "output-legitimacy"];

function criterionSection(criterion: Criterion): Section {
  const evidence = criterion.evidence.length > 0 ? criterion.evidence : ["No evidence recorded."];
  return {
    heading: `${criterion.name}: ${VERDICT_LABELS[criterion.verdict]}`,
    text: `${criterion.test} ${criterion.reason}`,
    items: [...evidence, ...criterion.missing.map((missing) => `Missing: ${missing}`)],
  };
}

const legitimacy = defineCommand({
  name: "legitimacy",
  aliases: ["legit", "assess"],
  usage: "legitimacy <partnership>",
  summary: "Judge a partnership on the essay's tests: input legitimacy, measurable goals, results, breadth. Evidence per criterion, no score.",
  examples: ["legitimacy finance in common", "legitimacy gavi", "is the Quad legitimate?"],
  argument: { name: "partnership", description: "The partnership to assess", required: true, completes: ["partnership"] },
  intents: [
    { cues: ["more legitimate", "less legitimate", "legitimate than", "more legit", "less legit", "as legitimate"], names: 2, about: ["partnership"], weight: 4 },
    { cues: ["legitimate", "legitimacy", "legit", "on what basis", "mandate", "accountable", "accountability", "illegitimate"], names: 1, about: ["partnership"], weight: 3 },
  ],
  handler: ({ args }, { kb }) => {
    const name = topicOf(args);
    if (!name) throw missingArgument(legitimacy);
    // "Is SEforALL more legitimate than Finance in Common?": both, side by side.
    const names = name.split(/\s+(?:vs\.?|versus|than)\s+/i);
    const found = names.slice(0, 2).map((one) => lookupPartnership(kb, one, "legitimacy", "assess the legitimacy of partnerships"));
    const refused = found.find((lookup) => "answer" in lookup);
    if (refused && "answer" in refused) return refused.answer;
    const assessed = found.flatMap((lookup) => ("partnership" in lookup ? [lookup] : []));

    const concepts = kb.getAll(CRITERIA_CONCEPT_IDS);
    const partnerships = assessed.map((lookup) => lookup.partnership);
    return reply("legitimacy", {
      title: `Legitimacy: ${partnerships.map((partnership) => partnership.title).join(" and ")}`,
      sections: [
        ...assessed.flatMap((lookup) => lookup.notes.map((note) => ({ text: note }))),
        ...assessed.flatMap(({ partnership }) => {
          const assessment = assessLegitimacy(partnership);
          const heading = assessed.length > 1 ? [{ heading: partnership.title }] : [];
          return [...heading, { heading: "Reading", text: assessment.basis }, ...criteriaOf(assessment).map(criterionSection)];
        }),
        {
          text: "Each verdict follows from the evidence recorded in the knowledge base; there is no overall score. A “missing” line is absent from this record, not necessarily from the world.",
        },
      ],
      entries: [...partnerships.map((partnership) => entryRef(partnership)), ...concepts.map((concept) => entryRef(concept))],
      suggestions: assessed.flatMap((lookup) => lookup.alternatives),
      sources: mergeSources([
        ...partnerships.flatMap((partnership) => [...partnership.sources, ...citedWithin(partnership)]),
        ...concepts.flatMap((concept) => concept.sources),
      ]),
    });
  },
});

export default legitimacy;
