import { defineCommand } from "../src/core/command.js";
import { searchReply } from "../src/domain/answers.js";

const search = defineCommand({
  name: "search",
  aliases: ["find", "s"],
  usage: "search <words>",
  summary: "Search the whole knowledge base; ranked hits with one-line summaries.",
  examples: ["search vaccine alliance", "search climate finance", "search india"],
  argument: { name: "query", description: "Words to search for", required: true, completes: [] },
  intents: [
    { cues: ["anything on", "anything about", "everything about", "everything on", "show me everything", "search", "look up", "material on", "entries on", "entries about"], names: 0, weight: 2 },
  ],
  handler: ({ args }, { kb }) => searchReply(kb, args, "search"),
});

export default search;
