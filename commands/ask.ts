import { answerName, searchReply } from "../src/domain/answers.js";
import { defineCommand } from "../src/core/command.js";
import { reply } from "../src/core/reply.js";
import { normalize, SMALL_TALK } from "../src/knowledge/normalize.js";

/**
 * A message without a command word. A name or a "what is / who is / explain" question
 * gets that entry's card; anything else is searched.
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
    // One clear name → its card; several equally good names or only prose matches → a list.
    if (resolution.entry && resolution.alternatives.length === 0) return answerName(kb, args, "ask", kind, resolution);
    return searchReply(kb, args, "ask", resolution.search);
  },
});
