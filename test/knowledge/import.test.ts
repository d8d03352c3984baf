import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../src/config.js";
import { planImport } from "../../src/knowledge/import-rows.js";
import { kindFields } from "../../src/knowledge/schema-shape.js";
import { EntrySchema } from "../../src/knowledge/schema.js";
import { knowledgeCopy } from "../support/app.js";

const SAMPLE = path.join(PROJECT_ROOT, "test", "fixtures", "partnerships.csv");
const TODAY = new Date("2026-03-04T12:00:00Z");
let dir: string;

beforeEach(async () => {
  dir = await knowledgeCopy("import");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs an npm script's entry point against the temp knowledge folder, as `npm run …` would. */
function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: dir, KNOWLEDGE_CACHE_DIR: "off", LOG_LEVEL: "warn", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("kb:import", () => {
  it("given the sample CSV, writes the valid rows, which kb:check accepts and the REPL answers from", () => {
    const imported = run("src/knowledge/import.ts", [SAMPLE]);
    expect(imported.stdout).toMatch(/written {2}\S*partnerships.example-coastal-resilience-compact\.yaml {2}\(row 1\)/);
    expect(imported.stdout).toMatch(/written {2}\S*partnerships.example-cookstove-network\.yaml {2}\(row 2\)/);
    expect(imported.stdout).toMatch(/skipped {2}row 3 "Example Broken Compact": sdgs\[1\]: expected an SDG number 1-17/);
    expect(imported.stdout).toMatch(/skipped {2}row 5 "Example Script Link Compact": sources\[0\]\.url: expected an http\(s\) URL/);
    expect(imported.stdout).toMatch(/duplicate {2}row 4 "Vaccine Fixture Alliance": the name "Gavi" is already used by gavi/);
    expect(imported.stdout).toMatch(/duplicate {2}row 6 "Example Coastal Resilience Compact": .* row 1 of this import/);
    expect(imported.stdout).toMatch(/^2 written, 2 skipped, 2 duplicate\(s\), 0 already there\.$/m);
    expect(imported.status).toBe(1);

    const check = run("src/knowledge/check.ts", []);
    expect(check.stdout).toMatch(/No problems found\./);
    expect(check.status).toBe(0);

    const answer = run("src/adapters/repl/cli.ts", ["partnership ECRC in full"]);
    expect(answer.stdout).toMatch(/Example Coastal Resilience Compact/);
    expect(answer.stdout).toMatch(/Hosted by: Example Ocean Secretariat/);
    expect(answer.stdout).toMatch(/Governments: Exampleland, Samplestan/);
  });

  it("--dry-run writes nothing; a second import keeps existing files unless --force", async () => {
    const dry = run("src/knowledge/import.ts", [SAMPLE, "--dry-run"]);
    expect(dry.stdout).toMatch(/2 to write/);
    await expect(readFile(path.join(dir, "partnerships", "example-cookstove-network.yaml"))).rejects.toThrow(/ENOENT/);

    const options = { kind: "partnership" as const, knowledgeDir: dir, sourceName: SAMPLE, today: TODAY };
    const rows = [{ title: "Example Cookstove Network", description: "Fictional. For the test.", sdgs: "7", "us role": "none", "source title": "Fixture", publisher: "Tests", "source year": "2024" }];
    const first = await planImport(rows, options);
    await writeFile(first.written[0]!.file, first.written[0]!.text);
    expect((await planImport(rows, options)).existing).toEqual([expect.objectContaining({ row: 1, id: "example-cookstove-network" })]);
    const forced = await planImport([{ ...rows[0], description: "Fictional, changed. For the test." }], { ...options, force: true });
    expect(forced.written).toEqual([expect.objectContaining({ id: "example-cookstove-network", overwrites: true })]);
    expect(forced.duplicates).toEqual([]);
  });

  it("maps JSON rows, sectors and list cells through the schema, in the schema's field order, dated when the schema asks", async () => {
    const rows = [
      {
        Name: "Example Grid Partnership",
        Description: "A fictional partnership for the test. Not a real one.",
        "Also known as": "EGP | Grid Partnership",
        SDGs: "7;13",
        "Technical & academic": "Example Institute",
        "Founding year": "2020",
        "governance.type": "network",
        us_role: "none",
        sources: [{ title: "Fixture", publisher: "Tests", year: 2024 }],
        "Favourite colour": "green",
      },
    ];
    const report = await planImport(rows, { kind: "partnership", knowledgeDir: dir, sourceName: "rows.json", today: TODAY });
    expect(report.skipped).toEqual([]);
    expect(report.ignoredColumns).toEqual(["Favourite colour"]);
    const data = parse(report.written[0]!.text) as Record<string, unknown>;
    expect(data).toMatchObject({ id: "example-grid-partnership", aliases: ["EGP", "Grid Partnership"], sdgs: [7, 13], founded: 2020, members: { technical_academic: ["Example Institute"] } });
    expect(EntrySchema.safeParse(data).success).toBe(true);
    expect(Object.keys(data)).toEqual(Object.keys(kindFields("partnership")).filter((key) => key in data));
    expect("as_of" in data).toBe("as_of" in kindFields("partnership"));
    if ("as_of" in data) expect(data.as_of).toBe("2026-03-04");
  });
});
