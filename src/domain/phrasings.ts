/**
 * Natural phrasings of the analyst commands: "A vs B", "is X legitimate?", "who is in X",
 * "which partnerships address climate change", "brief me on X". The question command
 * (`ask`) calls `matchPhrasing` first and runs the command it names; the commands
 * themselves call `topicOf` to drop lead-ins such as "brief me on" or "legitimacy of".
 */
import { findBucket, findThreat } from "./analysis/threats.js";

export interface Phrasing {
  command: string;
  args: string;
}

type Rule = { pattern: RegExp; to: (match: RegExpExecArray) => Phrasing | undefined };

const pair = (match: RegExpExecArray): Phrasing => ({ command: "compare", args: `${match[1]} vs ${match[2]}` });
const first = (command: string) => (match: RegExpExecArray): Phrasing => ({ command, args: match[1] ?? "" });

const PARTNERSHIPS = "(?:partnerships?|coalitions?|alliances?|organi[sz]ations?|initiatives?|groups?)";
const ADDRESS =
  "(?:address(?:es)?|tackles?|work(?:s|ing)? on|deals? with|focus(?:es)? on|covers?|targets?|fights?|combats?|" +
  "(?:are|is) (?:there )?(?:for|on|about|against)|exist for|help with)";
const MEMBERS = "(?:members|membership|partners|stakeholders|participants)";

/** A topic of "which partnerships address …": an SDG, a threat or a bucket of threats. */
function partnershipsOn(topic: string): Phrasing | undefined {
  if (/^(?:the\s+)?(?:sdg|sustainable development goal|goal)\s*#?\s*\d{1,2}$/i.test(topic)) {
    return { command: "sdg", args: topic };
  }
  if (findThreat(topic) || findBucket(topic)) return { command: "threats", args: topic };
  return undefined;
}

/** Most specific first: "is X legitimate" before "X vs Y" would split a name on "vs". */
const RULES: readonly Rule[] = [
  // compare
  { pattern: /^(?:can you |could you |please )*compare\s+(.+)$/i, to: first("compare") },
  { pattern: /^(?:what(?:'s| is) )?(?:the )?differences? between\s+(.+?)\s+and\s+(.+)$/i, to: pair },
  { pattern: /^how (?:does|do|did)\s+(.+?)\s+compare (?:to|with|against)\s+(.+)$/i, to: pair },
  // legitimacy
  { pattern: /^(?:is|are)\s+(.+?)\s+(?:legitimate|legit)$/i, to: first("legitimacy") },
  { pattern: /^how legitimate (?:is|are)\s+(.+)$/i, to: first("legitimacy") },
  { pattern: /^(?:(?:assess|judge|evaluate|check|what(?:'s| is))\s+)?(?:the )?legitimacy of\s+(.+)$/i, to: first("legitimacy") },
  { pattern: /^(?:(?:assess|judge|evaluate|check)\s+)?(.+?)['’]s legitimacy$/i, to: first("legitimacy") },
  // stakeholders
  { pattern: /^who(?:'s| is| are| sits?)? (?:in|on|inside|part of|involved in)\s+(.+)$/i, to: first("stakeholders") },
  { pattern: /^who belongs to\s+(.+)$/i, to: first("stakeholders") },
  { pattern: new RegExp(`^(?:who|what) (?:are|is) (?:the )?${MEMBERS} (?:of|in)\\s+(.+)$`, "i"), to: first("stakeholders") },
  { pattern: new RegExp(`^(?:list |show )?(?:me )?(?:the )?${MEMBERS} (?:of|in)\\s+(.+)$`, "i"), to: first("stakeholders") },
  { pattern: new RegExp(`^(?:who are )?(?!who\\b|what\\b|which\\b)(.+?)(?:['’]s)? ${MEMBERS}$`, "i"), to: first("stakeholders") },
  // threats and SDGs
  { pattern: new RegExp(`^(?:which|what) ${PARTNERSHIPS} ${ADDRESS}\\s+(.+)$`, "i"), to: (match) => partnershipsOn(match[1] ?? "") },
  { pattern: new RegExp(`^${PARTNERSHIPS} (?:for|on|about|against|addressing|tackling|that address|that tackle|working on)\\s+(.+)$`, "i"), to: (match) => partnershipsOn(match[1] ?? "") },
  { pattern: /^(?:list |show )?(?:me )?(?:the |all )?threats$/i, to: () => ({ command: "threats", args: "" }) },
  { pattern: /^(?:sdg|goal)\s*#?\s*(\d{1,2})$/i, to: first("sdg") },
  { pattern: /^(?:which|what) (?:sdgs|goals|sustainable development goals) (?:have|has|lack|are|get) (?:no|without|missing|not)\b.*$/i, to: () => ({ command: "sdg", args: "gaps" }) },
  { pattern: /^(?:list |show )?(?:me )?(?:the |all )?(?:sdgs|sustainable development goals|17 goals)$/i, to: () => ({ command: "sdg", args: "" }) },
  // brief
  { pattern: /^(?:please )?brief me (?:on|about)\s+(.+)$/i, to: first("brief") },
  {
    pattern: /^(?:(?:can you |could you |please )*(?:give me|prepare|write|draft|make)|i need) (?:a |the |me a )?(?:short |quick )?brief(?:ing)?(?: note| card)? (?:on|about|for)\s+(.+)$/i,
    to: first("brief"),
  },
  { pattern: /^(?:a |my )?(?:briefing|talking points) (?:on|about|for)\s+(.+)$/i, to: first("brief") },
  { pattern: /^(?:i(?:'m| am) )?(?:preparing|prepping) (?:for )?(?:a |my )?(?:meeting|call|talks|visit) (?:with|on|about|to)\s+(.+)$/i, to: first("brief") },
  // last: a bare "A vs B"
  { pattern: /^(.+?)\s+(?:vs\.?|versus|v\.)\s+(.+)$/i, to: pair },
];

/** Trailing punctuation and politeness that say nothing about the topic. */
function tidy(message: string): string {
  return message
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s?!.]+$/, "")
    .replace(/,?\s+(?:please|thanks|thank you)$/i, "");
}

/** The analyst command a natural question means, with its argument; undefined if none. */
export function matchPhrasing(message: string): Phrasing | undefined {
  const text = tidy(message);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const phrasing = rule.to(match);
    if (phrasing && (phrasing.args.trim() || !match[1])) return { command: phrasing.command, args: phrasing.args.trim() };
  }
  return undefined;
}

const LEAD_IN = /^(?:(?:me|us)\s+)?(?:on|about|of|for|in|to|with|between)\s+/i;

/** A command's argument without the words that lead into it: "me on India" → "India". */
export function topicOf(args: string): string {
  return tidy(args).replace(LEAD_IN, "").trim();
}
