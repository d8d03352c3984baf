/**
 * Finding the partnership an analyst command is about: the entry a name means, a polite
 * miss with suggestions, or, for a name that means something else (a concept, a state),
 * the partnerships linked to it.
 */
import type { KnowledgeBase } from "../../knowledge/base.js";
import { answerName, resolutionNotes } from "../answers.js";
import { entryRef, reply, type EntryRef, type Reply } from "../../core/reply.js";
import { partnershipsLinkedTo, type Partnership } from "./partnerships.js";
import { withArticle } from "./text.js";

export type PartnershipLookup =
  | { partnership: Partnership; notes: string[]; alternatives: EntryRef[] }
  | { answer: Reply };

/** `purpose` completes "… is a concept, not a partnership: I …", e.g. "assess partnerships". */
export function lookupPartnership(kb: KnowledgeBase, name: string, command: string, purpose: string): PartnershipLookup {
  const resolution = kb.resolve(name, "partnership");
  const { entry } = resolution;
  // answerName says "no match" and offers the suggestions when nothing is confident.
  if (!entry) return { answer: answerName(kb, name, command, "partnership", resolution) };
  if (entry.kind !== "partnership") {
    const linked = partnershipsLinkedTo(kb, entry);
    return {
      answer: reply(command, {
        title: "Not a partnership",
        sections: [
          {
            text:
              `“${name}” is ${entry.title}, ${withArticle(entry.kind)}, not a partnership: I ${purpose}.` +
              (linked.length > 0 ? " Partnerships linked to it are in the suggestions." : " Try “search <words>” to find one."),
          },
        ],
        entries: [entryRef(entry)],
        suggestions: linked.map((partnership) => entryRef(partnership)),
      }),
    };
  }
  // resolve() already keeps alternatives to partnerships once a partnership fits.
  return {
    partnership: entry,
    notes: resolutionNotes(name, resolution, "partnership", "using"),
    alternatives: resolution.alternatives.map((alternative) => entryRef(alternative)),
  };
}
