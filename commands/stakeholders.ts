import { missingArgument } from "../src/core/errors.js";
import { categoryLabels, stakeholderCoverage } from "../src/domain/analysis/partnerships.js";
import { lookupPartnership } from "../src/domain/analysis/resolve.js";
import { defineCommand } from "../src/core/command.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply } from "../src/core/reply.js";
import { STAKEHOLDER_CATEGORIES, STAKEHOLDER_LABELS } from "../src/knowledge/schema.js";

const stakeholders = defineCommand({
  name: "stakeholders",
  aliases: ["members", "sectors"],
  usage: "stakeholders <partnership>",
  summary: "Who is in a partnership, grouped by the six stakeholder categories, and which categories are missing.",
  examples: ["stakeholders gavi", "members of the Quad", "who is in Finance in Common?"],
  argument: { name: "partnership", description: "The partnership whose members to list", required: true, completes: ["partnership"] },
  intents: [
    {
      cues: ["members", "member", "membership", "who is in", "who are in", "who sits", "funders", "funds", "fund", "funding", "funded", "finances",
        "financed", "who pays", "hosts", "host", "belongs", "belong", "take part", "takes part", "participants", "participate", "stakeholders",
        "who runs", "involved", "sits in", "sit in", "sits on", "sit on", "who is on", "who joined", "sectors", "backers", "donors"],
      names: 1,
      about: ["partnership"],
      weight: 3,
    },
  ],
  handler: ({ args }, { kb }) => {
    const name = topicOf(args);
    if (!name) throw missingArgument(stakeholders);
    const found = lookupPartnership(kb, name, "stakeholders", "list the members of partnerships");
    if ("answer" in found) return found.answer;

    const { partnership } = found;
    const { covered, none, unrecorded } = stakeholderCoverage(partnership);
    return reply("stakeholders", {
      title: `Stakeholders: ${partnership.title}`,
      fields: [{ label: "Categories covered", value: `${covered.length} of ${STAKEHOLDER_CATEGORIES.length}` }],
      sections: [
        ...found.notes.map((note) => ({ text: note })),
        ...covered.map((category) => {
          const members = partnership.members[category] ?? [];
          return { heading: `${STAKEHOLDER_LABELS[category]} (${members.length})`, items: [...members] };
        }),
        {
          heading: "Missing categories",
          text:
            none.length + unrecorded.length > 0
              ? [
                  none.length > 0 ? `No members in: ${categoryLabels(none)}.` : "",
                  unrecorded.length > 0
                    ? `Not recorded: ${categoryLabels(unrecorded)}; the sources do not say, so nothing is concluded about them.`
                    : "",
                  "The essay urges partnerships that reach well beyond governments.",
                ]
                  .filter(Boolean)
                  .join(" ")
              : "None: every category has members on record.",
        },
      ],
      entries: [entryRef(partnership)],
      suggestions: found.alternatives,
      sources: mergeSources(partnership.sources),
    });
  },
});

export default stakeholders;
