/**
 * The held-out labelled set (test/understanding/held-out.yaml), written before the rules and
 * never used to tune them: it measures how the understanding step does on messages nobody
 * fitted it to. Its rate per kind is printed, not gated (a gate would invite tuning to it);
 * what is gated is the one rule that holds for any message: out of domain stays out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { realKnowledge, realRouter } from "../support/app.js";
import { loadCases, rateTable, score, type Outcome } from "../support/understanding-cases.js";

describe("understanding messages nobody tuned it to (held-out labelled set)", () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    const [router, kb] = await Promise.all([realRouter(), realKnowledge()]);
    outcomes = [];
    for (const item of loadCases("held-out.yaml")) outcomes.push(await score(router, kb, item));
  });

  it("given an out-of-domain message, then it never gets a confident answer", () => {
    const { table } = rateTable(outcomes);
    console.log(`Held-out set:\n${table}`);
    const answered = outcomes.filter((outcome) => outcome.kind === "out-of-domain" && !outcome.passed).flatMap((outcome) => outcome.failures);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(answered).toEqual([]);
  });
});
