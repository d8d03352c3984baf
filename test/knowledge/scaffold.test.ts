import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { PROJECT_ROOT } from "../../src/config.js";
import { readKnowledge, type Problem } from "../../src/knowledge/loader.js";
import { scaffoldEntry } from "../../src/knowledge/scaffold.js";
import { KIND_FOLDERS, KINDS, type Kind } from "../../src/knowledge/schema.js";
import { knowledgeCopy } from "../support/app.js";

let dir: string;

beforeEach(async () => {
  dir = await knowledgeCopy("scaffold");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What an editor would type for a placeholder, told only by the problem kb:check reports for it. */
function valueFor(problem: Problem): { at: string; value: unknown } {
  const choice = /one of ([a-z0-9-]+)/.exec(problem.message);
  if (choice) return { at: problem.field, value: choice[1] };
  if (/author or a publisher/.test(problem.message)) return { at: `${problem.field}.publisher`, value: "Test publisher" };
  if (/year/.test(problem.message)) return { at: problem.field, value: 2024 };
  if (/date like/.test(problem.message)) return { at: problem.field, value: "2024-01-01" };
  if (/true or false/.test(problem.message)) return { at: problem.field, value: true };
  if (/\bid\b/.test(problem.message)) return { at: problem.field, value: "anne-marie-slaughter" };
  return { at: problem.field, value: "Filled in for the test." };
}

const segments = (field: string) => field.split(/\.|\[(\d+)\]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));

async function problemsIn(file: string): Promise<Problem[]> {
  return (await readKnowledge(dir)).problems.filter((problem) => problem.file.endsWith(path.basename(file)));
}

describe("kb:new scaffolds", () => {
  it.each(KINDS)("given a new %s, every required field is a placeholder kb:check names, and once they are filled the entry is valid", async (kind: Kind) => {
    const { id, text } = scaffoldEntry(kind, "Scaffold Test Entry");
    const file = path.join(dir, KIND_FOLDERS[kind], `${id}.yaml`);
    await writeFile(file, text);
    const unfilled = await problemsIn(file);
    expect(unfilled.length).toBeGreaterThan(0);
    expect((await readKnowledge(dir)).problems).toEqual(unfilled);

    for (let round = 0; round < 4; round++) {
      const problems = await problemsIn(file);
      if (problems.length === 0) break;
      const document = parseDocument(await readFile(file, "utf8"));
      for (const problem of problems) {
        const { at, value } = valueFor(problem);
        document.setIn(segments(at), value);
      }
      await writeFile(file, document.toString());
    }
    expect(await problemsIn(file)).toEqual([]);
    expect((await readKnowledge(dir)).entries.some((entry) => entry.id === id && entry.title === "Scaffold Test Entry")).toBe(true);
  });

  it("writes every field of the schema, the optional ones commented out", () => {
    const { text } = scaffoldEntry("partnership", "Scaffold Test Entry");
    for (const field of ["summary:", "sources:", "us_role:", "# aliases:", "# governance:", "#   type:", "# goals:", "# sdgs:", "# members:"]) {
      expect(text).toContain(field);
    }
  });

  it("npm run kb:new writes the file into KNOWLEDGE_DIR and never over an existing one", () => {
    const run = () =>
      spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src", "knowledge", "new.ts"), "concept", "Scaffold Test Entry"], {
        env: { ...process.env, KNOWLEDGE_DIR: dir },
        encoding: "utf8",
        timeout: 15_000,
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/concepts.scaffold-test-entry\.yaml/);
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });
});
