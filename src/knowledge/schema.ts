/**
 * The knowledge base's data model. These zod schemas are the only definition of an
 * entry's shape: every type used elsewhere is inferred from them.
 */
import { z } from "zod";

/** The kinds of entry, each kept in its own folder under `knowledge/`. */
export const KINDS = ["concept", "partnership", "actor", "document", "quote"] as const;
export type Kind = (typeof KINDS)[number];

/** Folder name for each kind: `knowledge/<folder>/<id>.yaml`. */
export const KIND_FOLDERS: Record<Kind, string> = {
  concept: "concepts",
  partnership: "partnerships",
  actor: "actors",
  document: "documents",
  quote: "quotes",
};

/** The six stakeholder categories named by the Global Digital Compact and the essay. */
export const STAKEHOLDER_CATEGORIES = [
  "governments",
  "international_organisations",
  "private_sector",
  "civil_society",
  "philanthropy",
  "technical_academic",
] as const;
export type StakeholderCategory = (typeof STAKEHOLDER_CATEGORIES)[number];

export const STAKEHOLDER_LABELS: Record<StakeholderCategory, string> = {
  governments: "Governments",
  international_organisations: "International organisations",
  private_sector: "Private sector",
  civil_society: "Civil society",
  philanthropy: "Philanthropy",
  technical_academic: "Technical & academic",
};

/**
 * Threats a partnership can address. The first six are the "shared challenges that
 * cross borders" listed by the 2022 U.S. National Security Strategy (global threats);
 * `major-power-competition` is its other bucket (geopolitical threats).
 */
export const GLOBAL_THREATS = [
  "climate-change",
  "food-insecurity",
  "communicable-diseases",
  "terrorism",
  "energy-shortages",
  "inflation",
] as const;
export const GEOPOLITICAL_THREATS = ["major-power-competition"] as const;
export const THREATS = [...GLOBAL_THREATS, ...GEOPOLITICAL_THREATS] as const;
export type Threat = (typeof THREATS)[number];

/**
 * What the United States does in a partnership. `unknown` is an honest answer: the sources
 * say nothing (the essay is silent on most partnerships), which is not the same as `none`.
 */
export const US_ROLES = ["leads", "member", "funder", "withheld", "withdrawn", "outside", "none", "unknown"] as const;
export type UsRole = (typeof US_ROLES)[number];

/** How a partnership is constituted: the basis of its input legitimacy. */
export const GOVERNANCE_TYPES = [
  "treaty-organisation",
  "un-body",
  "un-process",
  "intergovernmental-forum",
  "multilateral-bank",
  "multistakeholder-forum",
  "public-private-partnership",
  "independent-organisation",
  "network",
  "coalition",
] as const;

/** How cards and analyses name each governance type and U.S. role. */
export const GOVERNANCE_LABELS: Record<(typeof GOVERNANCE_TYPES)[number], string> = {
  "treaty-organisation": "treaty organisation",
  "un-body": "UN body",
  "un-process": "UN process",
  "intergovernmental-forum": "intergovernmental forum",
  "multilateral-bank": "multilateral bank",
  "multistakeholder-forum": "multistakeholder forum",
  "public-private-partnership": "public-private partnership",
  "independent-organisation": "independent organisation",
  network: "network",
  coalition: "coalition",
};

export const US_ROLE_LABELS: Record<UsRole, string> = {
  leads: "Leads it",
  member: "Member",
  funder: "Funder",
  withheld: "Withholds funding",
  withdrawn: "Withdrew",
  outside: "Stays outside",
  none: "No role",
  unknown: "Not recorded",
};

const describe = (input: unknown): string =>
  input === undefined ? "nothing" : JSON.stringify(input) ?? String(input);

const text = (what = "text") =>
  z.string({ error: (iss) => `expected ${what}, got ${describe(iss.input)}` }).trim().min(1, `expected ${what}, got an empty string`);

const id = z
  .string({ error: (iss) => `expected an id, got ${describe(iss.input)}` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id (lowercase letters, digits and hyphens)");

const year = z
  .number({ error: (iss) => `expected a year, got ${describe(iss.input)}` })
  .int("expected a year, got a fraction")
  .min(1800, "expected a year after 1800")
  .max(2100, "expected a year before 2100");

/** A publication date: `2024`, `2024-09` or `2024-09-22`. YAML may hand us a number or a Date. */
const date = z.preprocess(
  (value) =>
    typeof value === "number" ? String(value) : value instanceof Date ? value.toISOString().slice(0, 10) : value,
  z
    .string({ error: (iss) => `expected a date like 2024, 2024-09 or 2024-09-22, got ${describe(iss.input)}` })
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date like 2024, 2024-09 or 2024-09-22"),
);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(", ")}, got ${describe(iss.input)}` });

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const SourceSchema = z
  .object({
    title: text("a title"),
    author: text("an author").optional(),
    publisher: text("a publisher").optional(),
    year,
    url: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).regex(/^\S+$/, "expected a URL without spaces").optional(),
    /** Where in the source: a section, page or paragraph. */
    locator: text("a locator").optional(),
  })
  .strict()
  .refine((source) => source.author || source.publisher, "a source needs an author or a publisher");
export type Source = z.infer<typeof SourceSchema>;

const baseFields = {
  id,
  /** The date the entry's facts are current to: later events are not reflected. */
  as_of: date,
  title: text("a title"),
  aliases: list(text("an alias")),
  summary: text("a summary"),
  details: text("details").optional(),
  tags: list(text("a tag")),
  related: list(id),
  sources: z.array(SourceSchema).min(1, "every entry needs at least one source"),
};

export const ConceptSchema = z
  .object({
    kind: z.literal("concept"),
    ...baseFields,
    definition: text("a definition"),
    why_it_matters: text("why it matters"),
    examples: list(id),
    contrasts_with: list(id),
  })
  .strict();

export const GoalSchema = z
  .object({
    text: text("a goal"),
    measurable: z.boolean({ error: "expected true or false" }),
    target: text("a target").optional(),
    deadline: year.optional(),
    /** Where the target is set out: a goal with figures must say where they come from. */
    source: SourceSchema.optional(),
  })
  .strict()
  .superRefine((goal, ctx) => {
    if (!goal.measurable) return;
    if (!goal.target) ctx.addIssue({ code: "custom", path: ["target"], message: "a measurable goal needs a target" });
    if (goal.deadline === undefined)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "a measurable goal needs a deadline year" });
  });

export const ResultSchema = z
  .object({
    text: text("a result"),
    figure: text("a figure"),
    as_of: year,
    /** The primary source reporting the figure. */
    source: SourceSchema.optional(),
  })
  .strict();

/**
 * Members by stakeholder category. A category left out is "not recorded" (the sources do
 * not say); an empty list `[]` means the partnership has none in that category.
 */
export const MembersSchema = z
  .object(
    Object.fromEntries(STAKEHOLDER_CATEGORIES.map((category) => [category, z.array(text("a member")).optional()])) as Record<
      StakeholderCategory,
      z.ZodOptional<z.ZodArray<z.ZodString>>
    >,
  )
  .strict();
export type Members = z.infer<typeof MembersSchema>;

/** One period of the U.S. role in a partnership; the last one is the current role, unless it has ended. */
export const UsRoleSpellSchema = z
  .object({
    role: oneOf(US_ROLES),
    since: date.optional(),
    until: date.optional(),
    /** The role in words when the label says too little, e.g. "withheld further contributions". */
    note: text("a note").optional(),
    /** What shows the role: required for any current role other than `unknown` (see test/knowledge). */
    source: SourceSchema.optional(),
  })
  .strict()
  // Compared at the coarser precision: "2025-06" to "2025" is within the same year.
  .refine(({ since, until }) => !since || !until || since.slice(0, until.length) <= until.slice(0, since.length), {
    message: "since must not be later than until",
    path: ["until"],
  });
export type UsRoleSpell = z.infer<typeof UsRoleSpellSchema>;

/** `us_role: member` is shorthand for a one-period history with no dates. */
const usRoleHistory = z.preprocess(
  (value) => (typeof value === "string" ? [{ role: value }] : value),
  z.array(UsRoleSpellSchema).min(1, "expected at least one U.S. role"),
);

export const PartnershipSchema = z
  .object({
    kind: z.literal("partnership"),
    ...baseFields,
    founded: year.optional(),
    governance: z
      .object({
        type: oneOf(GOVERNANCE_TYPES),
        /** How decisions are taken, in a sentence. */
        decision_making: text("a description").optional(),
        hosted_by: text("a host").optional(),
      })
      .strict()
      .optional(),
    members: MembersSchema.default({}),
    goals: list(GoalSchema),
    results: list(ResultSchema),
    threats: list(oneOf(THREATS)),
    sdgs: list(
      z
        .number({ error: (iss) => `expected an SDG number 1-17, got ${describe(iss.input)}` })
        .int()
        .min(1, "expected an SDG number 1-17")
        .max(17, "expected an SDG number 1-17"),
    ),
    /** The U.S. role over time, oldest first. */
    us_role: usRoleHistory,
  })
  .strict();

export const ActorSchema = z
  .object({
    kind: z.literal("actor"),
    ...baseFields,
    actor_type: oneOf(["person", "state", "organisation"]),
    role: text("a role"),
    country: text("a country").optional(),
    positions: list(text("a position")),
  })
  .strict();

export const DocumentSchema = z
  .object({
    kind: z.literal("document"),
    ...baseFields,
    date,
    issuer: text("an issuer"),
    key_points: list(text("a key point")),
    /** Numbered goals a document sets, e.g. Agenda 2030's 17 SDGs. */
    numbered_goals: list(
      z.object({ number: z.number().int().min(1, "expected a goal number from 1"), name: text("a goal name") }).strict(),
    ),
  })
  .strict();

/** Quotes stay short: attribution, not reproduction. */
export const MAX_QUOTE_LENGTH = 300;

export const QuoteSchema = z
  .object({
    kind: z.literal("quote"),
    ...baseFields,
    text: text("the quoted words").max(MAX_QUOTE_LENGTH, `a quote must stay under ${MAX_QUOTE_LENGTH} characters`),
    /** Who said it, one or several: actors, or the document or partnership it comes from. */
    speakers: z.array(id).min(1, "a quote needs at least one speaker"),
    /** When it was said; left out when the source does not say. */
    date: date.optional(),
    context: text("the context"),
    source: SourceSchema,
  })
  .strict();

export const EntrySchema = z.discriminatedUnion(
  "kind",
  [ConceptSchema, PartnershipSchema, ActorSchema, DocumentSchema, QuoteSchema],
  { error: (iss) => `expected kind to be one of ${KINDS.join(", ")}, got ${describe((iss.input as { kind?: unknown })?.kind)}` },
);

export type Entry = z.infer<typeof EntrySchema>;
export type Concept = z.infer<typeof ConceptSchema>;
export type Partnership = z.infer<typeof PartnershipSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type KnowledgeDocument = z.infer<typeof DocumentSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type EntryOf<K extends Kind> = Extract<Entry, { kind: K }>;

/** Fields of each kind that hold ids of other entries; the loader checks they exist. */
export const REFERENCE_FIELDS = ["related", "examples", "contrasts_with", "speakers"] as const;

/** The U.S. role now (as of the entry's date): the last period, unless it has ended without a successor. */
export function currentUsRole(partnership: Pick<Partnership, "us_role">): UsRoleSpell {
  const last = partnership.us_role.at(-1);
  return last && !last.until ? last : { role: "unknown" };
}
