import { defineCommand } from "../src/core/command.js";
import { DEFAULT_LENGTH, type Length } from "../src/core/length.js";
import { reply } from "../src/core/reply.js";
import { answerName } from "../src/domain/answers.js";

/** Words after "more" that name nothing ("go on", "more please"). */
const FILLER = /^(?:on|please|pls|of (?:it|that|this)|about (?:it|that|this)|info|information|details?)?[.!?]*$/i;

/** A plain "more" asks for everything; "tl;dr" or "3 talking points" on their own re-cut the last answer. */
const expanded = (length: Length): Length =>
  length.form === DEFAULT_LENGTH.form && length.points === undefined ? { form: "full" } : length;

/**
 * A follow-up that shows the last answer in the conversation again, in full or at the length
 * asked for. With a name ("details gavi") it shows that entry's card in full instead.
 */
const more = defineCommand({
  name: "more",
  aliases: ["go", "continue", "details", "expand", "elaborate"],
  usage: "more",
  summary: "The last answer in full (also “go on”, “full card”, “details”); or shorter: “tl;dr”, “in one line”.",
  examples: ["more", "go on", "tl;dr", "3 talking points"],
  handler: ({ args, length }, { kb, previous }) => {
    if (!FILLER.test(args)) return { ...answerName(kb, args, "more"), length: expanded(length) };
    if (!previous) {
      return reply("more", {
        sections: [
          {
            text: "There is nothing to expand yet: ask about something first (for example “partnership gavi” or “what is multialignment?”), then say “more” for the full answer.",
          },
        ],
      });
    }
    return { ...previous.reply, length: expanded(length) };
  },
});

export default more;
