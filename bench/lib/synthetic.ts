/**
 * Synthetic knowledge bases of any size, generated deterministically from a seed: entries of
 * every kind with titles, aliases (acronyms, short forms), tags and ~100-word summaries built
 * from a policy vocabulary. They are real `Entry` objects, valid per the zod schema.
 */
import {
  EntrySchema,
  GOVERNANCE_TYPES,
  THREATS,
  US_ROLES,
  type Actor,
  type Concept,
  type Entry,
  type KnowledgeDocument,
  type Partnership,
  type Quote,
  type Source,
} from "../../src/knowledge/schema.js";
import { Random } from "./random.js";
import {
  BODIES,
  CITIES,
  CONCEPT_ADJECTIVES,
  CONCEPT_NOUNS,
  COUNTRIES,
  DOCUMENT_FORMS,
  FIGURES,
  FIRST_NAMES,
  ISSUERS,
  LAST_NAMES,
  OBJECTS,
  QUALITIES,
  ROLES,
  SCOPES,
  STAKEHOLDERS,
  TOPICS,
  VERBS,
} from "./vocabulary.js";

const KIND_MIX = { partnership: 40, concept: 20, actor: 20, document: 12, quote: 8 } as const;
/** Attempts at a fresh title before a numbered one ("…, Phase 2") is accepted. */
const TITLE_ATTEMPTS = 8;
const ACRONYM_SKIP = new Set(["for", "on", "and", "of", "the", "in", "to"]);

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** "Global Alliance for Clean Water" → "GACW". */
export function acronym(title: string): string {
  return title
    .split(/[\s-]+/)
    .filter((word) => word.length > 0 && !ACRONYM_SKIP.has(word.toLowerCase()) && !/^\d/.test(word))
    .map((word) => word[0]?.toUpperCase())
    .join("");
}

class Generator {
  private readonly random: Random;
  private readonly ids = new Set<string>();
  private readonly entries: Entry[] = [];
  private readonly actorIds: string[] = [];

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  generate(count: number): Entry[] {
    while (this.entries.length < count) {
      let kind = this.random.weighted(KIND_MIX);
      if (kind === "quote" && this.actorIds.length === 0) kind = "actor";
      this.entries.push(this.make(kind));
    }
    return this.entries;
  }

  private make(kind: keyof typeof KIND_MIX): Entry {
    switch (kind) {
      case "partnership":
        return this.partnership();
      case "concept":
        return this.concept();
      case "actor":
        return this.actor();
      case "document":
        return this.document();
      case "quote":
        return this.quote();
    }
  }

  /** A title not used yet, numbered ("…, Phase 2") if the generator keeps drawing taken ones. */
  private uniqueTitle(draw: () => string): { id: string; title: string } {
    let title = draw();
    for (let attempt = 1; attempt < TITLE_ATTEMPTS && this.ids.has(slug(title)); attempt++) title = draw();
    const base = title;
    for (let phase = 2; this.ids.has(slug(title)); phase++) title = `${base}, Phase ${phase}`;
    const id = slug(title);
    this.ids.add(id);
    return { id, title };
  }

  private common(id: string, title: string, topic: string, aliases: string[]) {
    const r = this.random;
    const tags = [...new Set([topic.toLowerCase(), ...r.sample(STAKEHOLDERS, r.int(1, 2)), r.pick(QUALITIES)])];
    const related = Array.from({ length: r.int(0, Math.min(3, this.entries.length)) }, () => r.pick(this.entries).id);
    return {
      id,
      as_of: String(r.int(2015, 2025)),
      title,
      aliases: [...new Set(aliases.filter((alias) => alias.length > 1 && alias !== title))],
      summary: this.summary(title, topic),
      tags,
      related: [...new Set(related)],
      sources: [this.source(title)],
    };
  }

  private source(title: string): Source {
    const r = this.random;
    return { title: `${title}: annual report`, publisher: r.pick(ISSUERS), year: r.int(2000, 2025) };
  }

  /** About 100 words of policy prose about one topic. */
  private summary(title: string, topic: string): string {
    const r = this.random;
    const t = topic.toLowerCase();
    const sentences = [
      `${title} ${r.pickSkewed(VERBS)} ${r.pickSkewed(OBJECTS)} and ${r.pickSkewed(OBJECTS)} for ${t} across ${r.pick(SCOPES).toLowerCase()} countries.`,
      `It brings together ${r.pickSkewed(STAKEHOLDERS)}, ${r.pickSkewed(STAKEHOLDERS)} and ${r.pickSkewed(STAKEHOLDERS)} around ${r.pick(QUALITIES)} targets.`,
      `Launched in ${r.pick(CITIES)} in ${r.int(1990, 2025)}, it ${r.pickSkewed(VERBS)} ${r.pickSkewed(OBJECTS)} in ${r.pick(COUNTRIES)} and ${r.pick(COUNTRIES)}.`,
      `Members report ${r.pick(QUALITIES)} results each year; by ${r.int(2020, 2035)} it aims to reach ${r.pick(FIGURES)}.`,
      `Critics ask whether its ${r.pickSkewed(OBJECTS)} are ${r.pick(QUALITIES)} enough and whether ${r.pickSkewed(STAKEHOLDERS)} have a real voice.`,
      `It works with the ${r.pick(ISSUERS)} on ${r.pick(TOPICS).toLowerCase()} and ${r.pickSkewed(VERBS).replace(/s$/, "")}s ${r.pickSkewed(OBJECTS)} where ${r.pickSkewed(STAKEHOLDERS)} lack ${r.pickSkewed(OBJECTS)}.`,
      `Its secretariat in ${r.pick(CITIES)} ${r.pickSkewed(VERBS)} ${r.pick(QUALITIES)} ${r.pickSkewed(OBJECTS)} with ${r.pick(FIGURES)}.`,
    ];
    return sentences.join(" ");
  }

  private partnership(): Partnership {
    const r = this.random;
    const topic = r.pick(TOPICS);
    const body = r.pick(BODIES);
    const scope = r.pick(SCOPES);
    const { id, title } = this.uniqueTitle(() =>
      r.pick([`${scope} ${body} for ${topic}`, `${topic} ${body}`, `${scope} ${topic} ${body}`, `${body} on ${topic}`]),
    );
    const deadline = r.int(2026, 2040);
    return {
      kind: "partnership",
      ...this.common(id, title, topic, [acronym(title), ...(r.chance(0.4) ? [`${topic} ${body}`] : [])]),
      founded: r.int(1990, 2025),
      governance: { type: r.pick(GOVERNANCE_TYPES) },
      members: {
        governments: r.sample(COUNTRIES, r.int(2, 6)),
        international_organisations: r.sample(ISSUERS, r.int(0, 2)),
        private_sector: [],
        civil_society: r.chance(0.5) ? ["civil society organisations"] : [],
        philanthropy: [],
        technical_academic: r.chance(0.3) ? ["universities"] : [],
      },
      goals: [{ text: `Reach ${r.pick(FIGURES)} with ${r.pickSkewed(OBJECTS)}`, measurable: true, target: r.pick(FIGURES), deadline }],
      results: r.chance(0.5) ? [{ text: `${r.pickSkewed(OBJECTS)} delivered`, figure: r.pick(FIGURES), as_of: r.int(2015, 2025) }] : [],
      threats: r.sample(THREATS, r.int(0, 2)),
      sdgs: [r.int(1, 17)],
      us_role: [{ role: r.pick(US_ROLES) }],
    };
  }

  private concept(): Concept {
    const r = this.random;
    const topic = r.pick(TOPICS);
    const { id, title } = this.uniqueTitle(() =>
      r.pick([
        `${r.pick(CONCEPT_ADJECTIVES)} ${r.pick(CONCEPT_NOUNS)}`,
        `${r.pick(CONCEPT_NOUNS)} in ${topic}`,
        `${r.pick(CONCEPT_ADJECTIVES)} ${r.pick(CONCEPT_NOUNS)} in ${topic}`,
      ]),
    );
    return {
      kind: "concept",
      ...this.common(id, title, topic, r.chance(0.3) ? [title.replace(/-/g, " ")] : []),
      definition: `${title} is the practice by which ${r.pickSkewed(STAKEHOLDERS)} pursue ${r.pick(QUALITIES)} ${r.pickSkewed(OBJECTS)}.`,
      why_it_matters: `It decides whether ${r.pickSkewed(STAKEHOLDERS)} accept ${r.pickSkewed(OBJECTS)} as ${r.pick(QUALITIES)}.`,
      examples: [],
      contrasts_with: [],
    };
  }

  private actor(): Actor {
    const r = this.random;
    const country = r.pick(COUNTRIES);
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const { id, title } = this.uniqueTitle(() => (r.chance(0.5) ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + r.int(0, 25))}. ${last}`));
    this.actorIds.push(id);
    return {
      kind: "actor",
      ...this.common(id, title, r.pick(TOPICS), [last]),
      actor_type: "person",
      role: `${r.pick(ROLES)} of ${country}`,
      country,
      positions: [`Favours ${r.pick(QUALITIES)} ${r.pickSkewed(OBJECTS)}.`, `Sceptical of ${r.pickSkewed(OBJECTS)} without ${r.pickSkewed(STAKEHOLDERS)}.`],
    };
  }

  private document(): KnowledgeDocument {
    const r = this.random;
    const topic = r.pick(TOPICS);
    const year = r.int(1990, 2025);
    const { id, title } = this.uniqueTitle(() => `${r.pick(CITIES)} ${r.pick(DOCUMENT_FORMS)} ${topic}`);
    return {
      kind: "document",
      ...this.common(id, title, topic, [`${title} ${year}`]),
      date: String(year),
      issuer: r.pick(ISSUERS),
      key_points: [1, 2, 3].map(() => `Commits ${r.pickSkewed(STAKEHOLDERS)} to ${r.pick(QUALITIES)} ${r.pickSkewed(OBJECTS)}.`),
      numbered_goals: [],
    };
  }

  private quote(): Quote {
    const r = this.random;
    const speaker = r.pick(this.actorIds);
    const topic = r.pick(TOPICS);
    const surname = speaker.split("-").at(-1) ?? speaker;
    const year = r.int(2000, 2025);
    const { id, title } = this.uniqueTitle(() => `${surname[0]?.toUpperCase()}${surname.slice(1)} on ${topic} ${year}`);
    return {
      kind: "quote",
      ...this.common(id, title, topic, []),
      text: `We will not meet ${topic.toLowerCase()} targets without ${r.pickSkewed(STAKEHOLDERS)} at the table and ${r.pick(QUALITIES)} ${r.pickSkewed(OBJECTS)}.`,
      speakers: [speaker],
      date: String(year),
      context: `Remarks at a ${r.pick(BODIES).toLowerCase()} meeting in ${r.pick(CITIES)}.`,
      source: this.source(title),
    };
  }
}

/** `count` entries from `seed`: the same seed and count give the same entries, every run. */
export function syntheticEntries(count: number, seed = 2030): Entry[] {
  return new Generator(seed).generate(count);
}

/** Checks entries against the schema; returns the problems (none means all valid). */
export function schemaProblems(entries: readonly Entry[]): string[] {
  return entries.flatMap((entry) => {
    const parsed = EntrySchema.safeParse(entry);
    return parsed.success ? [] : [`${entry.id}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`];
  });
}
