import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { openKnowledgeBase } from "../../src/knowledge/base.js";
import { LiveKnowledge } from "../../src/knowledge/live.js";
import { KNOWLEDGE_DIR, recordingLogger, type RecordingLogger } from "../support/app.js";
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
  dir = await mkdtemp(path.join(tmpdir(), "attache-live-"));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
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
