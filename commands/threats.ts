import { partnershipLine } from "../src/domain/analysis/partnerships.js";
import { capitalised } from "../src/domain/analysis/text.js";
import {
  BUCKETS,
  bucketOf,
  findBucket,
  findThreat,
  guessThreat,
  partnershipsAddressing,
  frameworkIds,
  threatLabel,
  type Bucket,
} from "../src/domain/analysis/threats.js";
import { defineCommand } from "../src/core/command.js";
import { topicOf } from "../src/domain/phrasings.js";
import { entryRef, mergeSources, reply, type Reply } from "../src/core/reply.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import { THREATS, type Threat } from "../src/knowledge/schema.js";

/** The strategy and concepts behind the buckets, as entries and their sources. */
function framework(kb: KnowledgeBase, buckets: readonly Bucket[]) {
  const entries = kb.getAll(frameworkIds(buckets));
  return { entries: entries.map((entry) => entryRef(entry)), sources: entries.flatMap((entry) => entry.sources) };
}

function bucketsReply(kb: KnowledgeBase, buckets: readonly Bucket[]): Reply {
  const { entries, sources } = framework(kb, buckets);
  return reply("threats", {
    title: buckets.length > 1 ? "Threats: the two buckets of the 2022 National Security Strategy" : BUCKETS[buckets[0] ?? "global"].label,
    sections: [
      {
        text: "The 2022 U.S. National Security Strategy sorts strategic challenges into two buckets; Slaughter calls them geopolitical and global threats, and argues that global threats need broad partnerships well beyond governments.",
      },
      ...buckets.map((bucket) => ({
        heading: `${BUCKETS[bucket].label}: ${BUCKETS[bucket].framing}`,
        items: BUCKETS[bucket].threats.map((threat) => {
          const titles = partnershipsAddressing(kb, threat).map((partnership) => partnership.title);
          return `${capitalised(threatLabel(threat))}: ${titles.length > 0 ? titles.join(", ") : "no partnership in the knowledge base"}`;
        }),
      })),
      { text: "Type “threats <threat>”, e.g. “threats climate change”, for the partnerships addressing one threat." },
    ],
    entries,
    sources: mergeSources(sources),
  });
}

function threatReply(kb: KnowledgeBase, threat: Threat): Reply {
  const partnerships = partnershipsAddressing(kb, threat);
  const bucket = BUCKETS[bucketOf(threat)];
  const { entries, sources } = framework(kb, [bucketOf(threat)]);
  const label = threatLabel(threat);
  return reply("threats", {
    title: `${capitalised(label)}: partnerships that address it`,
    fields: [{ label: "Bucket", value: `${bucket.label} (${bucket.framing})` }],
    sections:
      partnerships.length > 0
        ? [{ items: partnerships.map(partnershipLine) }]
        : [
            {
              text: `No partnership in the knowledge base is recorded as addressing ${label}: a gap in this record, and a place to look for partners, not proof that none exists.`,
            },
          ],
    entries: partnerships.length > 0 ? partnerships.map((partnership) => entryRef(partnership)) : entries,
    sources: mergeSources([...partnerships.flatMap((partnership) => partnership.sources), ...sources]),
  });
}

const threats = defineCommand({
  name: "threats",
  aliases: ["threat", "challenges"],
  usage: "threats [threat]",
  summary: "Geopolitical vs. global threats (2022 NSS), and the partnerships that address one threat.",
  examples: ["threats", "threats climate change", "which partnerships address communicable diseases?"],
  argument: { name: "threat", description: "A threat, e.g. climate change (optional)", required: false },
  intents: [
    {
      cues: ["threat", "threats", "tackle", "tackles", "tackling", "address", "addresses", "addressing", "combat", "combats", "fight", "fighting",
        "working on", "work on", "works on", "focus on", "focused on", "deal with", "partnerships", "which", "groupings", "being done", "who is working"],
      names: 0,
      needs: "threat",
      weight: 2,
    },
  ],
  handler: ({ args }, { kb }) => {
    const topic = topicOf(args);
    if (!topic) return bucketsReply(kb, ["geopolitical", "global"]);
    const bucket = findBucket(topic);
    if (bucket) return bucketsReply(kb, [bucket]);
    const threat = findThreat(topic);
    if (threat) return threatReply(kb, threat);

    const guess = guessThreat(topic);
    return reply("threats", {
      title: "No match",
      sections: [
        {
          text:
            `“${topic}” is not one of the threats I track.` +
            (guess ? ` Did you mean ${threatLabel(guess)}?` : "") +
            ` The threats are: ${THREATS.map(threatLabel).join(", ")}.`,
        },
      ],
    });
  },
});

export default threats;
