/** The corpora searched, described by plain data so that a child process can make them itself. */
import { openKnowledgeBase } from "../../src/knowledge/base.js";
import type { Entry, Kind } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR } from "../../test/support/app.js";
import { syntheticEntries } from "./synthetic.js";

export type CorpusSpec =
  | { source: "shipped" }
  | { source: "synthetic"; size: number }
  /** One kind of a synthetic base, indexed on its own: what splitting a large base by kind gives. */
  | { source: "synthetic"; size: number; onlyKind: Kind };

export function corpusKey(spec: CorpusSpec): string {
  if (spec.source === "shipped") return "shipped";
  return "onlyKind" in spec ? `synthetic-${spec.size}-${spec.onlyKind}` : `synthetic-${spec.size}`;
}

export function corpusLabel(spec: CorpusSpec): string {
  if (spec.source === "shipped") return "shipped base";
  return "onlyKind" in spec ? `synthetic ${spec.size.toLocaleString("en-US")}, ${spec.onlyKind}s only indexed` : "synthetic";
}

export async function loadCorpus(spec: CorpusSpec): Promise<readonly Entry[]> {
  if (spec.source === "shipped") return (await openKnowledgeBase(KNOWLEDGE_DIR)).entries;
  const entries = syntheticEntries(spec.size);
  return "onlyKind" in spec ? entries.filter((entry) => entry.kind === spec.onlyKind) : entries;
}
