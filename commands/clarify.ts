import { defineCommand } from "../src/core/command.js";
import { entryRef, reply } from "../src/core/reply.js";
import type { Kind } from "../src/knowledge/schema.js";

/** What one can ask about each kind of entry, as messages to type. */
const ASKABLE: Record<Kind, (title: string) => string[]> = {
  partnership: (title) => [`what is ${title}?`, `who is in ${title}?`, `is ${title} legitimate?`, `brief ${title}`, `when was ${title} founded?`],
  concept: (title) => [`what is ${title}?`, `brief ${title}`, `compare ${title} vs …`],
  actor: (title) => [`who is ${title}?`, `what did ${title} say?`, `brief ${title}`],
  document: (title) => [`what is ${title}?`, `when was ${title} adopted?`, `what does ${title} say?`],
  quote: (title) => [`quote ${title}`],
};

/**
 * The reply when a message names something we know but asks what we cannot tell ("Gavi
 * dress code?"), or says "it" with nothing before it: say so, and offer what can be asked.
 * Reached through the understanding step, never typed.
 */
export default defineCommand({
  name: "clarify",
  aliases: [],
  usage: "<question>",
  summary: "Says what was recognised and what can be asked about it.",
  examples: [],
  hidden: true,
  handler: ({ args }, { kb }) => {
    const awaiting = args.startsWith("awaiting:") ? args.slice("awaiting:".length) : undefined;
    if (awaiting !== undefined) {
      return reply("clarify", {
        title: "Which one?",
        sections: [{ text: "I'm not sure what “it” refers to here. Name the partnership, idea or person, e.g. “the AIIB” or “Gavi and SEforALL”." }],
        awaiting,
      });
    }
    const entry = args ? kb.get(args) : undefined;
    if (!entry) {
      return reply("clarify", {
        title: "About what?",
        sections: [{ text: "I need something to go on: ask about a partnership, an idea or a person first, e.g. “what is multialignment?”." }],
      });
    }
    return reply("clarify", {
      title: entry.title,
      sections: [
        { text: `I know ${entry.title}, but not that: I only hold what the sources say about its ideas, members, goals and record. You could ask:` },
        { items: ASKABLE[entry.kind](entry.title) },
      ],
      suggestions: [entryRef(entry)],
    });
  },
});
