/**
 * The answers several commands give: the card for a name (concept, partnership, actor,
 * document, bare questions) and a ranked list of search hits (search, bare questions).
 */
import type { KnowledgeBase } from "../knowledge/base.js";
import type { Kind } from "../knowledge/schema.js";
import type { Resolution, SearchResult } from "../knowledge/search.js";
import { withArticle } from "./analysis/text.js";
import { entryCard } from "./cards.js";
import { defineCommand, type CommandDefinition } from "../core/command.js";
import { entryRef, reply, type Reply } from "../core/reply.js";
import { firstSentence } from "../core/sentence.js";

/** The card for the entry `name` means, or a polite miss with suggestions. */
export function answerName(
  kb: KnowledgeBase,
  name: string,
  command: string,
  kind?: Kind,
  resolution: Resolution = kb.resolve(name, kind),
): Reply {
  const { entry } = resolution;
  if (!entry) {
    const what = kind ? withArticle(kind) : "anything";
    const suggestions = resolution.suggestions.map((candidate) => entryRef(candidate));
    return reply(command, {
      title: "No match",
      sections: [
        {
          text:
            `I couldn't find ${what} called “${name}”.` +
            (suggestions.length > 0 ? " Did you mean one of these?" : " Try “search <words>”, or “help” for what I can do."),
        },
      ],
      suggestions,
    });
  }
  return {
    ...entryCard(kb, entry, command, resolutionNotes(name, resolution, kind)),
    suggestions: resolution.alternatives.map((alternative) => entryRef(alternative)),
  };
}

/** What a reply should say about how a name was resolved: another kind, or one of several. */
export function resolutionNotes(name: string, resolution: Resolution, kind?: Kind, verb = "showing"): string[] {
  const { entry } = resolution;
  if (!entry) return [];
  const notes: string[] = [];
  if (resolution.otherKind) notes.push(`No ${kind} matches “${name}”; the closest match is this ${entry.kind}.`);
  if (resolution.alternatives.length > 0) {
    notes.push(`“${name}” could mean several entries: ${verb} ${entry.title}. See the suggestions for the others.`);
  }
  return notes;
}

/** A command that shows the card for one entry, preferring entries of `kind`. */
export function lookupCommand(spec: {
  kind: Kind;
  aliases: readonly string[];
  summary: string;
  examples: readonly string[];
}): CommandDefinition {
  const definition = defineCommand({
    name: spec.kind,
    aliases: spec.aliases,
    usage: `${spec.kind} <name>`,
    summary: spec.summary,
    examples: spec.examples,
    argument: { name: "name", description: `The ${spec.kind} to look up`, required: true, completes: [spec.kind] },
    // "What is X?", "X?", "tell me about X": the card of whatever kind X is.
    intents: [{ cues: [], names: 1, about: [spec.kind], namesAlone: true }],
    handler: ({ args }, { kb }) => answerName(kb, args, spec.kind, spec.kind),
  });
  return definition;
}

/** How many hits a result list shows. */
export const SEARCH_REPLY_HITS = 10;

/** Ranked hits with one-line summaries; a miss offers suggestions or says so honestly. */
export function searchReply(kb: KnowledgeBase, query: string, command: string, result: SearchResult = kb.search(query)): Reply {
  const hits = result.hits.slice(0, SEARCH_REPLY_HITS);
  const suggestions = result.suggestions.map((hit) => entryRef(hit.entry, hit.score));
  if (hits.length === 0) {
    return reply(command, {
      title: "No match",
      sections: [
        {
          text:
            suggestions.length > 0
              ? `Nothing in the knowledge base matches “${query}” closely. Did you mean one of these?`
              : `I don't know anything about “${query}”. I cover international partnerships and the ideas used to judge them; try “help”.`,
        },
      ],
      suggestions,
    });
  }
  return reply(command, {
    title: `Results for “${query}”`,
    sections: [
      {
        items: hits.map((hit) => `${hit.entry.title} (${hit.entry.kind}): ${firstSentence(hit.entry.summary)}`),
      },
    ],
    entries: hits.map((hit) => entryRef(hit.entry, hit.score)),
    suggestions,
  });
}
