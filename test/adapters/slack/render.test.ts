import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorReply, reply, type Reply } from "../../../src/core/reply.js";
import {
  ASK_ACTION_PREFIX,
  COPY_ACTION_ID,
  escapeText,
  MAX_HEADER_TEXT,
  MAX_SUGGESTIONS,
  MORE_ACTION_ID,
  renderReply,
  SHARE_ACTION_ID,
  type SlackBlock,
  type SlackMessage,
} from "../../../src/adapters/slack/render.js";
import { split as splitText, truncate as truncateText } from "../../../src/adapters/shared/text-fit.js";
import { ESSAY, failure, FULL, miss, searchList, shortCard } from "../../support/sample-replies.js";
import { allTexts, slackProblems } from "./limits.js";

const card = reply("partnership", {
  title: "Gavi, the Vaccine Alliance",
  fields: [
    { label: "Founded", value: "2000" },
    { label: "U.S. role", value: "Funder" },
  ],
  sections: [
    { text: "A public–private partnership that buys vaccines for low-income countries." },
    { heading: "Members by sector", items: ["Governments: donors & implementing countries", "Foundations: Gates Foundation"] },
  ],
  entries: [{ id: "gavi", kind: "partnership", title: "Gavi, the Vaccine Alliance" }],
  sources: [ESSAY],
  length: FULL,
});

const blocksOfType = <T extends SlackBlock["type"]>(message: SlackMessage, type: T) =>
  message.blocks.filter((block): block is Extract<SlackBlock, { type: T }> => block.type === type);

const buttons = (message: SlackMessage) =>
  blocksOfType(message, "actions").flatMap((block) => block.elements.filter((element) => element.type === "button"));

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("Block Kit rendering of each reply shape", () => {
  it("(item 14) given sources whose url is javascript:, data: or file:, then they are cited without a link and without the URL; http(s) ones keep theirs", () => {
    const hostile = ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"].map((url, index) => ({ ...ESSAY, title: `Source ${index}`, url }));
    const message = renderReply({ ...card, sources: [...hostile, ESSAY] });
    const shown = allTexts(message).join("\n");
    for (const { url } of hostile) expect(shown).not.toContain(url.split(":")[0] + ":");
    expect(shown).toContain("Source 0, Anne-Marie Slaughter (Foreign Affairs, 2024), section 3\n");
    expect(shown).toContain("<https://www.foreignaffairs.com/");
  });

  it("given an entry card, then it has a header, side-by-side fields, sections and the sources, within Slack's limits", () => {
    const message = renderReply(card);
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Gavi, the Vaccine Alliance", emoji: true } });
    const [fields] = blocksOfType(message, "section").filter((block) => block.fields);
    expect(fields?.fields?.map((field) => field.text)).toEqual(["*Founded*\n2000", "*U.S. role*\nFunder"]);
    expect(allTexts(message)).toContain("*Members by sector*\n• Governments: donors &amp; implementing countries\n• Foundations: Gates Foundation");
    const sources = blocksOfType(message, "context").at(-1)?.elements[0];
    expect(sources).toMatchObject({ type: "mrkdwn", text: expect.stringContaining("*Source*\nHow America Can Succeed in a Multialigned World, Anne-Marie Slaughter (Foreign Affairs, 2024), section 3, <https://www.foreignaffairs.com/united-states/multialigned-world?a=1&amp;b=2|link>") });
    expect(message.text).toContain("Gavi, the Vaccine Alliance\nFounded: 2000");
    expect(buttons(message)).toEqual([]);
  });

  it("given a search result list, then each hit is a bullet line", () => {
    const message = renderReply(searchList);
    expect(slackProblems(message)).toEqual([]);
    expect(allTexts(message)).toContain("• Gavi, the Vaccine Alliance (partnership): Buys vaccines.\n• COVAX (partnership): Shared vaccines.");
  });

  it("given a miss with suggestions, then each suggestion is a button that asks for that entry", () => {
    const message = renderReply(miss);
    expect(slackProblems(message)).toEqual([]);
    expect(buttons(message)).toEqual([
      { type: "button", text: { type: "plain_text", text: "Multialignment (concept)", emoji: true }, action_id: `${ASK_ACTION_PREFIX}0`, value: "concept multialignment" },
      { type: "button", text: { type: "plain_text", text: "Multipartner world (concept)", emoji: true }, action_id: `${ASK_ACTION_PREFIX}1`, value: "concept multipartner-world" },
    ]);
    expect(message.text).toContain("Did you mean");
  });

  it("given an error reply, then it shows the polite message, escaped, and no header", () => {
    const message = renderReply(failure);
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks[0]?.type).toBe("section");
    expect(allTexts(message)).toEqual([":warning: Usage: search &lt;words&gt;, for example: search vaccine alliance"]);
    expect(message.text).toBe("Usage: search &lt;words&gt;, for example: search vaccine alliance");
  });

  it("given a share message, then a Share in channel button carries it; shared answers say who shared them", () => {
    const shareable = renderReply(card, { shareMessage: "gavi" });
    expect(buttons(shareable)).toEqual([
      { type: "button", text: { type: "plain_text", text: "Share in channel", emoji: true }, action_id: SHARE_ACTION_ID, value: "gavi", style: "primary" },
    ]);
    const shared = renderReply(card, { sharedBy: "UANA" });
    expect(buttons(shared)).toEqual([]);
    expect(blocksOfType(shared, "context").at(-1)?.elements[0]).toMatchObject({ text: "Shared by <@UANA>" });
    expect(shared.text.startsWith("Shared by <@UANA>\n")).toBe(true);
    expect(slackProblems(shared)).toEqual([]);
  });

  it("given a sharer id that is not a Slack user id, then no mention is made of it", () => {
    const shared = renderReply(card, { sharedBy: "U1> <!channel" });
    expect(JSON.stringify(shared)).not.toContain("Shared by");
  });
});

describe("the first screen and the expanded reply", () => {
  it("given a card, then the first screen shows the lead and the marked fields, sources in short, and a More button that asks for it in full", () => {
    const message = renderReply(shortCard);
    expect(slackProblems(message)).toEqual([]);
    expect(allTexts(message)).toContain(escapeText(shortCard.lead ?? ""));
    const [fields] = blocksOfType(message, "section").filter((block) => block.fields);
    expect(fields?.fields?.map((field) => field.text)).toEqual(["*U.S. role*\nFunder", "*Measurable goal*\n500 million children vaccinated by 2030"]);
    expect(JSON.stringify(message)).not.toContain("Members by sector");
    expect(blocksOfType(message, "context").at(-1)?.elements[0]).toMatchObject({ text: "*Source*\nSlaughter, Foreign Affairs 2024, §3" });
    expect(buttons(message)).toContainEqual(expect.objectContaining({ action_id: MORE_ACTION_ID, value: "partnership gavi --full" }));
    expect(message.text).not.toContain("Members by sector");
  });

  it("given the same card asked in full, then everything is shown, once, with full references and no More button", () => {
    const message = renderReply({ ...shortCard, length: FULL });
    expect(slackProblems(message)).toEqual([]);
    const texts = allTexts(message).join("\n");
    expect(texts).toContain("*Members by sector*");
    expect(texts).not.toContain("Measurable goal");
    expect(texts.split(escapeText(shortCard.lead ?? "")).length).toBe(2);
    expect(texts).toContain("How America Can Succeed in a Multialigned World, Anne-Marie Slaughter (Foreign Affairs, 2024)");
    expect(buttons(message).map((button) => button.action_id)).not.toContain(MORE_ACTION_ID);
  });

  it("given an answer that can be pasted, then Copy as text asks for it as Markdown; the Markdown comes as plain text, not chat formatting", () => {
    const pasteable = { ...shortCard, copy: "brief gavi --md" };
    expect(buttons(renderReply(pasteable))).toContainEqual(expect.objectContaining({ action_id: COPY_ACTION_ID, value: "brief gavi --md" }));
    const pasted = renderReply({ ...pasteable, format: "markdown" });
    expect(slackProblems(pasted)).toEqual([]);
    expect(pasted.blocks.every((block) => block.type === "section" && block.text?.type === "plain_text")).toBe(true);
    const text = allTexts(pasted).join("\n");
    expect(text).toMatch(/^# Gavi, the Vaccine Alliance\n\n/);
    expect(text).toContain("## Members by sector\n\n- Governments: donors &amp; implementing countries");
    expect(text).not.toContain("```");
    expect(buttons(pasted)).toEqual([]);
  });
});

describe("escaping: Reply text is plain, so nothing in it becomes live in Slack", () => {
  const hostile = "<!channel> <!here> <!everyone> <@U123ABC> <https://evil.example|click> & &lt;";

  it("given mentions and links typed by a user, then every one is escaped, in blocks, buttons and the fallback", () => {
    const message = renderReply(
      reply("ask", {
        title: hostile,
        fields: [{ label: hostile, value: hostile }],
        sections: [{ heading: hostile, text: hostile, items: [hostile] }],
        suggestions: [{ id: "x", kind: "concept", title: hostile }],
        sources: [{ ...ESSAY, title: hostile }],
      }),
    );
    expect(slackProblems(message)).toEqual([]);
    const everything = JSON.stringify(message);
    for (const live of ["<!channel>", "<!here>", "<!everyone>", "<@U123ABC>", "<https://evil.example|click>"]) expect(everything).not.toContain(live);
    expect(allTexts(message)).toContain(escapeText(hostile));
    expect(escapeText(hostile)).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123ABC&gt; &lt;https://evil.example|click&gt; &amp; &amp;lt;",
    );
  });
});

describe("Slack's limits: long replies are split or shortened on boundaries, never mid-word", () => {
  const paragraph = (n: number) => `Paragraph ${n} explains partnership governance in several plain sentences. `.repeat(12).trim();

  it("given a section longer than 3000 characters, then it becomes several sections, split between lines", () => {
    const text = Array.from({ length: 8 }, (_, n) => paragraph(n)).join("\n");
    const message = renderReply(reply("concept", { title: "Long", sections: [{ text }], length: FULL }));
    expect(slackProblems(message)).toEqual([]);
    const sections = blocksOfType(message, "section");
    expect(sections.length).toBeGreaterThan(1);
    expect(sections.map((block) => block.text?.text).join("\n")).toBe(text);
  });

  it("given a reply longer than a whole message, then it is cut at a line or word end with a …more note", () => {
    const sections = Array.from({ length: 80 }, (_, n) => ({ heading: `Part ${n}`, text: paragraph(n), items: ["one & two", "three"] }));
    const message = renderReply(reply("concept", { title: "Very long", sections, suggestions: miss.suggestions, sources: [ESSAY], length: FULL }), {
      shareMessage: "concept very long",
    });
    expect(slackProblems(message)).toEqual([]);
    expect(JSON.stringify(message)).toContain("…more");
    // What the renderer keeps is whole words of the input; the tail (buttons, sources, share) is kept too.
    const input = new Set(sections.flatMap((section) => [`*Part`, ...words(`${section.heading}* ${section.text}`), "•", "one", "&amp;", "two", "three"]));
    const body = blocksOfType(message, "section").flatMap((block) => words(block.text?.text ?? ""));
    for (const word of body) expect(input.has(word.replace(/…$/, "")) || word.startsWith(":")).toBe(true);
    expect(buttons(message).map((element) => element.action_id)).toEqual([`${ASK_ACTION_PREFIX}0`, `${ASK_ACTION_PREFIX}1`, SHARE_ACTION_ID]);
    expect(blocksOfType(message, "context").some((block) => JSON.stringify(block).includes("Source"))).toBe(true);
  });

  it("given more than 50 short sections, then no more than 50 blocks are sent", () => {
    const sections = Array.from({ length: 120 }, (_, n) => ({ text: `Point ${n}.` }));
    const message = renderReply(reply("search", { title: "Many", sections, length: FULL }));
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message)).toContain("…more");
  });

  it("given a title, a field and a suggestion too long for their places, then each is shortened at a word end", () => {
    const long = "Partnership ".repeat(40).trim();
    const fields = [{ label: "Members", value: "member ".repeat(500).trim() }];
    const message = renderReply(reply("concept", { title: long, fields, suggestions: [{ id: "p", kind: "concept", title: long }], length: FULL }));
    expect(slackProblems(message)).toEqual([]);
    const title = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(title.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
    expect(title).toMatch(/^(Partnership )+Partnership…$/);
    expect(blocksOfType(message, "section")[0]?.fields?.[0]?.text).toMatch(/^\*Members\*\n(member )+member…$/);
    expect(buttons(message)[0]?.text.text).toMatch(/^(Partnership )*Partnership…$/);
  });

  it("given more than 10 fields, then they are spread over sections of at most 10", () => {
    const fields = Array.from({ length: 13 }, (_, n) => ({ label: `Label ${n}`, value: `value ${n}` }));
    const message = renderReply(reply("concept", { title: "Fields", fields, length: FULL }));
    expect(slackProblems(message)).toEqual([]);
    expect(blocksOfType(message, "section").map((block) => block.fields?.length)).toEqual([10, 3]);
  });

  it("given fields that together exceed what a message holds, then the first ones that fit are kept, with a …more note", () => {
    const fields = Array.from({ length: 13 }, (_, n) => ({ label: `Label ${n}`, value: "value ".repeat(500).trim() }));
    const message = renderReply(reply("concept", { title: "Fields", fields, length: FULL }));
    expect(slackProblems(message)).toEqual([]);
    expect(blocksOfType(message, "section").map((block) => block.fields?.length)).toEqual([4]);
    expect(JSON.stringify(message)).toContain("…more");
  });

  it("given more suggestions than are useful, then only the first few become buttons", () => {
    const suggestions = Array.from({ length: 12 }, (_, n) => ({ id: `c${n}`, kind: "concept" as const, title: `Concept ${n}` }));
    expect(buttons(renderReply(reply("ask", { suggestions })))).toHaveLength(MAX_SUGGESTIONS);
  });

  it("splitText never cuts inside an escaped entity, even in a word longer than the limit", () => {
    const word = escapeText("a&b<c>".repeat(50));
    for (const piece of splitText(word, 40)) {
      expect(piece.length).toBeLessThanOrEqual(40);
      expect(piece).not.toMatch(/&[a-z]*$/);
    }
    expect(splitText(word, 40).join("")).toBe(word);
  });

  it("truncateText keeps short text as it is and cuts long text after a whole word", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("one two three four", 12)).toBe("one two…");
  });

  it("given any reply at all, then the message is one Slack accepts", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "<", ">", "&", "é", "!", "@"), maxLength: 4000 });
    const replies: fc.Arbitrary<Reply> = fc.record({
      ok: fc.boolean(),
      command: fc.constant("ask"),
      title: fc.option(text.filter((t) => t.trim() !== ""), { nil: undefined }),
      sections: fc.array(fc.record({ heading: fc.option(text, { nil: undefined }), text: fc.option(text, { nil: undefined }), items: fc.option(fc.array(text, { maxLength: 20 }), { nil: undefined }) }), { maxLength: 30 }),
      fields: fc.array(fc.record({ label: text.filter((t) => t.trim() !== ""), value: text.filter((t) => t.trim() !== "") }), { maxLength: 25 }),
      entries: fc.constant([]),
      suggestions: fc.array(fc.record({ id: fc.constant("x"), kind: fc.constant("concept" as const), title: text.filter((t) => t.trim() !== "") }), { maxLength: 8 }),
      sources: fc.array(fc.constant(ESSAY), { maxLength: 3 }),
      lead: fc.option(text, { nil: undefined }),
      length: fc.constantFrom(undefined, FULL, { form: "line" as const }, { form: "paragraph" as const }, { form: "short" as const, points: 2 }),
      expand: fc.option(text, { nil: undefined }),
      copy: fc.option(text, { nil: undefined }),
      format: fc.constantFrom(undefined, "markdown" as const),
    });
    fc.assert(
      fc.property(replies, (generated) => {
        const nonEmpty =
          generated.title || generated.lead?.trim() || generated.fields.length > 0 || generated.sections.some((s) => s.text?.trim() || s.heading?.trim());
        fc.pre(Boolean(nonEmpty));
        expect(slackProblems(renderReply(generated, { shareMessage: "x" }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
