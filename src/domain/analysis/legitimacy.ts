/**
 * A partnership judged on the essay's tests of legitimacy, criterion by criterion:
 * - input legitimacy: formal decision structures that are broadly understood and
 *   accepted (a treaty, a UN mandate, states as members);
 * - output legitimacy: specific, measurable goals with deadlines;
 * - outcome legitimacy: results demonstrated with figures;
 * - breadth: members across the six stakeholder categories.
 * Each criterion carries its evidence, its verdict and what is missing. There is
 * deliberately no overall score: the reader weighs the criteria.
 */
import { GOVERNANCE_LABELS, STAKEHOLDER_CATEGORIES } from "../../knowledge/schema.js";
import { describeGoal, memberLine } from "../cards.js";
import {
  categoryLabels,
  measurableGoals,
  resultLine,
  stakeholderCoverage,
  type Partnership,
} from "./partnerships.js";
import { plural, shortList } from "./text.js";

/** `unrecorded`: the knowledge base lacks the facts to judge, so no verdict is drawn from an absence. */
export type Verdict = "strong" | "partial" | "weak" | "unrecorded";

export const VERDICT_LABELS: Record<Verdict, string> = { strong: "Strong", partial: "Partial", weak: "Weak", unrecorded: "Not recorded" };

/** A verdict that establishes the criterion on this record. */
const holds = (criterion: Criterion): boolean => criterion.verdict === "strong" || criterion.verdict === "partial";

export interface Criterion {
  name: string;
  /** The essay's test, as a question. */
  test: string;
  verdict: Verdict;
  /** Why this verdict, in one sentence. */
  reason: string;
  evidence: string[];
  missing: string[];
}

export interface Assessment {
  input: Criterion;
  output: Criterion;
  outcome: Criterion;
  breadth: Criterion;
  /** Which kind of legitimacy the partnership rests on, in one sentence. */
  basis: string;
}

type Governance = NonNullable<Partnership["governance"]>;
type GovernanceType = Governance["type"];

/** Constituted by states through a treaty, articles of agreement or a UN decision. */
const FORMAL_GOVERNANCE: ReadonlySet<GovernanceType> = new Set([
  "treaty-organisation",
  "un-body",
  "un-process",
  "multilateral-bank",
]);
/** Made up of governments, but without a treaty or a standing organisation. */
const STATE_GOVERNANCE: ReadonlySet<GovernanceType> = new Set(["intergovernmental-forum"]);
/** A host or convenor that lends public standing: a government or the UN ("UN" in capitals only). */
const PUBLIC_HOST = [/\b(?:government|ministry|united nations|secretary-general)\b/i, /\bUN\b/];

/** The breadth criterion lists every member; the input criterion needs only a sample. */
const MAX_LISTED_GOVERNMENTS = 6;
/** Breadth thresholds, in stakeholder categories with members on record. */
const BROAD = 4;
const SOME = 2;

export function governanceLabel(governance: Governance): string {
  return GOVERNANCE_LABELS[governance.type];
}

type Judgement = { verdict: Verdict; reason: string };

function judgeInput(governance: Partnership["governance"]): Judgement {
  if (governance && FORMAL_GOVERNANCE.has(governance.type)) {
    return { verdict: "strong", reason: `As a ${governanceLabel(governance)}, it is constituted by states through formal, widely recognised rules.` };
  }
  if (governance && STATE_GOVERNANCE.has(governance.type)) {
    return { verdict: "partial", reason: "Its members are states, but no treaty or standing organisation sets out how it decides." };
  }
  const host = governance?.hosted_by;
  if (host && PUBLIC_HOST.some((pattern) => pattern.test(host))) {
    return { verdict: "partial", reason: `It borrows standing from a public host (${host}), without a treaty or UN mandate of its own.` };
  }
  if (!governance) return { verdict: "unrecorded", reason: "How it is constituted is not recorded, so no verdict is drawn." };
  return { verdict: "weak", reason: "It rests on no treaty, UN mandate or state-based decision structure: its standing has to come from results." };
}

function inputCriterion(partnership: Partnership): Criterion {
  const { governance, members } = partnership;
  const evidence: string[] = [];
  const missing: string[] = [];
  if (governance) {
    evidence.push(`Constituted as: ${governanceLabel(governance)}`);
    if (governance.hosted_by) evidence.push(`Hosted or convened by: ${governance.hosted_by}`);
    if (governance.decision_making) evidence.push(`Decisions: ${governance.decision_making}`);
    else missing.push("how decisions are taken is not recorded");
  } else {
    missing.push("no governance type recorded");
  }
  if (members.governments === undefined) missing.push("government members not recorded");
  else if (members.governments.length > 0) {
    evidence.push(`Governments taking part: ${shortList(members.governments, MAX_LISTED_GOVERNMENTS)}`);
  } else evidence.push("Governments taking part: none");
  return {
    name: "Input legitimacy",
    test: "Does it rest on formal decision structures that are broadly understood and accepted: a treaty, a UN mandate, states as members?",
    ...judgeInput(governance),
    evidence,
    missing,
  };
}

function judgeGoals(total: number, measurable: number): Judgement {
  if (total === 0) return { verdict: "unrecorded", reason: "No goals are recorded here, so whether it can be held to any is not known from these sources." };
  if (measurable === total) {
    return { verdict: "strong", reason: `${total === 1 ? "Its goal has" : `All ${total} goals have`} a measurable target and a deadline.` };
  }
  if (measurable > 0) {
    return { verdict: "partial", reason: `${measurable} of ${plural(total, "goal")} ${measurable === 1 ? "is" : "are"} measurable; the rest are broad aims.` };
  }
  return { verdict: "weak", reason: "Its goals are broad aims without a measurable target or deadline." };
}

function outputCriterion(partnership: Partnership): Criterion {
  const total = partnership.goals.length;
  const measurable = measurableGoals(partnership).length;
  return {
    name: "Output legitimacy",
    test: "Has it committed to specific, measurable goals with deadlines?",
    ...judgeGoals(total, measurable),
    evidence: partnership.goals.map(describeGoal),
    missing:
      total === 0
        ? ["no goals recorded"]
        : measurable < total
          ? [`a measurable target and deadline for ${total === 1 ? "its one goal" : `${total - measurable} of ${total} goals`}`]
          : [],
  };
}

function outcomeCriterion(partnership: Partnership): Criterion {
  const { results } = partnership;
  const hasTargets = measurableGoals(partnership).length > 0;
  const judged: Judgement & { missing: string[] } =
    results.length === 0
      ? {
          verdict: "unrecorded",
          reason: "No results with figures from a primary source are recorded, so no verdict is drawn.",
          missing: ["no results with figures recorded"],
        }
      : !hasTargets
        ? {
            verdict: "partial",
            reason: "It reports figures, but with no measurable goal they show activity rather than progress toward a target.",
            missing: ["a measurable goal to judge these figures against"],
          }
        : { verdict: "strong", reason: `It reports ${plural(results.length, "result")} with figures alongside measurable goals.`, missing: [] };
  return {
    name: "Outcome legitimacy",
    test: "Has it demonstrated results, with figures?",
    ...judged,
    evidence: results.map(resultLine),
  };
}

const breadthVerdict = (categories: number): Verdict => (categories >= BROAD ? "strong" : categories >= SOME ? "partial" : "weak");

function breadthCriterion(partnership: Partnership): Criterion {
  const { covered, none, unrecorded } = stakeholderCoverage(partnership);
  const known = breadthVerdict(covered.length);
  // Categories not recorded could change the verdict: judge only what the record settles.
  const open = breadthVerdict(covered.length + unrecorded.length) !== known;
  const verdict: Verdict = open && known === "weak" ? "unrecorded" : known;
  const counts = `Members are recorded in ${covered.length} of ${STAKEHOLDER_CATEGORIES.length} categories`;
  return {
    name: "Breadth of stakeholders",
    test: `Does it bring in the range of actors the essay calls for, across the ${STAKEHOLDER_CATEGORIES.length} stakeholder categories?`,
    verdict,
    reason: open
      ? `${counts}; ${unrecorded.length} ${unrecorded.length === 1 ? "is" : "are"} not recorded, so the verdict is ${verdict === "unrecorded" ? "left open" : `at least ${VERDICT_LABELS[verdict].toLowerCase()}`}.`
      : `${counts}.`,
    // What the record says; the categories it is silent on are listed as missing.
    evidence: STAKEHOLDER_CATEGORIES.filter((category) => !unrecorded.includes(category)).map((category) => memberLine(partnership, category)),
    missing: [
      ...(none.length > 0 ? [`no members in: ${categoryLabels(none)}`] : []),
      ...(unrecorded.length > 0 ? [`not recorded: ${categoryLabels(unrecorded)}`] : []),
    ],
  };
}

/** The one-sentence reading of which legitimacy a partnership rests on, from the verdicts. */
function basisOf(input: Criterion, output: Criterion, outcome: Criterion): string {
  const hasInput = holds(input);
  const hasOutput = holds(output);
  const hasOutcome = outcome.verdict === "strong";
  if (hasOutput && hasOutcome) {
    return hasInput
      ? "Rests on both: formal decision structures (input legitimacy) and measurable goals with reported results (output and outcome legitimacy)."
      : "Rests mainly on output and outcome legitimacy: it can be held to measurable goals and reports results against them.";
  }
  if (hasOutput) {
    return hasInput
      ? "Sets measurable goals, but no results against them are recorded yet; meanwhile it relies on input legitimacy."
      : "Sets measurable goals, but no results against them are recorded yet: its legitimacy is still to be demonstrated.";
  }
  return hasInput
    ? "Input legitimacy substitutes for outcome legitimacy: its standing comes from the public institutions behind it, not from measurable results."
    : "Neither is established on this record: no formal decision structure and no measurable goals are recorded; the essay's test asks it to commit to concrete, measurable results.";
}

export function assessLegitimacy(partnership: Partnership): Assessment {
  const input = inputCriterion(partnership);
  const output = outputCriterion(partnership);
  const outcome = outcomeCriterion(partnership);
  return { input, output, outcome, breadth: breadthCriterion(partnership), basis: basisOf(input, output, outcome) };
}

export function criteriaOf(assessment: Assessment): Criterion[] {
  return [assessment.input, assessment.output, assessment.outcome, assessment.breadth];
}
