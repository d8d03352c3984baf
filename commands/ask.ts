import { defineCommand } from "../src/core/command.js";
import { reply } from "../src/core/reply.js";
import { answerName, searchReply } from "../src/domain/answers.js";
import { normalize, SMALL_TALK } from "../src/knowledge/normalize.js";
import { entryNames, entryProse, tokenize } from "../src/knowledge/index.js";
import type { Entry } from "../src/knowledge/schema.js";
import type { SearchResult } from "../src/knowledge/search.js";

/**
 * The understanding step has already looked for every name in the message, typos included,
 * so here a hit is an answer only if it is a whole name or holds every word asked as
 * written; a near-spelling ("ASEAN" and "Asian", "lease" and "least") is offered as a
 * suggestion, never asserted.
 */
function confidentOnly(result: SearchResult): SearchResult {
  const terms = tokenize(result.cleaned);
  const holdsEvery = (entry: Entry) => {
    const words = new Set(tokenize([...entryNames(entry), ...entryProse(entry)].join(" ")));
    return terms.every((term) => words.has(term));
  };
  const confident = result.hits.filter((hit) => hit.stage === "exact" || (hit.stage !== "fuzzy" && holdsEvery(hit.entry)));
  const offered = result.hits.filter((hit) => !confident.includes(hit));
  return { ...result, hits: confident, suggestions: [...offered, ...result.suggestions].slice(0, 5) };
}

/**
 * A message the understanding step could not place: no name it knows, no question it
 * recognises. A name after all (one search finds) gets its card; anything else is searched,
 * and only hits on names are answers, so an unrelated question is never answered with
 * confidence ("what is ASEAN" is not the AIIB).
 */
export default defineCommand({
  name: "ask",
  aliases: [],
  usage: "<question>",
  summary: "Ask in your own words: what is X, who is X, explain X, tell me about X.",
  examples: ["what is input legitimacy?", "who is Jaishankar?", "tell me about the Quad"],
  hidden: true,
  handler: ({ args }, { kb }) => {
    const normalized = normalize(args);
    if (SMALL_TALK.has(normalized)) {
      return reply("ask", {
        sections: [{ text: "Hello! Ask me about a partnership, an idea or a person, e.g. “what is multialignment?”, or type “help”." }],
      });
    }
    const kind = /^(?:who is|who was|who are)\b/.test(normalized) ? "actor" : undefined;
    const resolution = kb.resolve(args, kind);
    const result = resolution.search && confidentOnly(resolution.search);
    const named = resolution.entry && (!result || result.hits.some((hit) => hit.entry.id === resolution.entry?.id));
    // One clear name → its card; several equally good names or only prose matches → a list.
    if (named && resolution.alternatives.length === 0) return answerName(kb, args, "ask", kind, resolution);
    return searchReply(kb, args, "ask", result ?? confidentOnly(kb.search(args)));
  },
});
