import { sdgLabel } from "../src/domain/cards.js";
import { measurableGoals, partnershipLine, type Partnership } from "../src/domain/analysis/partnerships.js";
import {
  findSdg,
  generalPartnerships,
  guessSdg,
  partnershipsFor,
  sdgDocument,
  sdgGoals,
  type Sdg,
} from "../src/domain/analysis/sdgs.js";
import { defineCommand } from "../src/core/command.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type Reply, type Section } from "../src/core/reply.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import type { Entry } from "../src/knowledge/schema.js";

/** The essay's "seed, not lead" concept: the reason to look for gaps goal by goal. */
const SEED_NOT_LEAD_ID = "seed-not-lead";
const GAPS = /^(?:gaps?|missing|uncovered|without partnerships?|no partnerships?)$/i;

const titlesOf = (partnerships: readonly Partnership[]) => partnerships.map((partnership) => partnership.title).join(", ");

/** The SDG map: goal by goal, with the bodies mapped to every goal kept apart. */
class SdgMap {
  readonly general: Partnership[];

  constructor(
    private readonly kb: KnowledgeBase,
    readonly goals: readonly Sdg[],
  ) {
    this.general = generalPartnerships(kb, goals);
  }

  for(sdg: Sdg): Partnership[] {
    return partnershipsFor(this.kb, sdg.number, this.goals);
  }

  /** A line saying which bodies are mapped to every goal, if any. */
  generalNote(leadIn = "Mapped to every goal, and so left out of the goal-by-goal lists"): Section[] {
    return this.general.length > 0 ? [{ text: `${leadIn}: ${titlesOf(this.general)}.` }] : [];
  }

  /** Agenda 2030 plus `others`, as a reply's entries and sources. */
  citing(others: readonly Entry[] = []) {
    const agenda = sdgDocument(this.kb);
    const cited = [...others, ...(agenda ? [agenda] : [])];
    return { entries: cited.map((entry) => entryRef(entry)), sources: mergeSources(cited.flatMap((entry) => entry.sources)) };
  }
}

function allGoals(map: SdgMap): Reply {
  const covered = map.goals.filter((sdg) => map.for(sdg).length > 0).length;
  return reply("sdg", {
    title: `The ${map.goals.length} Sustainable Development Goals`,
    fields: [{ label: "Goals with a partnership of their own", value: `${covered} of ${map.goals.length}` }],
    sections: [
      { text: "Set by the 2030 Agenda (UN General Assembly, 2015). Each goal with the partnerships in this knowledge base mapped to it." },
      { items: map.goals.map((sdg) => `${sdg.number}. ${sdg.name}: ${titlesOf(map.for(sdg)) || "no partnership recorded"}`) },
      ...map.generalNote(),
      { text: "Type “sdg <number or name>” for one goal, or “sdg gaps” for the goals with no partnership." },
    ],
    ...map.citing(),
  });
}

function gaps(kb: KnowledgeBase, map: SdgMap): Reply {
  const uncovered = map.goals.filter((sdg) => map.for(sdg).length === 0);
  // Covered on paper, but no partnership mapped to the goal can be held to a measurable target.
  const unmeasured = map.goals.filter((sdg) => {
    const partnerships = map.for(sdg);
    return partnerships.length > 0 && partnerships.every((partnership) => measurableGoals(partnership).length === 0);
  });
  return reply("sdg", {
    title: "SDG gaps: goals with no partnership in the knowledge base",
    fields: [{ label: "Goals with no partnership of their own", value: `${uncovered.length} of ${map.goals.length}` }],
    sections: [
      {
        text: "Slaughter proposes applying “seed, not lead” to each SDG: building on existing partnerships so that each goal sees measurable progress. A gap here is a gap in this knowledge base and a place to look for partners, not proof that none exists.",
      },
      uncovered.length > 0
        ? { heading: "No partnership recorded", items: uncovered.map((sdg) => sdgLabel(kb, sdg.number)) }
        : { text: "Every goal has at least one partnership recorded." },
      ...(unmeasured.length > 0
        ? [
            {
              heading: "Partnerships recorded, but none with a measurable goal",
              items: unmeasured.map((sdg) => `${sdgLabel(kb, sdg.number)}: ${titlesOf(map.for(sdg))}`),
            },
          ]
        : []),
      ...map.generalNote(),
    ],
    ...map.citing(kb.getAll([SEED_NOT_LEAD_ID])),
  });
}

function oneGoal(kb: KnowledgeBase, map: SdgMap, sdg: Sdg, others: readonly Sdg[], asked: string): Reply {
  const partnerships = map.for(sdg);
  const label = sdgLabel(kb, sdg.number);
  const note =
    others.length > 0
      ? [{ text: `“${asked}” fits several goals: showing ${label}. Also: ${others.map((other) => sdgLabel(kb, other.number)).join(", ")}.` }]
      : [];
  const { entries, sources } = map.citing(partnerships.length > 0 ? partnerships : []);
  return reply("sdg", {
    title: `SDG ${sdg.number}: ${sdg.name}`,
    sections: [
      ...note,
      partnerships.length > 0
        ? { heading: "Partnerships mapped to this goal", items: partnerships.map(partnershipLine) }
        : { text: `No partnership in the knowledge base is mapped to ${label}. Type “sdg gaps” for every such goal.` },
      ...map.generalNote("Also mapped to this goal, as to every other"),
    ],
    entries: partnerships.length > 0 ? entries.filter((entry) => entry.kind === "partnership") : entries,
    sources,
  });
}

const sdg = defineCommand({
  name: "sdg",
  aliases: ["sdgs"],
  usage: "sdg [number | name | gaps]",
  summary: "The 17 SDGs and the partnerships mapped to each; “sdg gaps” lists goals with no partnership here.",
  examples: ["sdg 7", "sdg climate action", "sdg gaps", "sdg"],
  argument: { name: "goal", description: "A goal number or name, or “gaps” (optional)", required: false },
  intents: [{ cues: ["sdg", "sdgs", "goal", "goals", "sustainable development", "cover", "covers"], names: 0, needs: "sdg", weight: 3 }],
  handler: ({ args }, { kb }) => {
    const map = new SdgMap(kb, sdgGoals(kb));
    if (map.goals.length === 0) {
      return reply("sdg", { title: "No SDGs", sections: [{ text: "The knowledge base holds no list of the Sustainable Development Goals." }] });
    }
    const topic = topicOf(args);
    if (!topic) return allGoals(map);
    if (GAPS.test(topic)) return gaps(kb, map);
    const match = findSdg(map.goals, topic);
    if (match) return oneGoal(kb, map, match.goal, match.others, topic);

    const guess = guessSdg(map.goals, topic);
    return reply("sdg", {
      title: "No match",
      sections: [
        {
          text:
            `No SDG matches “${topic}”.` +
            (guess ? ` Did you mean ${sdgLabel(kb, guess.number)}?` : "") +
            ` Give a number from 1 to ${map.goals.length}, a name such as “clean energy”, or “gaps”.`,
        },
      ],
    });
  },
});

export default sdg;
