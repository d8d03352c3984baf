import { beforeAll, describe, expect, it } from "vitest";
import { renderReply as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderReply as renderSlack } from "../../src/adapters/slack/render.js";
import { renderFull, renderScreen } from "../../src/core/render-text.js";
import { screenLength, FIRST_SCREEN_MAX, screenOf } from "../../src/core/screen.js";
import { firstSentence } from "../../src/core/sentence.js";
import { entryCard } from "../../src/domain/cards.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { discordProblems } from "../adapters/discord/limits.js";
import { slackProblems } from "../adapters/slack/limits.js";
import { FULL } from "../support/sample-replies.js";
import { realKnowledge } from "../support/app.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledge();
});

const cards = () => kb.entries.map((entry) => ({ entry, card: entryCard(kb, entry, entry.kind) }));

describe("every card in the knowledge base, on its first screen", () => {
  it(`leads with the answer in at most ${FIRST_SCREEN_MAX} characters, with at most three fields, and has more behind More`, () => {
    expect(kb.entries.length).toBeGreaterThan(40);
    for (const { entry, card } of cards()) {
      const screen = screenOf(card);
      expect(screen.reply.lead, entry.id).toBe(card.lead);
      expect(screenLength(screen.reply), entry.id).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
      expect(screen.reply.fields.length, entry.id).toBeLessThanOrEqual(3);
      expect(screen.more, entry.id).toBe(true);
      expect(renderScreen(card).length, entry.id).toBeLessThan(renderFull(card).length);
    }
  });

  it("renders within Slack's and Discord's limits, short and expanded", () => {
    for (const { entry, card } of cards()) {
      for (const shown of [card, { ...card, length: FULL }]) {
        expect(slackProblems(renderSlack(shown)), entry.id).toEqual([]);
        expect(discordProblems(renderDiscord(shown)), entry.id).toEqual([]);
      }
    }
  });
});

describe("a card says each thing once", () => {
  it("given a concept, its definition appears once, and the summary's opening (a second definition) not at all", () => {
    for (const concept of kb.ofKind("concept")) {
      const text = renderFull(entryCard(kb, concept, "concept"));
      expect(text.split(concept.definition).length, concept.id).toBe(2);
      expect(text, concept.id).not.toContain(firstSentence(concept.summary));
      expect(text, concept.id).not.toMatch(/^Definition$/m);
    }
  });

  it("names each related entry once, even when it is also an example or a contrast", () => {
    for (const { entry, card } of cards()) {
      const related = card.sections.find((section) => section.heading === "Related")?.text?.split(" · ") ?? [];
      const elsewhere = [...card.fields, ...card.sections.filter((section) => section.heading !== "Related")].flatMap((part) =>
        "items" in part ? (part.items ?? []) : "value" in part ? part.value.split(" · ") : [],
      );
      for (const title of related) expect(elsewhere, `${entry.id}: ${title}`).not.toContain(title);
    }
  });

  it("cites each distinct source in one short line on the first screen, the full reference only in full", () => {
    const gavi = kb.get("gavi");
    if (!gavi) throw new Error("gavi should exist");
    const card = entryCard(kb, gavi, "partnership");
    const short = renderScreen(card);
    expect(short).toContain("Slaughter, Foreign Affairs 2024, §Seats at the Table");
    expect(short).not.toContain("How America Can Succeed");
    expect(renderFull(card)).toContain("How America Can Succeed in a Multialigned World");
  });
});
