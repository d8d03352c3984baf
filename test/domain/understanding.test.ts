/**
 * The understanding step judged on the public labelled set (test/understanding/public.yaml):
 * messages as people write them, each with the answer it should get. Prints the rate per
 * kind; fails below 95% overall or if any out-of-domain message gets a confident answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Router } from "../../src/core/router.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { realKnowledge, realRouter } from "../support/app.js";
import { loadCases, rateTable, score, type Outcome } from "../support/understanding-cases.js";

const cases = loadCases("public.yaml");

describe("understanding messages as people write them (public labelled set)", () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    const router: Router = await realRouter();
    const kb: KnowledgeBase = await realKnowledge();
    outcomes = [];
    for (const item of cases) outcomes.push(await score(router, kb, item));
  });

  it("given at least 250 labelled messages of every kind, then at least 95% are understood", () => {
    const { table, overall } = rateTable(outcomes);
    const failures = outcomes.flatMap((outcome) => outcome.failures.map((failure) => `[${outcome.kind}] ${failure}`));
    console.log(`${table}\n\nNot understood:\n${failures.join("\n")}`);
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(overall).toBeGreaterThanOrEqual(0.95);
  });

  it("given an out-of-domain message, then it never gets a confident answer", () => {
    const answered = outcomes.filter((outcome) => outcome.kind === "out-of-domain" && !outcome.passed).flatMap((outcome) => outcome.failures);
    expect(answered).toEqual([]);
  });
});
