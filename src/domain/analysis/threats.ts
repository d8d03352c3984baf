/**
 * The 2022 National Security Strategy's two buckets of threats, the words people use for
 * each threat, and the partnerships in the knowledge base tagged as addressing it.
 */
import Fuse from "fuse.js";
import type { KnowledgeBase } from "../../knowledge/base.js";
import { normalize } from "../../knowledge/normalize.js";
import { GEOPOLITICAL_THREATS, GLOBAL_THREATS, THREATS, type Threat } from "../../knowledge/schema.js";
import type { Partnership } from "./partnerships.js";

export type Bucket = "global" | "geopolitical";

export interface BucketInfo {
  label: string;
  /** The strategy's own words for the bucket. */
  framing: string;
  threats: readonly Threat[];
  /** The concept entry that names the bucket. */
  conceptId: string;
}

export const BUCKETS: Record<Bucket, BucketInfo> = {
  geopolitical: {
    label: "Geopolitical threats",
    framing: "competition among major powers to shape the next world order",
    threats: GEOPOLITICAL_THREATS,
    conceptId: "geopolitical-threats",
  },
  global: {
    label: "Global threats",
    framing: "shared challenges that cross borders",
    threats: GLOBAL_THREATS,
    conceptId: "global-threats",
  },
};

/** The 2022 National Security Strategy, which sorts threats into the two buckets. */
export const STRATEGY_ID = "nss-2022";

/** Ids of the entries that frame these buckets: their concepts, then the strategy. */
export function frameworkIds(buckets: readonly Bucket[]): string[] {
  return [...buckets.map((bucket) => BUCKETS[bucket].conceptId), STRATEGY_ID];
}

/** Words a user may type for each threat, besides its own label. */
export const THREAT_WORDS: Record<Threat, readonly string[]> = {
  "climate-change": ["climate", "climate crisis", "global warming"],
  "food-insecurity": ["food", "food security", "hunger", "famine"],
  "communicable-diseases": ["disease", "diseases", "infectious disease", "infectious diseases", "pandemic", "pandemics", "epidemics", "communicable disease"],
  terrorism: ["terror", "terrorists", "counterterrorism", "counter terrorism"],
  "energy-shortages": ["energy", "energy shortage", "energy security"],
  inflation: ["prices", "cost of living"],
  "major-power-competition": ["great power competition", "major powers", "great powers", "geopolitical competition", "strategic competition"],
};

export function threatLabel(threat: Threat): string {
  return threat.replace(/-/g, " ");
}

export function bucketOf(threat: Threat): Bucket {
  return (GLOBAL_THREATS as readonly Threat[]).includes(threat) ? "global" : "geopolitical";
}

const names = THREATS.flatMap((threat) => [threatLabel(threat), ...THREAT_WORDS[threat]].map((name) => ({ threat, name })));
const byName = new Map(names.map(({ threat, name }) => [normalize(name), threat]));
/** Typos only: a looser threshold would turn any short word into some threat. */
const fuzzy = new Fuse(names, { keys: ["name"], threshold: 0.3, includeScore: true, ignoreLocation: true });

/** The threat a phrase names exactly ("climate", "food insecurity"), if any. */
export function findThreat(text: string): Threat | undefined {
  const cleaned = normalize(text).replace(/^(?:the|a)\s+/, "");
  return byName.get(cleaned) ?? byName.get(cleaned.replace(/s$/, ""));
}

/** The closest threat to a mistyped phrase, for "did you mean". */
export function guessThreat(text: string): Threat | undefined {
  return fuzzy.search(normalize(text))[0]?.item.threat;
}

/** The bucket a phrase names ("global", "geopolitical threats"), if any. */
export function findBucket(text: string): Bucket | undefined {
  const cleaned = normalize(text).replace(/\s+(?:threats?|challenges?)$/, "");
  return cleaned === "global" || cleaned === "transnational" ? "global" : cleaned === "geopolitical" ? "geopolitical" : undefined;
}

export function partnershipsAddressing(kb: KnowledgeBase, threat: Threat): Partnership[] {
  return kb.ofKind("partnership").filter((partnership) => partnership.threats.includes(threat));
}
