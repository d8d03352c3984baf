import { ERROR_CODES } from "../../../src/core/errors.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorReply, reply, type EntryRef, type Reply } from "../../../src/core/reply.js";
import { ASK_PREFIX, COLORS, LIMITS, renderNotice, renderReply } from "../../../src/adapters/discord/render.js";
import { split, truncate } from "../../../src/adapters/shared/text-fit.js";
import { escapeMarkdown, neutraliseMentions } from "../../../src/adapters/discord/text.js";
import type { Kind } from "../../../src/knowledge/schema.js";
import { ESSAY, failure, FULL, miss, searchList, shortCard } from "../../support/sample-replies.js";
import { discordProblems, shownTexts } from "./limits.js";

const card = reply("partnership", {
  title: "Gavi, the Vaccine Alliance",
  fields: [
    { label: "Founded", value: "2000" },
    { label: "Members by sector", value: "Governments: donor and implementing countries; Private sector: vaccine makers" },
  ],
  sections: [
    { text: "A public–private partnership that buys vaccines for low-income countries." },
    { heading: "Goals", items: ["Measurable: immunise 300 million children (target: 300m, by 2025)", "Not measurable: strengthen health systems"] },
  ],
  entries: [{ id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance" }],
  sources: [ESSAY, { title: "Gavi annual report", publisher: "Gavi", year: 2023 }],
  length: FULL,
});

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const buttons = (replyToRender: Reply) => renderReply(replyToRender).components.flatMap((row) => row.components);
const ref = (id: string, title: string, kind: Kind = "concept"): EntryRef => ({ id, kind, title });

describe("Discord rendering of each reply shape", () => {
  it("(item 14) given sources whose url is javascript:, data: or file:, then the footer cites them without the URL; http(s) ones keep theirs", () => {
    const hostile = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"].map((url, index) => ({ ...ESSAY, title: `Source ${index}`, url }));
    const footer = renderReply({ ...card, sources: [...hostile, ESSAY] }).embeds[0]?.footer?.text ?? "";
    for (const { url } of hostile) expect(footer).not.toContain(url.split(":")[0] + ":");
    expect(footer).toContain("Source 0, Anne-Marie Slaughter (Foreign Affairs, 2024), section 3\n");
    expect(footer).toContain("https://www.foreignaffairs.com/");
  });

  it("given an entry card, then one embed has the title, fields, headed sections and the sources in the footer", () => {
    const message = renderReply(card);
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed).toMatchObject({ color: COLORS.answer, title: "Gavi, the Vaccine Alliance" });
    expect(embed?.fields).toEqual([
      { name: "Founded", value: "2000", inline: true },
      { name: "Members by sector", value: "Governments: donor and implementing countries; Private sector: vaccine makers", inline: false },
    ]);
    expect(embed?.description).toBe(
      "A public–private partnership that buys vaccines for low-income countries.\n\n" +
        "**Goals**\n• Measurable: immunise 300 million children \\(target: 300m, by 2025\\)\n• Not measurable: strengthen health systems",
    );
    expect(embed?.footer?.text).toBe(
      "Sources:\nHow America Can Succeed in a Multialigned World, Anne-Marie Slaughter (Foreign Affairs, 2024), section 3, https://www.foreignaffairs.com/united-states/multialigned-world?a=1&b=2\nGavi annual report, Gavi (2023)",
    );
    expect(message.components).toEqual([]);
    expect(message.content).toBeUndefined();
  });

  it("given search results, then each hit is a bullet line under the title", () => {
    const message = renderReply(searchList);
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds[0]?.title).toBe("Results for “vaccine”");
    expect(message.embeds[0]?.description).toBe("• Gavi, the Vaccine Alliance \\(partnership\\): Buys vaccines.\n• COVAX \\(partnership\\): Shared vaccines.");
    expect(message.embeds[0]?.footer).toBeUndefined();
  });

  it("given a miss with suggestions, then each suggestion is a button whose custom id runs it", () => {
    const message = renderReply(miss);
    expect(discordProblems(message)).toEqual([]);
    expect(message.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, custom_id: `${ASK_PREFIX}concept multialignment`, label: "Multialignment (concept)" },
          { type: 2, style: 2, custom_id: `${ASK_PREFIX}concept multipartner-world`, label: "Multipartner world (concept)" },
        ],
      },
    ]);
  });

  it("given an error reply, then it is a red embed with the message and no buttons", () => {
    const message = renderReply({ ...failure, suggestions: miss.suggestions });
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds).toEqual([{ color: COLORS.error, description: "Usage: search <words>, for example: search vaccine alliance" }]);
    expect(message.components).toEqual([]);
  });

  it("given an empty reply, then Discord still gets a valid, non-empty embed", () => {
    const message = renderReply(reply("ask"));
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds[0]?.description).toBe("Nothing to show.");
  });

  it("given a notice, then it is plain escaped content within 2000 characters", () => {
    expect(renderNotice("Sorry *all*, error id abc.").content).toBe("Sorry \\*all\\*, error id abc.");
    const long = renderNotice("word ".repeat(1000));
    expect(discordProblems(long)).toEqual([]);
    expect(long.content?.endsWith("word…")).toBe(true);
  });
});

describe("escaping: Reply text is shown exactly as written and never pings", () => {
  it("given markdown characters anywhere, then each is escaped", () => {
    expect(escapeMarkdown("*bold* _it_ __u__ ~~s~~ `code` ||spoiler|| [link](http://x) back\\slash")).toBe(
      "\\*bold\\* \\_it\\_ \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\]\\(http://x\\) back\\\\slash",
    );
  });

  it("given markdown that only counts at the start of a line, then it is escaped there and left alone elsewhere", () => {
    expect(escapeMarkdown("> quote\n# heading\n-# subtext\n- item\n  1. first\na > b # c - d 2. e")).toBe(
      "\\> quote\n\\# heading\n\\-# subtext\n\\- item\n  1\\. first\na > b # c - d 2. e",
    );
  });

  it("given @everyone, @here and mention syntax, then a zero-width space makes each inert", () => {
    const shown = escapeMarkdown("@everyone @here <@123> <@!123> <@&456> <#789> </help:1> <:e:1> <a:e:1> <t:1700000000>");
    expect(shown).not.toMatch(/@everyone|@here|<[@#/:]|<a:|<t:/);
    expect(shown.replace(/\u200b/g, "")).toBe("@everyone @here <@123> <@!123> <@&456> <#789> </help:1> <:e:1> <a:e:1> <t:1700000000>");
    expect(neutraliseMentions("a <b> c")).toBe("a <b> c");
  });

  it("given hostile text in every part of a reply, then no part of the message has a live ping", () => {
    const hostile = "@everyone <@&1> **x**";
    const message = renderReply(
      reply("ask", {
        title: hostile,
        fields: [{ label: hostile, value: hostile }],
        sections: [{ heading: hostile, text: hostile, items: [hostile] }],
        suggestions: [ref("x", hostile)],
        sources: [{ title: hostile, author: hostile, year: 2024 }],
      }),
    );
    expect(discordProblems(message)).toEqual([]);
    for (const text of shownTexts(message)) expect(text).not.toMatch(/@everyone|<@/);
    expect(message.embeds[0]?.title).toBe("@\u200beveryone <\u200b@&1> \\*\\*x\\*\\*");
  });
});

describe("the first screen and the expanded reply", () => {
  it("given a card, then the first embed shows the lead and the marked fields, sources in short, and a More button that asks for it in full", () => {
    const message = renderReply(shortCard);
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds).toHaveLength(1);
    const [embed] = message.embeds;
    expect(embed?.description).toBe(escapeMarkdown(shortCard.lead ?? ""));
    expect(embed?.fields?.map((field) => field.name)).toEqual(["U.S. role", "Measurable goal"]);
    expect(embed?.footer?.text).toBe("Source:\nSlaughter, Foreign Affairs 2024, §3");
    expect(message.components.flatMap((row) => row.components)).toEqual([
      expect.objectContaining({ custom_id: `${ASK_PREFIX}partnership gavi --full`, label: "More" }),
    ]);
  });

  it("given the same card asked in full, then everything is shown once, with full references, and no More button", () => {
    const message = renderReply({ ...shortCard, length: FULL });
    expect(discordProblems(message)).toEqual([]);
    const [embed] = message.embeds;
    expect(embed?.description?.split(escapeMarkdown(shortCard.lead ?? "")).length).toBe(2);
    expect(embed?.description).toContain("**Members by sector**");
    expect(embed?.fields?.map((field) => field.name)).toEqual(["U.S. role", "Founded"]);
    expect(embed?.footer?.text).toContain("Anne-Marie Slaughter (Foreign Affairs, 2024)");
    expect(message.components).toEqual([]);
  });

  it("given an answer that can be pasted, then Copy as text asks for its Markdown, which arrives as Markdown to copy", () => {
    const pasteable = { ...shortCard, copy: "brief gavi --md" };
    expect(buttons(pasteable)).toContainEqual(expect.objectContaining({ custom_id: `${ASK_PREFIX}brief gavi --md`, label: "Copy as text" }));
    const pasted = renderReply({ ...pasteable, format: "markdown" });
    expect(discordProblems(pasted)).toEqual([]);
    expect(pasted.embeds[0]?.description).toMatch(/^# Gavi, the Vaccine Alliance\n\n/);
    expect(pasted.embeds[0]?.description).toContain("## Members by sector\n\n- Governments: donors & implementing countries");
    expect(pasted.components).toEqual([]);
  });

  it("given suggestions that fill every row and a More button, then the More row is kept within Discord's five rows", () => {
    const many = Array.from({ length: 30 }, (_, index) => ref(`entry-${index}`, `Entry ${index}`));
    const message = renderReply({ ...shortCard, suggestions: many });
    expect(discordProblems(message)).toEqual([]);
    expect(message.components).toHaveLength(LIMITS.actionRows);
    expect(message.components.at(-1)?.components.map((button) => button.label)).toEqual(["More"]);
  });
});

describe("Discord's limits: long replies are split or cut on boundaries, never refused", () => {
  it("given a description longer than one embed, then it continues in further embeds, cut between lines, within 6000 in all", () => {
    const items = Array.from({ length: 120 }, (_, index) => `Point ${index}: ${"detail ".repeat(8).trim()}`);
    const message = renderReply(reply("search", { title: "Many results", sections: [{ items }], sources: [ESSAY], length: FULL }));
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds.length).toBeGreaterThan(1);
    expect(message.embeds[0]?.title).toBe("Many results");
    expect(message.embeds.at(-1)?.footer?.text).toContain(ESSAY.title);
    const lines = message.embeds.flatMap((embed) => (embed.description ?? "").split("\n"));
    expect(lines.at(-1)).toBe("(shortened to fit in Discord)");
    // Every line shown is a whole item, except the one cut with "…".
    for (const line of lines.slice(0, -2)) expect(items.map((item) => `• ${item}`)).toContain(line);
  });

  it("given one paragraph far over every limit, then it is cut between words and says it was shortened", () => {
    const paragraph = Array.from({ length: 3000 }, (_, index) => `word${index}`).join(" ");
    const message = renderReply(reply("concept", { title: "Long", sections: [{ text: paragraph }], length: FULL }));
    expect(discordProblems(message)).toEqual([]);
    const shown = message.embeds.map((embed) => embed.description ?? "").join(" ");
    const known = new Set(words(paragraph));
    const shownWords = words(shown.replace("(shortened to fit in Discord)", "").replace(/…/g, ""));
    for (const word of shownWords) expect(known).toContain(word);
  });

  it("given a title, field and footer over their limits, then each is cut to its limit and ends with an ellipsis", () => {
    const message = renderReply(
      reply("actor", {
        title: "Title ".repeat(60),
        fields: [{ label: "Label ".repeat(60), value: "Value ".repeat(300) }],
        sources: Array.from({ length: 40 }, (_, index) => ({ ...ESSAY, title: `${ESSAY.title} ${index}` })),
        length: FULL,
      }),
    );
    expect(discordProblems(message)).toEqual([]);
    const [embed] = message.embeds;
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed?.title?.endsWith("Title…")).toBe(true);
    expect(embed?.fields?.[0]?.name.endsWith("Label…")).toBe(true);
    expect(embed?.fields?.[0]?.value.endsWith("Value…")).toBe(true);
    expect(message.embeds.at(-1)?.footer?.text.length).toBeLessThanOrEqual(LIMITS.footer);
  });

  it("given more than 25 fields, then the first 25 are kept", () => {
    const fields = Array.from({ length: 30 }, (_, index) => ({ label: `Field ${index}`, value: `${index}` }));
    const message = renderReply(reply("actor", { title: "Fields", fields, length: FULL }));
    expect(discordProblems(message)).toEqual([]);
    expect(message.embeds[0]?.fields?.map((field) => field.name)).toEqual(fields.slice(0, 25).map((field) => field.label));
  });

  it("given many suggestions, long titles and ids, then at most 5 rows of 5 buttons with short labels and ids are sent", () => {
    const many = Array.from({ length: 30 }, (_, index) => ref(`entry-${index}`, `A rather long entry title number ${index} `.repeat(4)));
    const tooLongId = ref("x".repeat(120), "Unreachable");
    const rendered = buttons(reply("ask", { title: "Many", suggestions: [tooLongId, ...many, many[0]!] }));
    expect(discordProblems(renderReply(reply("ask", { title: "Many", suggestions: [tooLongId, ...many] })))).toEqual([]);
    expect(rendered).toHaveLength(25);
    expect(rendered.map((button) => button.custom_id)).not.toContain(`${ASK_PREFIX}concept ${"x".repeat(120)}`);
    for (const button of rendered) expect(button.label?.endsWith("…")).toBe(true);
  });

  it("given any reply at all, then the message is one Discord accepts and has no live ping", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 3000 });
    const shortText = fc.string({ maxLength: 300 });
    const anyRef = fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,120}$/), kind: fc.constantFrom<Kind>("concept", "actor"), title: shortText });
    const anyReply = fc.record({
      ok: fc.boolean(),
      command: fc.constant("ask"),
      title: fc.option(shortText, { nil: undefined }),
      sections: fc.array(fc.record({ heading: fc.option(shortText, { nil: undefined }), text: fc.option(text, { nil: undefined }), items: fc.option(fc.array(shortText, { maxLength: 40 }), { nil: undefined }) }), { maxLength: 6 }),
      fields: fc.array(fc.record({ label: shortText, value: fc.string({ maxLength: 1500 }) }), { maxLength: 30 }),
      entries: fc.constant<EntryRef[]>([]),
      suggestions: fc.array(anyRef, { maxLength: 30 }),
      sources: fc.array(fc.record({ title: shortText, author: shortText, year: fc.constant(2024) }), { maxLength: 20 }),
      error: fc.record({ code: fc.constantFrom(...ERROR_CODES), message: text }),
      lead: fc.option(text, { nil: undefined }),
      length: fc.constantFrom(undefined, FULL, { form: "line" as const }, { form: "paragraph" as const }, { form: "short" as const, points: 2 }),
      expand: fc.option(shortText, { nil: undefined }),
      copy: fc.option(shortText, { nil: undefined }),
      format: fc.constantFrom(undefined, "markdown" as const),
    });
    fc.assert(
      fc.property(anyReply, (generated) => {
        const message = renderReply(generated);
        expect(discordProblems(message)).toEqual([]);
        for (const shown of shownTexts(message)) expect(shown).not.toMatch(/@everyone|@here|<@/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("cutting text", () => {
  it("given text over the limit, then truncate cuts at the last line or space and adds an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("one two three four", 12)).toBe("one two…");
    expect(truncate("first line\nsecond line", 15)).toBe("first line…");
    expect(truncate("x".repeat(20), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("given a word longer than the limit, then only it is cut, never inside a backslash escape", () => {
    expect(split("\\*\\*\\*", 3)).toEqual(["\\*", "\\*", "\\*"]);
    expect(split("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
  });
});
