import { beforeAll, describe, expect, it } from "vitest";
import { GEOPOLITICAL_THREATS, GLOBAL_THREATS, type Threat } from "../../src/knowledge/schema.js";
import { analyst, headings, itemsUnder, type Analyst } from "./analyst-support.js";

let a: Analyst;
beforeAll(async () => {
  a = await analyst();
});

const addressing = (threat: Threat) => a.kb.ofKind("partnership").filter((partnership) => partnership.threats.includes(threat));
const label = (threat: Threat) => threat.replace(/-/g, " ");

describe("threats: the two buckets", () => {
  it("given no threat, lists both buckets with each threat and the partnerships addressing it", async () => {
    const reply = await a.ask("threats");
    expect(reply).toMatchObject({ ok: true, command: "threats" });
    expect(headings(reply)).toEqual([expect.stringMatching(/^Geopolitical threats: /), expect.stringMatching(/^Global threats: /)]);
    const global = itemsUnder(reply, /^Global threats/);
    expect(global).toHaveLength(GLOBAL_THREATS.length);
    GLOBAL_THREATS.forEach((threat, index) => {
      const line = global[index] ?? "";
      expect(line.toLowerCase()).toMatch(new RegExp(`^${label(threat)}: `));
      const partnerships = addressing(threat);
      if (partnerships.length === 0) expect(line).toContain("no partnership in the knowledge base");
      for (const partnership of partnerships) expect(line).toContain(partnership.title);
    });
    expect(itemsUnder(reply, /^Geopolitical threats/)).toHaveLength(GEOPOLITICAL_THREATS.length);
    expect(reply.entries.map((entry) => entry.id)).toContain("nss-2022");
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("given a bucket, lists only that bucket", async () => {
    const reply = await a.ask("threats geopolitical");
    expect(headings(reply)).toEqual([expect.stringMatching(/^Geopolitical threats: /)]);
  });
});

describe("threats: one global threat", () => {
  it.each(["threats climate change", "threats climate", "threat Climate Change"])(
    "given “%s”, lists the partnerships tagged with climate change, with their goals and results",
    async (message) => {
      const reply = await a.ask(message);
      const expected = addressing("climate-change");
      expect(expected.length).toBeGreaterThan(0);
      expect(reply.entries.map((entry) => entry.id)).toEqual(expected.map((partnership) => partnership.id));
      expect(reply.fields).toEqual([{ label: "Bucket", value: expect.stringMatching(/^Global threats/) }]);
    },
  );

  it("reaches the same list from “which partnerships address communicable diseases?”", async () => {
    const reply = await a.askNaturally("which partnerships address communicable diseases?");
    expect(reply.entries.map((entry) => entry.id)).toEqual(addressing("communicable-diseases").map((p) => p.id));
    expect(reply.entries.map((entry) => entry.id)).toContain("gavi");
  });

  it("given a misspelt threat, offers the closest one", async () => {
    const reply = await a.ask("threats climat chnage");
    expect(reply.title).toBe("No match");
    expect(reply.sections[0]?.text).toContain("Did you mean climate change?");
  });

  it("given something that is not a threat, lists the threats it knows", async () => {
    const reply = await a.ask("threats cyber");
    expect(reply).toMatchObject({ ok: true, title: "No match", entries: [] });
    for (const threat of GLOBAL_THREATS) expect(reply.sections[0]?.text).toContain(label(threat));
  });
});
