/**
 * The understanding step: from a message as people write it to the command that answers
 * it, with that command's argument. It reads the message as English words (lexicon.ts),
 * finds every name and topic in it (mentions.ts), weighs the cue phrases each command
 * declares (its `intents`), fills in "it", "they" and "and X?" from the conversation's
 * last answer, and splits a message that asks two things. It never makes an answer out of
 * nothing: with no name, topic or cue it hands the message to search, and with a name but
 * no question it says so.
 */
import type { Recollection } from "../../core/conversation.js";
import type { CommandDefinition, Intent } from "../../core/command.js";
import type { Interpretation } from "../../core/router.js";
import type { KnowledgeBase } from "../../knowledge/base.js";
import { STOP_WORDS } from "../../knowledge/normalize.js";
import type { Kind } from "../../knowledge/schema.js";
import { sdgDocument } from "../analysis/sdgs.js";
import { detectField, includesPhrase } from "./fields.js";
import { readWords } from "./lexicon.js";
import { correct, isEntryMention, isNameWord, spotEntries, spotGoalNames, spotTopics, typoIndex, type Mention } from "./mentions.js";

/** The command that says "I know that name, but what do you want to know?". */
export const CLARIFY_COMMAND = "clarify";

/** Words that make a part of a message a question. */
const QUESTION_WORDS = new Set(["what", "who", "whom", "why", "how", "where", "when", "which", "is", "are", "does", "do", "did", "can", "could", "should", "explain", "define", "tell", "compare", "brief"]);
/** Words that point back to the last answer. */
const PRONOUNS = new Set(["it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers", "this", "that", "those", "these", "itself"]);
/** Words for partnerships in general: with one, a state named in a filter question is a member to look for. */
const PARTNERSHIP_NOUNS = new Set(["partnerships", "partnership", "groupings", "coalitions", "alliances", "initiatives", "forums", "bodies", "organisations", "organizations"]);
/** Openings that carry a question over to a new subject: "and Gavi?", "what about the Quad?", "vs NATO?". */
const CONTINUATIONS = [["and"], ["what", "about"], ["how", "about"], ["vs"], ["versus"], ["or"], ["same", "for"], ["also"]];
/**
 * Entries every answer leans on (the essay and its author): a message naming another
 * entry as well is about that one ("in the essay, why does Slaughter bring up Saudi Arabia").
 */
const BACKGROUND = new Set(["multialigned-world-essay", "anne-marie-slaughter"]);
/** Kinds in the order a message naming several is most likely about: the partnership or idea before the person or state. */
const KIND_RANK: Record<Kind, number> = { partnership: 0, concept: 0, document: 0, quote: 0, actor: 1 };
/**
 * Nouns that, fixed to a name ("NATO summit parking", "the capital of Australia"), ask for
 * something a card still answers: a stance, a policy, an idea. Any other noun fixed to a
 * name asks for something we do not hold.
 */
const ABOUT_THE_SUBJECT = new Set([
  "policy", "policies", "foreign", "stance", "position", "positions", "view", "views", "strategy", "approach", "role",
  "relations", "relationship", "ties", "idea", "ideas", "concept", "term", "thing", "model", "essay", "argument",
  "later", "next", "tomorrow", "today", "yesterday", "week", "again", "really", "exactly", "here", "now", "context",
  "will", "came", "come", "keeps", "kept", "mentioned", "said", "says", "team", "stuff", "cited", "quoted", "named", "gist", "essence", "basics", "summary", "overview", "still", "around", "alive", "active", "exist", "exists",
  "actually", "basically", "even", "works", "work", "operates", "functions", "does", "process", "framework", "agenda", "coming", "upcoming", "soon", "main", "argument", "arguments", "point", "thesis", "message", "case",
]);
/** Asking to do something, not to know something: "can I volunteer at the COP", "how do I register for Davos". */
const PRACTICAL = [["how", "do", "i"], ["how", "can", "i"], ["can", "i"], ["where", "can", "i"], ["how", "to"], ["help", "me"], ["can", "we"], ["do", "i", "need"]];
/** Words that ask what something is, when no other intent fits. */
const DEFINE_WORDS = new Set([
  "what", "who", "whom", "why", "how", "where", "explain", "explained", "explaind", "define", "definition", "meaning",
  "mean", "means", "meant", "tell", "about", "background", "overview", "remind", "hearing", "heard", "know", "understand",
  "stand", "treat", "treats", "intro", "introduction", "primer", "is", "are", "was", "were", "exactly", "really",
]);

interface CompiledCue {
  command: CommandDefinition;
  intent: Intent;
  words: string[];
}

interface Part {
  /** As typed. */
  text: string;
  words: string[];
  entries: Array<Mention & { kind: Kind }>;
  topics: Mention[];
}

/** Splits a message that asks two things: "who's X and what's Y?", "X; Y", "X, also Y". */
const SECOND_QUESTION =
  /\s*(?:[?;]\s+(?:and\s+|et\s+|y\s+)?|\s+(?:also|then|plus|\+)\s+|,\s*(?:and\s+|then\s+|also\s+)?(?=(?:who|what|where|when|how|which|is|are|does|did|can|compare|define|brief)\b)|\s+(?:and|&|et|y)\s+(?=(?:who|whos|who's|what|whats|what's|where|when|how|which|why|is|does|did|qui|que|quel|où|quand|comment|quién|qué|dónde|cuándo|cómo)\b))/i;

function splitTwo(message: string): [string, string | undefined] {
  const match = SECOND_QUESTION.exec(message);
  if (!match || match.index === 0) return [message, undefined];
  const second = message.slice(match.index + match[0].length).replace(/^[\s,;?+]+|[\s?!.]+$/g, "");
  return second.length > 0 && /\p{L}/u.test(second) ? [message.slice(0, match.index), second] : [message, undefined];
}

export class Interpreter {
  private readonly cues: CompiledCue[];
  private readonly topicCues: CompiledCue[];
  /** Every word of every cue, and the index that corrects typos towards them. */
  private readonly cueWords: Set<string>;
  private readonly cueTypos: Map<string, string[]>;
  private readonly searchCommand: string | undefined;
  /** The command that shows an entry's card, by kind. */
  private readonly cardFor = new Map<Kind, CommandDefinition>();

  constructor(
    commands: readonly CommandDefinition[],
    private readonly knowledge: () => KnowledgeBase,
  ) {
    this.cues = commands.flatMap((command) =>
      (command.intents ?? []).flatMap((intent) => intent.cues.map((cue) => ({ command, intent, words: cue.split(" ") }))),
    );
    this.cueWords = new Set(this.cues.flatMap((cue) => cue.words));
    // The command for an open search: the one whose intents take no name and need no topic.
    this.searchCommand = this.cues.find((cue) => cue.intent.names === 0 && cue.intent.needs === undefined)?.command.name;
    this.cueTypos = typoIndex(this.cueWords);
    // Only SDGs: a threat word alone ("energy access") is as often a topic to search.
    this.topicCues = commands.flatMap((command) =>
      (command.intents ?? []).flatMap((intent) => (intent.needs === "sdg" ? [{ command, intent, words: [] }] : [])),
    );
    for (const command of commands) {
      for (const intent of command.intents ?? []) {
        if (intent.namesAlone) for (const kind of intent.about ?? []) this.cardFor.set(kind, command);
      }
    }
  }

  /** The command and argument `message` means, or undefined to let the router search it. */
  readonly interpret = (message: string, previous?: Recollection, only?: string): Interpretation | undefined => {
    const [first, second] = splitTwo(message);
    const whole = () => this.understand(this.read(message), previous, only);
    if (second === undefined) return whole();
    // "Colleagues asked about SWA, who hosts it?": the first part only says what the question is about.
    const opening = this.read(first);
    if (!only && !this.asks(opening) && opening.entries.length > 0) {
      const context = this.recollection(CLARIFY_COMMAND, this.salient(opening.entries).map((entry) => entry.id));
      return this.understand(this.read(second), context, undefined, true) ?? whole();
    }
    // A command word typed first keeps its meaning for the first question: "define X, also is Y legit".
    const answer = this.understand(opening, previous, only) ?? (only ? { command: only, args: first.replace(/^\S+\s*/, "").trim() } : undefined);
    // "The essay mentions Kerry, who is he?": one question after some context, not two.
    if (!answer || answer.command === CLARIFY_COMMAND) return whole();
    const context = this.recollection(answer.command, answer.subjects ?? []);
    const then = this.understand(this.read(second), context.entries.length > 0 ? context : previous, undefined, true);
    // "Gavi vs GPE, which has clearer targets": a second clause about nothing of its own refines the first, it is not a new question.
    const refines = then && (then.subjects ?? []).length === 0 && (answer.subjects ?? []).length > 0;
    return then && then.command !== CLARIFY_COMMAND && !refines ? { ...answer, then } : answer;
  };

  private read(text: string): Part {
    const kb = this.knowledge();
    // A mistyped cue word ("memebrs", "legitmate") is read as the cue, unless it is a word of some name.
    const words = readWords(text).map((word) =>
      this.cueWords.has(word) || STOP_WORDS.has(word) || isNameWord(word, kb) ? word : this.asCue(word),
    );
    const topics = [...spotTopics(words), ...spotGoalNames(words, kb)];
    const usRoleAsked = topics.some((topic) => topic.id.startsWith("us_role:"));
    const entries = spotEntries(words, kb)
      .filter(isEntryMention)
      // "which partnerships does the US lead": the United States is the criterion, not the subject.
      .filter((mention) => !(usRoleAsked && mention.id === "united-states"));
    // "security" inside "National Security Strategy" is part of a name, not a topic.
    const outsideNames = topics.filter(
      (topic) => !entries.some((entry) => topic.start >= entry.start && topic.end <= entry.end && entry.end - entry.start > topic.end - topic.start),
    );
    return { text, words, entries, topics: outsideNames };
  }

  private understand(part: Part, previous: Recollection | undefined, only?: string, isSecondPart = false): Interpretation | undefined {
    const { words } = part;
    if (words.length === 0) return undefined;
    const pointsBack = words.some((word) => PRONOUNS.has(word));
    const leadsOn = CONTINUATIONS.some((cue) => includesPhrase(words, cue) === 0);
    const continues = leadsOn || isSecondPart;
    const cued = this.cueMatches(part);

    // Someone answering our question back ("compare what?" → "Gavi and SEforALL").
    const awaiting = previous?.reply.awaiting;
    if (!only && awaiting && part.entries.length > 0 && cued.length === 0) {
      for (const intent of this.intentsOf(awaiting)) {
        const fitted = this.fit(intent, part, undefined);
        if (fitted) return fitted;
      }
    }

    // "and Gavi?", "what about output?", "vs the Quad?": the last question, about something else.
    if (!only && previous && leadsOn && cued.every((match) => includesPhrase(words, match.words) === 0)) {
      const carried = this.carryOver(part, previous);
      if (carried) return carried;
    }

    const matches = only ? cued.filter((match) => match.command.name === only) : cued;
    for (const match of matches) {
      const isTop = !only && match === matches[0];
      // A command word with more names than it takes ("compare A vs B vs C") is the command's to refuse.
      if (only && match.intent.names > 0 && new Set(part.entries.map((entry) => entry.id)).size > match.intent.names) return undefined;
      // The last answer fills in only what the message points back to ("it", "and …?").
      const fitted = this.fit(match, part, pointsBack || continues ? previous : undefined, match, isTop);
      if (fitted) return fitted;
    }
    if (only) {
      // "compare them" with nothing before: ask which, and take the answer as its argument.
      return pointsBack && matches.length > 0 ? { command: CLARIFY_COMMAND, args: `awaiting:${only}`, subjects: [] } : undefined;
    }

    if (previous && continues) {
      const carried = this.carryOver(part, previous);
      if (carried) return carried;
    }

    // "it" with only the essay named: the last answer's subject, as in the intents above.
    const pointsToEarlier = pointsBack && previous?.entries[0] && part.entries.every((entry) => BACKGROUND.has(entry.id));
    const earlier = pointsToEarlier && previous?.entries[0] ? [{ start: -1, end: -1, kind: previous.entries[0].kind, id: previous.entries[0].id }] : [];
    const subjects = earlier.length > 0 ? earlier : this.salient(part.entries);
    const subject = subjects[0];
    if (subject) {
      if (!this.asksForSomethingElse(part, subject)) {
        const define = this.card(subject.id, subject.kind);
        const second = subjects[1];
        // "tell me about the Paris Agreement and the COP": two cards.
        const then = second && words.includes("and") ? this.card(second.id, second.kind) : undefined;
        if (define) return then ? { ...define, then } : define;
      }
      return { command: CLARIFY_COMMAND, args: subject.id, subjects: [subject.id] };
    }
    // A question about "it" with nothing before it to be "it".
    const [best] = cued;
    if (pointsBack && best) return { command: CLARIFY_COMMAND, args: `awaiting:${best.command.name}`, subjects: [] };
    return undefined;
  }

  /**
   * The cue word `word` is a slip of ("memebrs", "legitmate"), or `word` itself. A word that
   * ends differently is another word, not a slip ("drafts" is not "draft", "funder" not "funded").
   */
  private asCue(word: string): string {
    const cue = word.length >= 6 ? correct(word, this.cueTypos) : undefined;
    return cue && cue.slice(-2) === word.slice(-2) ? cue : word;
  }

  /** The card of an entry of `kind`, as an interpretation; undefined if no command shows that kind. */
  private card(id: string, kind: Kind): Interpretation | undefined {
    const command = this.cardFor.get(kind);
    return command && { command: command.name, args: id, subjects: [id] };
  }

  /** What the first part of a message was about (its command and subjects), as the second part's "it". */
  private recollection(command: string, ids: readonly string[]): Recollection {
    const entries = ids.flatMap((id) => {
      const entry = this.knowledge().get(id);
      return entry ? [{ id, kind: entry.kind, title: entry.title }] : [];
    });
    return { command, entries, reply: { ok: true, command, sections: [], fields: [], entries: [], suggestions: [], sources: [] }, at: Date.now() };
  }

  /** Whether a part asks something (a cue, or a question word) rather than only setting the scene. */
  private asks(part: Part): boolean {
    return this.cueMatches(part).length > 0 || part.words.some((word) => QUESTION_WORDS.has(word));
  }

  /** A command's intents that take names, the one taking most first. */
  private intentsOf(commandName: string): Array<{ command: CommandDefinition; intent: Intent }> {
    const own = this.cues.filter((cue) => cue.command.name === commandName && cue.intent.names > 0);
    const unique = own.filter((cue, index) => own.findIndex((other) => other.intent === cue.intent) === index);
    return unique.sort((a, b) => b.intent.names - a.intent.names);
  }

  /** Cue matches in `part`, best first: longer cues, then heavier intents; never inside a name. */
  private cueMatches(part: Part): CompiledCue[] {
    // "finance" in "Finance in Common" is a name, not a question about funding.
    const inName = (at: number, length: number) => part.entries.some((entry) => at >= entry.start && at + length <= entry.end);
    const found: Array<CompiledCue & { score: number }> = [];
    for (const cue of this.cues) {
      const at = includesPhrase(part.words, cue.words);
      if (at === -1 || inName(at, cue.words.length)) continue;
      found.push({ ...cue, score: cue.words.length * 10 + (cue.intent.weight ?? 1) });
    }
    // A topic an intent needs is a weak cue of its own: "SDG7", "which SDGs have no partnership".
    for (const cue of this.topicCues) {
      // "SDGs" names the Agenda 2030 document too: that alone does not make a question about a name.
      const sdgList = sdgDocument(this.knowledge())?.id;
      const named = part.entries.some((entry) => !BACKGROUND.has(entry.id) && entry.id !== sdgList);
      if (!named && part.topics.some((topic) => topic.kind === cue.intent.needs || (cue.intent.needs === "sdg" && topic.kind === "gaps"))) found.push({ ...cue, score: 5 });
    }
    return found.sort((a, b) => b.score - a.score);
  }

  /** The intent filled from `part` (and, for "it" or an ellipsis, the last answer), or undefined if it does not fit. */
  private fit(
    { command, intent }: { command: CommandDefinition; intent: Intent },
    part: Part,
    previous: Recollection | undefined,
    cue?: CompiledCue,
    isTop = false,
  ): Interpretation | undefined {
    const wanted = (kind: Kind) => !intent.about || intent.about.includes(kind);
    // "does it have critics in the essay?": "it" is the last answer, not the essay every answer comes from.
    const foreground = previous && previous.entries.length > 0 ? part.entries.filter((entry) => !BACKGROUND.has(entry.id)) : part.entries;
    const named = this.salient(foreground).filter((entry) => wanted(entry.kind)).map((entry) => entry.id);
    const earlier = (previous?.entries ?? []).filter((entry) => wanted(entry.kind)).map((entry) => entry.id);
    const subjects = [...new Set(named.length >= intent.names ? named : [...earlier.slice(0, intent.names - named.length), ...named])];
    // "compare Gavi with the Global Fund": asked plainly for a pair of which we know one; the command says which it cannot find.
    if (intent.names === 2 && subjects.length === 1 && isTop && cue) {
      const other = this.topicAfter(part, cue).replace(/^(?:from|with|to|and|vs\.?|versus|against)\s+/i, "");
      return { command: command.name, args: `${subjects[0]} vs ${other}`, subjects };
    }
    if (subjects.length < intent.names) return undefined;
    const chosen = subjects.slice(0, Math.max(intent.names, 0));
    const topics = part.topics;
    switch (intent.needs) {
      case "field": {
        const entry = this.knowledge().get(chosen[0] ?? "");
        const field = entry && detectField(part.words, entry.kind);
        return field ? { command: command.name, args: `${field} ${entry.id}`, subjects: chosen } : undefined;
      }
      case "threat": {
        const threat = topics.find((topic) => topic.kind === "threat");
        const others = topics.filter((topic) => topic.kind === "criterion" || topic.kind === "sdg");
        return threat && others.length === 0 ? { command: command.name, args: threat.id, subjects: [] } : undefined;
      }
      case "sdg": {
        const sdg = topics.find((topic) => topic.kind === "sdg") ?? topics.find((topic) => topic.kind === "gaps");
        const criteria = topics.filter((topic) => topic.kind === "criterion");
        return sdg && criteria.length === 0 ? { command: command.name, args: sdg.id, subjects: [] } : undefined;
      }
      case "criterion": {
        const criteria = topics.flatMap((topic) =>
          topic.kind === "criterion" ? [topic.id] : topic.kind === "threat" ? [`threat:${topic.id}`] : topic.kind === "sdg" ? [`sdg:${topic.id}`] : [],
        );
        // A threat or an SDG alone is the threats or sdg command's list; filtering needs more.
        // "which partnerships does India belong to": a state or organisation named is a member to look for.
        if (part.words.some((word) => PARTNERSHIP_NOUNS.has(word))) {
          criteria.push(...part.entries.filter((entry) => entry.kind === "actor").map((entry) => `member:${entry.id}`));
        }
        const hasCriterion = topics.some((topic) => topic.kind === "criterion") || criteria.some((criterion) => criterion.startsWith("member:"));
        if (criteria.length === 0 || (criteria.length === 1 && !hasCriterion)) return undefined;
        // "which of those …": among the partnerships of the last answer.
        const among = /\b(?:of|among) (?:those|them|these)\b/.test(part.words.join(" ")) && previous ? previous.entries.map((entry) => `among:${entry.id}`) : [];
        return { command: command.name, args: [...new Set(criteria), ...among].join(" "), subjects: [] };
      }
      default:
        break;
    }
    if (intent.names === 0) {
      // An open search gives way to the SDG, threat or criterion the message names ("anything on SDG 14?").
      if (topics.length > 0) return undefined;
      const topic = this.topicAfter(part, cue);
      return topic ? { command: command.name, args: topic, subjects: chosen } : undefined;
    }
    // "What does the essay say about Sudan?": every entry is the essay's, so this is a search for Sudan.
    if (chosen.length === 1 && BACKGROUND.has(chosen[0] ?? "") && this.searchCommand) {
      const about = /\babout\s+(.+)$/i.exec(part.text)?.[1]?.replace(/[?!.]+$/, "").trim();
      if (about) return { command: this.searchCommand, args: about, subjects: [] };
    }
    return { command: command.name, args: chosen.join(" vs "), subjects: chosen };
  }

  /** The message as typed, without the words that asked for the command ("anything on", "search", "compare"). */
  private topicAfter(part: Part, cue: CompiledCue | undefined): string {
    const cuePattern = cue && cue.words.length > 0 ? new RegExp(`^.*?\\b${cue.words.join("\\s+")}\\b\\s*`, "i") : /^\S+\s*/;
    return part.text.replace(cuePattern, "").trim();
  }

  /** "and Gavi?" after a question about SEforALL: the same command, about Gavi (or, with "vs", about both). */
  private carryOver(part: Part, previous: Recollection): Interpretation | undefined {
    let named = this.salient(part.entries).map((entry) => entry.id);
    // "what about output?" after input legitimacy: a word swapped into the last name.
    if (named.length === 0) named = this.swapped(part, previous);
    if (named.length === 0 || previous.command === CLARIFY_COMMAND) return undefined;
    const pair = part.words[0] === "vs" || part.words[0] === "versus" || part.words[0] === "or";
    const before = previous.entries[0]?.id;
    if (pair && before) {
      const pairCommand = this.takesPair(previous.command) ? previous.command : this.pairCommand();
      return { command: pairCommand, args: `${before} vs ${named[0]}`, subjects: [before, named[0] as string] };
    }
    const entry = this.knowledge().get(named[0] as string);
    const sameKindCard = entry && this.cardFor.get(entry.kind);
    const isCard = [...this.cardFor.values()].some((command) => command.name === previous.command);
    return this.repeat(isCard && sameKindCard ? sameKindCard.name : previous.command, named.slice(0, 1));
  }

  private swapped(part: Part, previous: Recollection): string[] {
    const title = previous.entries[0]?.title;
    if (!title) return [];
    const titleWords = readWords(title);
    for (const word of part.words.filter((candidate) => !STOP_WORDS.has(candidate) && !DEFINE_WORDS.has(candidate))) {
      for (let at = 0; at < titleWords.length; at++) {
        const guess = [...titleWords.slice(0, at), word, ...titleWords.slice(at + 1)];
        const found = spotEntries(guess, this.knowledge()).find((mention) => mention.start === 0 && mention.end === guess.length);
        if (found && found.id !== previous.entries[0]?.id) return [found.id];
      }
    }
    return [];
  }

  private repeat(command: string, subjects: string[]): Interpretation {
    return { command, args: subjects.join(this.takesPair(command) ? " vs " : " "), subjects };
  }

  /** Whether `command` can be about two names at once ("A vs B"). */
  private takesPair(command: string): boolean {
    return this.cues.some((cue) => cue.command.name === command && cue.intent.names === 2);
  }

  /** The command for two names and nothing else: the one whose only intent takes a pair. */
  private pairCommand(): string {
    const pairOnly = this.cues.find((cue) => cue.intent.names === 2 && this.cues.every((other) => other.command !== cue.command || other.intent.names === 2));
    return pairOnly?.command.name ?? CLARIFY_COMMAND;
  }

  /** Named entries, the likeliest subject first: not the essay when something else is named; ideas and partnerships before people. */
  private salient(entries: Part["entries"]): Part["entries"] {
    const unique = entries.filter((entry, index) => entries.findIndex((other) => other.id === entry.id) === index);
    const foreground = unique.filter((entry) => !BACKGROUND.has(entry.id));
    const chosen = foreground.length > 0 ? foreground : unique;
    return [...chosen].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.start - b.start);
  }

  /**
   * Whether the message asks about the subject for something no card holds: a noun fixed
   * to its name ("Gavi dress code", "the capital of Australia"), or, with no "what is" at
   * all, words beyond the name ("can Gavi help me get a job").
   */
  private asksForSomethingElse(part: Part, subject: Mention): boolean {
    const { words } = part;
    if (PRACTICAL.some((cue) => includesPhrase(words, cue) !== -1)) return true;
    const isContent = (word: string | undefined) => word !== undefined && !STOP_WORDS.has(word) && !PRONOUNS.has(word) && !DEFINE_WORDS.has(word) && !ABOUT_THE_SUBJECT.has(word);
    const ownNames = part.entries.filter((entry) => entry.id === subject.id);
    for (const mention of ownNames) {
      if (isContent(words[mention.end]) && !part.entries.some((entry) => entry.start === mention.end)) return true;
      // "the capital of australia", "a printed copy of the paris agreement"
      const before = words.slice(Math.max(0, mention.start - 3), mention.start);
      const of = before.lastIndexOf("of");
      if (of !== -1 && isContent(before[of - 1])) return true;
    }
    const asksWhat = words.some((word) => DEFINE_WORDS.has(word) && !["is", "are", "was", "were"].includes(word));
    if (asksWhat) return false;
    const inNames = (at: number) => part.entries.some((entry) => at >= entry.start && at < entry.end);
    return words.some((word, at) => !inNames(at) && isContent(word) && !["please", "thanks", "question", "quick"].includes(word));
  }
}
