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
  handler: ({ args }, { kb }) => {
    const name = topicOf(args);
    if (!name) throw missingArgument(legitimacy);
    const found = lookupPartnership(kb, name, "legitimacy", "assess the legitimacy of partnerships");
    if ("answer" in found) return found.answer;

    const { partnership } = found;
    const assessment = assessLegitimacy(partnership);
    const concepts = kb.getAll(CRITERIA_CONCEPT_IDS);
    return reply("legitimacy", {
      title: `Legitimacy: ${partnership.title}`,
      sections: [
        ...found.notes.map((note) => ({ text: note })),
        { heading: "Reading", text: assessment.basis },
        ...criteriaOf(assessment).map(criterionSection),
        {
          text: "Each verdict follows from the evidence recorded in the knowledge base; there is no overall score. A “missing” line is absent from this record, not necessarily from the world.",
        },
      ],
      entries: [entryRef(partnership), ...concepts.map((concept) => entryRef(concept))],
      suggestions: found.alternatives,
      sources: mergeSources([...partnership.sources, ...citedWithin(partnership), ...concepts.flatMap((concept) => concept.sources)]),
    });
  },
});

export default legitimacy;
