/**
 * Scoring the understanding step on a labelled set (test/understanding/*.yaml): every
 * message goes through the real router over the real knowledge base, one conversation per
 * item, and the reply is checked against its label. Shared by the public test and the
 * held-out run, so both are scored the same way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { Origin } from "../../src/core/middleware.js";
import type { EntryRef, Reply } from "../../src/core/reply.js";
import type { Router } from "../../src/core/router.js";
import { threatLabel } from "../../src/domain/analysis/threats.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { currentUsRole } from "../../src/knowledge/schema.js";
import { PROJECT_ROOT } from "../../src/config.js";

export interface Reading {
  intent: string;
  entities: string[];
  field?: string;
  criteria?: Record<string, string | number | boolean>;
  threat?: string;
  sdg?: number | "gaps";
}

export interface Case extends Partial<Reading> {
  kind: string;
  lang: string;
  message?: string;
  parts?: Reading[];
  turns?: Array<Reading & { message: string }>;
}

export function loadCases(name: string): Case[] {
  return parse(readFileSync(path.join(PROJECT_ROOT, "test", "understanding", name), "utf8")) as Case[];
}

const CARD_COMMANDS = new Set(["concept", "partnership", "actor", "document", "quote", "ask"]);
const ids = (refs: readonly EntryRef[]) => refs.map((ref) => ref.id);

/** Whether a partnership meets one labelled filter criterion. */
function meets(kb: KnowledgeBase, id: string, key: string, value: string | number | boolean): boolean {
  const entry = kb.get(id);
  if (entry?.kind !== "partnership") return false;
  switch (key) {
    case "threat":
      return entry.threats.includes(value as never);
    case "sdg":
      return entry.sdgs.includes(Number(value));
    case "sector":
      return (entry.members[value as keyof typeof entry.members] ?? []).length > 0;
    case "us_role":
      return currentUsRole(entry).role === value;
    case "governance":
      return entry.governance?.type === value;
    case "measurable":
      return entry.goals.some((goal) => goal.measurable);
    default:
      return false;
  }
}

/** Why `reply` does not answer `reading`, or undefined if it does. */
export function mismatch(kb: KnowledgeBase, reading: Reading, reply: Pick<Reply, "command" | "entries" | "suggestions" | "title" | "ok">): string | undefined {
  const got = ids(reply.entries);
  const [main] = reading.entities;
  // A list of quotes is about their speakers too.
  const about = [...got, ...got.flatMap((id) => { const entry = kb.get(id); return entry?.kind === "quote" ? entry.speakers : []; })];
  const has = (id: string | undefined) => id === undefined || about.includes(id);
  const fail = (why: string) => `${why} (got ${reply.command} ${JSON.stringify(got.slice(0, 4))})`;
  switch (reading.intent) {
    case "define":
      return CARD_COMMANDS.has(reply.command) && reading.entities.includes(got[0] ?? "") ? undefined : fail("expected the card");
    case "compare":
      return reply.command === "compare" && reading.entities.every(has) ? undefined : fail("expected a comparison");
    case "legitimacy":
      return reply.command === "legitimacy" && reading.entities.every(has) ? undefined : fail("expected a legitimacy assessment");
    case "brief":
      return reply.command === "brief" && has(main) ? undefined : fail("expected a brief");
    case "members":
      return reply.command === "stakeholders" && got[0] === main ? undefined : fail("expected the members");
    case "fact":
      return reply.command === "fact" && got[0] === main ? undefined : fail("expected one fact");
    case "quote":
      return reply.command === "quote" && has(main) ? undefined : fail("expected quotes");
    case "threats":
    case "filter":
    case "sdg": {
      const criteria = { ...(reading.criteria ?? {}), ...(reading.threat ? { threat: reading.threat } : {}), ...(typeof reading.sdg === "number" ? { sdg: reading.sdg } : {}) };
      if (reading.sdg === "gaps") return reply.command === "sdg" && /gap/i.test(reply.title ?? "") ? undefined : fail("expected the SDG gaps");
      if (!["threats", "filter", "sdg"].includes(reply.command)) return fail("expected a list of partnerships");
      if (reply.command === "threats") {
        const label = typeof criteria.threat === "string" ? threatLabel(criteria.threat as never) : "";
        return label && (reply.title ?? "").toLowerCase().includes(label) && Object.keys(criteria).length === 1 ? undefined : fail("expected the threat's partnerships");
      }
      if (reply.command === "sdg") {
        return typeof criteria.sdg === "number" && (reply.title ?? "").startsWith(`SDG ${criteria.sdg}:`) && Object.keys(criteria).length === 1 ? undefined : fail("expected the SDG");
      }
      const partnerships = got.filter((id) => kb.get(id)?.kind === "partnership");
      const fits = (id: string) => Object.entries(criteria).every(([key, value]) => meets(kb, id, key, value));
      // When the record holds none, saying so is the right answer.
      const noneOnRecord = !kb.ofKind("partnership").some((partnership) => fits(partnership.id));
      const ok = noneOnRecord ? partnerships.length === 0 : partnerships.length > 0 && partnerships.every(fits);
      return ok ? undefined : fail(`expected partnerships meeting ${JSON.stringify(criteria)}`);
    }
    case "more":
      // The last answer again, in full: about what it was about.
      return reply.ok && got.length > 0 && reading.entities.every(has) ? undefined : fail("expected the last answer expanded");
    case "short":
      return reply.ok && reading.entities.every(has) ? undefined : fail("expected the last answer, shorter");
    case "search":
      return ["search", "ask"].includes(reply.command) && got.length > 0 ? undefined : fail("expected search results");
    case "clarify": {
      // With nothing to refer to, "tl;dr" or "more" says there is nothing to expand: a question back too.
      const asksBack = reply.command === "clarify" || (reply.command === "more" && got.length === 0);
      return asksBack && (main === undefined || ids(reply.suggestions).includes(main)) ? undefined : fail("expected a question back");
    }
    case "none":
      return got.length === 0 ? undefined : fail("expected no confident answer");
    default:
      return `unknown intent ${reading.intent}`;
  }
}

export interface Outcome {
  kind: string;
  passed: boolean;
  /** The message(s) and why they failed. */
  failures: string[];
}

let conversations = 0;

/** Runs one labelled case through the router as a fresh conversation. */
export async function score(router: Router, kb: KnowledgeBase, item: Case): Promise<Outcome> {
  const origin: Origin = { adapter: "repl", conversation: `labelled-${(conversations += 1)}` };
  const failures: string[] = [];
  const check = async (message: string, readings: readonly Reading[]) => {
    const reply = await router.handle(message, origin);
    const parts = reply.parts ?? [{ command: reply.command, entries: reply.entries }];
    readings.forEach((reading, index) => {
      const part = { ...reply, ...(parts[index] ?? { command: "none", entries: [], title: "" }) };
      // A second part may also be offered as a suggestion rather than answered.
      const offered = index > 0 && !parts[index] && reading.entities.length > 0 && reading.entities.every((id) => ids(reply.suggestions).includes(id));
      const why = offered ? undefined : mismatch(kb, reading, part);
      if (why) failures.push(`“${message}”${readings.length > 1 ? ` part ${index + 1}` : ""}: ${why}`);
    });
  };
  if (item.turns) for (const turn of item.turns) await check(turn.message, [turn]);
  else if (item.parts) await check(item.message ?? "", item.parts);
  else await check(item.message ?? "", [item as Reading]);
  return { kind: item.kind, passed: failures.length === 0, failures };
}

/** Pass rate per kind and overall, as a table to print. */
export function rateTable(outcomes: readonly Outcome[]): { table: string; overall: number } {
  const kinds = [...new Set(outcomes.map((outcome) => outcome.kind))];
  const rows = kinds.map((kind) => {
    const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
    const passed = ofKind.filter((outcome) => outcome.passed).length;
    return `| ${kind} | ${passed}/${ofKind.length} | ${Math.round((passed / ofKind.length) * 100)}% |`;
  });
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  const overall = passed / outcomes.length;
  return { table: ["| kind | passed | rate |", "| --- | --- | --- |", ...rows, `| **all** | ${passed}/${outcomes.length} | ${Math.round(overall * 1000) / 10}% |`].join("\n"), overall };
}
