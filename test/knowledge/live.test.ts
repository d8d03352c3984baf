import { execFileSync } from "node:child_process";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { openKnowledgeBase } from "../../src/knowledge/base.js";
import { LiveKnowledge } from "../../src/knowledge/live.js";
import { formatProblem } from "../../src/knowledge/loader.js";
import { knowledgeCopy, recordingLogger, type RecordingLogger } from "../support/app.js";
import { waitFor } from "../support/wait.js";

const newConcept = (extra: Record<string, unknown> = {}) => ({
  id: "polycrisis",
  kind: "concept",
  as_of: "2024-10",
  title: "Polycrisis",
  summary: "Several crises at once. A test entry.",
  definition: "Crises that interact.",
  why_it_matters: "They compound.",
  sources: [{ title: "Test source", publisher: "Test", year: 2024 }],
  ...extra,
});

let dir: string;
let live: LiveKnowledge;
let logger: RecordingLogger;

beforeEach(async () => {
  dir = await knowledgeCopy("live");
  logger = recordingLogger();
  live = new LiveKnowledge(await openKnowledgeBase(dir), dir, logger.log);
  live.watch();
});

afterEach(async () => {
  live.close();
  await rm(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, "concepts", "polycrisis.yaml");

describe("live knowledge reload", () => {
  it("given a bad file, keeps answering from the last good set and logs the problem with file and field", async () => {
    const before = live.get().version;
    await writeFile(file(), stringify(newConcept({ definition: 42 })));
    const warning = await waitFor(() => logger.lines.find((line) => line.field === "definition"), "the rejection log");
    expect(String(warning.msg)).toMatch(/polycrisis\.yaml: definition: expected a definition, got 42/);
    expect(live.get().version).toBe(before);
    expect(live.get().search("gavi").hits[0]?.entry.id).toBe("gavi");
    expect(live.status().rejected).toHaveLength(1);
  });

  it("when the file is fixed, serves the new entry without a restart", async () => {
    await writeFile(file(), stringify(newConcept({ definition: 42 })));
    await waitFor(() => live.status().rejected.length > 0, "the rejection");
    await writeFile(file(), stringify(newConcept()));
    await waitFor(() => live.get().get("polycrisis"), "the new entry");
    expect(live.get().search("polycrisis").hits[0]?.entry.id).toBe("polycrisis");
    expect(live.status()).toMatchObject({ rejected: [], entries: live.get().size });
    expect(logger.lines.some((line) => line.msg === "knowledge reloaded")).toBe(true);
  });

  it("coalesces a burst of saves into one reload", async () => {
    for (let index = 0; index < 5; index += 1) await writeFile(file(), stringify(newConcept({ summary: `Save ${index}. Test.` })));
    await waitFor(() => live.get().get("polycrisis")?.summary === "Save 4. Test.", "the last save");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(logger.lines.filter((line) => line.msg === "knowledge reloaded")).toHaveLength(1);
  });
});

describe("live reload, hardened (#13) and incremental (#15)", () => {
  const summaryOf = () => live.get().get("polycrisis")?.summary;

  it("(#13.4) given an atomic save (temp file + rename), later in-place edits are still served", async () => {
    const temporary = path.join(dir, "concepts", ".polycrisis.yaml.swp");
    for (const round of [1, 2]) {
      await writeFile(temporary, stringify(newConcept({ summary: `Atomic save ${round}. Test.` })));
      await rename(temporary, file());
      await waitFor(() => summaryOf() === `Atomic save ${round}. Test.`, `atomic save ${round}`);
      await writeFile(file(), stringify(newConcept({ summary: `In-place edit ${round}. Test.` })));
      await waitFor(() => summaryOf() === `In-place edit ${round}. Test.`, `in-place edit ${round}`);
    }
  });

  it("(#13.6) given a reload that meets a directory named x.yaml, status names the file, so /healthz says degraded", async () => {
    await mkdir(path.join(dir, "concepts", "folder.yaml"));
    await waitFor(() => live.status().rejected.length > 0, "the rejection");
    expect(live.status().rejected.map(formatProblem)).toEqual([expect.stringMatching(/concepts.folder\.yaml: is a directory/)]);
    expect(logger.lines.some((line) => String(line.msg).includes("folder.yaml"))).toBe(true);
    expect(live.get().get("gavi")).toBeDefined();
  });

  it("(#13.5) given a FIFO named x.yaml, the reload is rejected naming it and the watcher keeps working", async () => {
    execFileSync("mkfifo", [path.join(dir, "concepts", "pipe.yaml")]);
    await waitFor(() => live.status().rejected.some((item) => /pipe\.yaml/.test(item.file)), "the rejection");
    await rm(path.join(dir, "concepts", "pipe.yaml"));
    await writeFile(file(), stringify(newConcept()));
    await waitFor(() => live.get().get("polycrisis"), "the entry after the FIFO went");
    expect(live.status().rejected).toEqual([]);
  });

  it("given one edited file, re-reads that file only and answers from the updated index as a fresh load would", async () => {
    await writeFile(file(), stringify(newConcept({ aliases: ["Permacrisis"] })));
    await waitFor(() => live.get().get("polycrisis"), "the new entry");
    const reloads = logger.lines.filter((line) => line.msg === "knowledge reloaded");
    expect(reloads.map((line) => line.parsed)).toEqual([1]);

    const fresh = await openKnowledgeBase(dir);
    const queries = ["permacrisis", "polycrisis", "crises that interact", "gavi", "multialignment", "quad", "seed not lead", "legitimcy"];
    const ids = (kb: typeof fresh, query: string) => kb.search(query).hits.map((hit) => hit.entry.id);
    for (const query of queries) expect(ids(live.get(), query), query).toEqual(ids(fresh, query));
    expect(live.get().version).toBe(fresh.version);
  });

  it("given a deleted file, stops serving its entry; given a file others link to deleted, keeps the last good set", async () => {
    await writeFile(file(), stringify(newConcept()));
    await waitFor(() => live.get().get("polycrisis"), "the new entry");
    await rm(file());
    await waitFor(() => !live.get().get("polycrisis"), "the entry gone");
    expect(live.get().search("polycrisis").hits.map((hit) => hit.entry.id)).not.toContain("polycrisis");

    await rm(path.join(dir, "partnerships", "gavi.yaml"));
    await waitFor(() => live.status().rejected.length > 0, "the rejection");
    expect(live.status().rejected.map(formatProblem).join("\n")).toMatch(/unknown id "gavi"/);
    expect(live.get().get("gavi")).toBeDefined();
  });
});
