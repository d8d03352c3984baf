import { defineCommand } from "../src/core/command.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import { entryNames } from "../src/knowledge/index.js";
import { normalize } from "../src/knowledge/normalize.js";
import { entryRef, mergeSources, reply } from "../src/core/reply.js";
import { byAccountability, measurableGoals, partnershipLine, type Partnership } from "../src/domain/analysis/partnerships.js";
import { threatLabel } from "../src/domain/analysis/threats.js";
import {
  GOVERNANCE_LABELS,
  GOVERNANCE_TYPES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_LABELS,
  THREATS,
  US_ROLE_LABELS,
  type Entry,
  US_ROLES,
  currentUsRole,
} from "../src/knowledge/schema.js";

interface Criterion {
  /** "with philanthropy among its members" */
  label: string;
  test(partnership: Partnership): boolean;
}

const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** Whether a member line ("United States (donor until 2025)") names `entry`. */
function names(member: string, entry: Entry): boolean {
  const line = normalize(member);
  return entryNames(entry).some((name) => line === normalize(name) || line.startsWith(`${normalize(name)} `));
}

/** `key:value` → a test; undefined for anything unknown. */
function criterion(token: string, kb: KnowledgeBase): Criterion | undefined {
  const [key = "", value = ""] = token.split(":");
  if (key === "all" && value === "true") return { label: "on record", test: () => true };
  const member = key === "member" ? kb.get(value) : undefined;
  if (member) {
    return { label: `with ${member.title} as a member`, test: (p) => Object.values(p.members).some((list) => (list ?? []).some((line) => names(line, member))) };
  }
  if (key === "sector" && oneOf(STAKEHOLDER_CATEGORIES, value)) {
    return { label: `with ${STAKEHOLDER_LABELS[value].toLowerCase()} among its members`, test: (p) => (p.members[value] ?? []).length > 0 };
  }
  if (key === "us_role" && oneOf(US_ROLES, value)) {
    return { label: `U.S. role: ${US_ROLE_LABELS[value].toLowerCase()}`, test: (p) => currentUsRole(p).role === value };
  }
  // The UN's own bodies and the processes it convenes, as people lump them together.
  if (key === "governance" && value === "un") {
    return { label: "a UN body or process", test: (p) => p.governance?.type === "un-body" || p.governance?.type === "un-process" };
  }
  if (key === "governance" && oneOf(GOVERNANCE_TYPES, value)) {
    return { label: `a ${GOVERNANCE_LABELS[value]}`, test: (p) => p.governance?.type === value };
  }
  if (key === "threat" && oneOf(THREATS, value)) return { label: `addressing ${threatLabel(value)}`, test: (p) => p.threats.includes(value) };
  if (key === "sdg" && /^\d{1,2}$/.test(value)) return { label: `serving SDG ${value}`, test: (p) => p.sdgs.includes(Number(value)) };
  if (key === "measurable" && value === "true") return { label: "with measurable goals", test: (p) => measurableGoals(p).length > 0 };
  return undefined;
}

/**
 * Partnerships that meet every criterion: "which partnerships include philanthropies",
 * "… have measurable goals", "… leave the US out", "… serve SDG 7". The understanding
 * step sends criteria as `key:value` words; `among:<id>` narrows to an earlier answer.
 */
const filter = defineCommand({
  name: "filter",
  aliases: [],
  usage: "filter <criteria>",
  summary: "Partnerships that meet criteria: members by sector, U.S. role, governance, threat, SDG, measurable goals.",
  examples: ["which partnerships include philanthropies?", "which partnerships leave the US out?", "partnerships on climate with measurable goals"],
  argument: { name: "criteria", description: "e.g. sector:philanthropy measurable:true", required: true },
  intents: [
    {
      cues: ["which partnerships", "what partnerships", "any partnerships", "partnerships", "which ones", "the ones", "which", "any that",
        "list", "show", "include", "includes", "involve", "involving", "have", "are there", "groupings", "initiatives", "coalitions", "forums", "bodies"],
      names: 0,
      needs: "criterion",
      weight: 2,
    },
  ],
  handler: ({ args }, { kb }) => {
    const tokens = args.split(/\s+/).filter(Boolean);
    const among = new Set(tokens.filter((token) => token.startsWith("among:")).map((token) => token.slice("among:".length)));
    const criteria = tokens.flatMap((token) => criterion(token, kb) ?? []);
    if (criteria.length === 0) {
      return reply("filter", {
        title: "Which partnerships?",
        sections: [{ text: "Say what to look for, e.g. “which partnerships include philanthropies?”, “… leave the US out?”, “… serve SDG 7?” or “… have measurable goals?”." }],
      });
    }
    const pool = kb.ofKind("partnership").filter((partnership) => among.size === 0 || among.has(partnership.id));
    const found = byAccountability(pool.filter((partnership) => criteria.every((test) => test.test(partnership))));
    const wanted = criteria.map((test) => test.label).join("; ");
    return reply("filter", {
      title: `Partnerships ${wanted}`,
      sections: [
        found.length > 0
          ? { items: found.map(partnershipLine) }
          : { text: `No partnership in the knowledge base is recorded as ${wanted}. The record may be incomplete: that is not proof there is none.` },
      ],
      entries: found.map((partnership) => entryRef(partnership)),
      sources: mergeSources(found.flatMap((partnership) => partnership.sources.slice(0, 1))),
    });
  },
});

export default filter;
