import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { KnowledgeFolder } from "../../src/knowledge/folder.js";
import { KNOWLEDGE_DIR, knowledgeCopy } from "../support/app.js";

let dir: string;
let cacheDir: string;

beforeEach(async () => {
  dir = await knowledgeCopy("snapshot-kb");
  cacheDir = await mkdtemp(path.join(tmpdir(), "attache-snapshot-cache-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** Opens the folder as a start would, and waits for the snapshot that start writes. */
async function open(): Promise<KnowledgeFolder> {
  const folder = await KnowledgeFolder.open(dir, { cacheDir });
  await folder.snapshotSaved;
  return folder;
}
const snapshotPath = async () => path.join(cacheDir, (await readdir(cacheDir)).find((name) => name.endsWith(".json")) ?? "none");

describe("the knowledge snapshot cache", () => {
  it("given an unchanged folder, the next start parses no file and serves the same entries and version", async () => {
    const first = await open();
    expect(first.lastRead).toMatchObject({ cache: "miss" });
    const second = await open();
    expect(second.lastRead).toMatchObject({ cache: "hit", parsed: 0 });
    expect(second.result().entries).toEqual(first.result().entries);
    expect(second.result().version).toBe(first.result().version);
  });

  it("given one file rewritten with the same size, parses that file again and serves its new content", async () => {
    await open();
    const file = path.join(dir, "concepts", "multialignment.yaml");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace("title: Multialignment", "title: Multialignmenz"));
    const next = await open();
    expect(next.lastRead).toMatchObject({ cache: "partial", parsed: 1 });
    expect(next.result().entries.find((entry) => entry.id === "multialignment")?.title).toBe("Multialignmenz");
  });

  it("given a corrupt snapshot, ignores it and rebuilds it", async () => {
    const first = await open();
    const snapshot = await snapshotPath();
    const bytes = await readFile(snapshot);
    bytes[bytes.length - 100] = bytes[bytes.length - 100] === 0x61 ? 0x62 : 0x61;
    await writeFile(snapshot, bytes);
    const second = await open();
    expect(second.lastRead).toMatchObject({ cache: "miss" });
    expect(second.result().entries).toEqual(first.result().entries);
    expect((await open()).lastRead).toMatchObject({ cache: "hit" });
  });

  it("given a snapshot written by other loader or schema code, ignores it", async () => {
    await open();
    const snapshot = await snapshotPath();
    const text = await readFile(snapshot, "utf8");
    const newline = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, newline)) as { code: string };
    await writeFile(snapshot, `${JSON.stringify({ ...header, code: "other code" })}${text.slice(newline)}`);
    expect((await open()).lastRead).toMatchObject({ cache: "miss" });
  });

  it("lives outside the knowledge folder by default, and KNOWLEDGE_CACHE_DIR=off turns it off", () => {
    const config = parseConfig({ KNOWLEDGE_DIR });
    expect(path.relative(KNOWLEDGE_DIR, config.knowledgeCacheDir ?? "")).toMatch(/^\.\./);
    expect(parseConfig({ KNOWLEDGE_DIR, KNOWLEDGE_CACHE_DIR: "off" }).knowledgeCacheDir).toBeUndefined();
  });
});
