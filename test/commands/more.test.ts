import { beforeAll, describe, expect, it } from "vitest";
import type { Origin } from "../../src/core/middleware.js";
import { renderFull, renderScreen } from "../../src/core/render-text.js";
import type { Router } from "../../src/core/router.js";
import { screenOf } from "../../src/core/screen.js";
import { realRouter } from "../support/app.js";

let router: Router;
beforeAll(async () => {
  router = await realRouter();
});

let conversations = 0;
/** A fresh conversation (a Slack thread, say), and a way to say something in it. */
function conversation() {
  conversations += 1;
  const origin: Origin = { adapter: "slack", user: `U${conversations}`, workspace: "T1", conversation: `C1:${conversations}` };
  return (message: string) => router.handle(message, origin);
}

describe("more: the last answer, expanded", () => {
  it("given a card, then “more” shows the same card in full, and the first screen had less", async () => {
    const say = conversation();
    const card = await say("partnership gavi");
    expect(screenOf(card).more).toBe(true);
    const expanded = await say("more");
    expect(expanded).toMatchObject({ ok: true, title: card.title, entries: card.entries, length: { form: "full" } });
    expect(screenOf(expanded).more).toBe(false);
    expect(renderScreen(expanded)).toBe(renderFull(card));
    expect(renderScreen(expanded)).toContain("Members by sector");
  });

  it.each(["go on", "full card", "details", "continue", "expand"])("given “%s” after a card, then the card is shown in full", async (word) => {
    const say = conversation();
    await say("concept multialignment");
    const expanded = await say(word);
    expect(expanded.length).toEqual({ form: "full" });
    expect(expanded.entries[0]?.id).toBe("multialignment");
  });

  it("given “tl;dr” or “3 talking points” on their own, then the last answer comes back at that length", async () => {
    const say = conversation();
    await say("brief India");
    const line = await say("tl;dr");
    expect(line.length).toEqual({ form: "line" });
    const [title, sentence, next] = renderScreen(line).split("\n");
    expect([title, sentence, next]).toEqual(["Brief: India", "Slaughter's leading example of multialignment.", "Sources:"]);
    const three = await say("3 talking points");
    expect(screenOf(three).reply.sections.find((section) => section.heading === "Talking points")?.items?.length).toBeLessThanOrEqual(3);
  });

  it("given no previous answer, then it says there is nothing to expand and how to ask", async () => {
    const say = conversation();
    const nothing = await say("more");
    expect(nothing).toMatchObject({ ok: true, command: "more", entries: [] });
    expect(renderScreen(nothing)).toMatch(/nothing to expand yet: ask about something first \(for example “partnership gavi”/);
  });

  it("given a name after the word (“details nato”), then that entry's card is shown in full", async () => {
    const say = conversation();
    const nato = await say("details nato");
    expect(nato).toMatchObject({ ok: true, entries: [{ id: "nato" }], length: { form: "full" } });
  });

  it("given a length cue inside a question, then the answer is cut to it and More asks for the rest", async () => {
    const say = conversation();
    const line = await say("what is multialignment, in one line?");
    expect(line).toMatchObject({ entries: [{ id: "multialignment" }], length: { form: "line" }, expand: "what is multialignment? --full" });
    const full = await say(line.expand ?? "");
    expect(full.length).toEqual({ form: "full" });
    expect(renderScreen(full)).toContain("Examples");
  });
});
