import { entryCard, quoteLine } from "../src/domain/cards.js";
import { defineCommand } from "../src/core/command.js";
import { entryRef, mergeSources, reply, type Reply } from "../src/core/reply.js";
import type { KnowledgeBase } from "../src/knowledge/base.js";
import type { EntryOf } from "../src/knowledge/schema.js";

function quoteList(kb: KnowledgeBase, quotes: ReadonlyArray<EntryOf<"quote">>, title: string): Reply {
  return reply("quote", {
    title,
    sections: [
      {
        items: quotes.map((quote) => quoteLine(kb, quote)),
      },
    ],
    entries: quotes.map((quote) => entryRef(quote)),
    sources: mergeSources(quotes.map((quote) => quote.source)),
  });
}

/** Quotes by a speaker (person, document, partnership), on a topic, or all of them. */
export default defineCommand({
  name: "quote",
  aliases: ["quotes", "said"],
  usage: "quote [topic or speaker]",
  summary: "Short, attributed quotations: all of them, by a speaker, or on a topic.",
  examples: ["quote jaishankar", "quote open world", "quote"],
  argument: { name: "topic", description: "A speaker or topic (optional)", required: false, completes: ["actor", "quote"] },
  intents: [
    { cues: ["say", "said", "says", "saying", "quote", "quotes", "quoted", "line", "words", "remarks", "statement", "put it", "think", "thinks", "view on", "views on", "opinion"], names: 1, about: ["actor", "document", "quote"], weight: 3 },
    { cues: [], names: 1, about: ["quote"], namesAlone: true },
  ],
  handler: ({ args }, { kb }) => {
    const all = kb.ofKind("quote");
    if (!args) return quoteList(kb, all, `${all.length} quotations`);

    const { entry } = kb.resolve(args);
    if (entry?.kind === "quote") return entryCard(kb, entry, "quote");
    const bySpeaker = entry ? kb.quotesBy(entry.id) : [];
    if (entry && bySpeaker.length > 0) return quoteList(kb, bySpeaker, `Quotes from ${entry.title}`);

    // Someone we know but have no words of: quotations that mention them, by name.
    const topic = entry?.title ?? args;
    const onTopic = kb.search(topic, { kinds: ["quote"] }).hits.map((hit) => hit.entry as EntryOf<"quote">);
    if (onTopic.length > 0) return quoteList(kb, onTopic, `Quotes about “${topic}”`);
    return reply("quote", {
      title: "No quotes",
      sections: [{ text: `I have no quotations by or about “${topic}”. Type “quote” to list them all.` }],
      suggestions: entry ? [entryRef(entry)] : [],
    });
  },
});
