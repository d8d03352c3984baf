import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PROJECT_ROOT } from "../../src/config.js";
import { formatProblem, loadKnowledge, MAX_ENTRY_FILE_BYTES, readKnowledge, KnowledgeLoadError, type Problem } from "../../src/knowledge/loader.js";
import { MAX_PROBLEM_MESSAGE } from "../../src/knowledge/problems.js";

const ESSAY = {
  title: "How America Can Succeed in a Multialigned World",
  author: "Anne-Marie Slaughter",
  publisher: "Foreign Affairs",
  year: 2024,
};

const concept = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "concept",
  as_of: "2024-10",
  title: id.replace(/-/g, " "),
  summary: "A short summary. In two sentences.",
  definition: "What it means.",
  why_it_matters: "Why it matters.",
  sources: [ESSAY],
  ...extra,
});

const partnership = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "partnership",
  as_of: "2024-10",
  title: id,
  summary: "A partnership. It does things.",
  us_role: "member",
  sources: [ESSAY],
  ...extra,
});

let root: string;

async function knowledgeFolder(files: Record<string, unknown>): Promise<string> {
  root = await mkdtemp(path.join(tmpdir(), "attache-kb-"));
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, typeof content === "string" ? content : stringify(content));
  }
  return root;
}

/** Problems as the `file: field: message` lines kb:check prints, with the temp folder cut off. */
async function problemLines(files: Record<string, unknown>): Promise<string[]> {
  const dir = await knowledgeFolder(files);
  const { problems } = await readKnowledge(dir);
  return problems.map((problem) => formatProblem(problem).replace(`${dir}${path.sep}`, ""));
}

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("loading the knowledge base", () => {
  it("given valid files, loads every entry, a category left out staying “not recorded”", async () => {
    const dir = await knowledgeFolder({
      "concepts/open-world.yaml": concept("open-world", { related: ["quad"] }),
      "partnerships/quad.yaml": partnership("quad", { founded: 2007, members: { governments: ["India"] } }),
    });
    const entries = await loadKnowledge(dir);
    expect(entries.map((entry) => entry.id).sort()).toEqual(["open-world", "quad"]);
    const quad = entries.find((entry) => entry.id === "quad");
    expect(quad?.kind === "partnership" && quad.members.civil_society).toBeUndefined();
    expect(quad?.kind === "partnership" && quad.us_role).toEqual([{ role: "member" }]);
  });

  it("reports a wrong field type with the file path, the field path and what was expected", async () => {
    const lines = await problemLines({
      "partnerships/gavi.yaml": partnership("gavi", {
        goals: [{ text: "Vaccinate children", measurable: true, target: "500 million", deadline: "soon" }],
      }),
    });
    expect(lines).toEqual([`partnerships${path.sep}gavi.yaml: goals[0].deadline: expected a year, got "soon"`]);
  });

  it("requires a target and a deadline for a measurable goal", async () => {
    const lines = await problemLines({
      "partnerships/gavi.yaml": partnership("gavi", { goals: [{ text: "Do good", measurable: true }] }),
    });
    expect(lines.join("\n")).toMatch(/goals\[0\]\.target: a measurable goal needs a target/);
    expect(lines.join("\n")).toMatch(/goals\[0\]\.deadline: a measurable goal needs a deadline year/);
  });

  it("rejects unknown fields, enum values out of range and entries without sources", async () => {
    const lines = await problemLines({
      "partnerships/gavi.yaml": { ...partnership("gavi", { us_role: "boss", sdgs: [18], colour: "red" }), sources: [] },
    });
    const text = lines.join("\n");
    expect(text).toMatch(/us_role\[0\]\.role: expected one of leads, member, funder, withheld, withdrawn, outside, none, unknown, got "boss"/);
    expect(text).toMatch(/sdgs\[0\]: expected an SDG number 1-17/);
    expect(text).toMatch(/colour/);
    expect(text).toMatch(/sources: every entry needs at least one source/);
  });

  it("rejects a U.S.-role period that ends before it begins, comparing dates at the coarser precision", async () => {
    const lines = await problemLines({
      "partnerships/gavi.yaml": partnership("gavi", { us_role: [{ role: "funder", since: "2025", until: "2024-06" }] }),
      "partnerships/quad.yaml": partnership("quad", { us_role: [{ role: "member", since: "2025-06", until: "2025" }] }),
    });
    expect(lines).toEqual([`partnerships${path.sep}gavi.yaml: us_role[0].until: since must not be later than until`]);
  });

  it("reports broken related ids and quote speakers", async () => {
    const lines = await problemLines({
      "concepts/open-world.yaml": concept("open-world", { related: ["no-such-entry"] }),
      "quotes/a-quote.yaml": {
        ...concept("a-quote"),
        kind: "quote",
        definition: undefined,
        why_it_matters: undefined,
        text: "Short words.",
        speakers: ["hillary-clinton", "nobody"],
        date: "2022",
        context: "Somewhere.",
        source: ESSAY,
      },
    });
    expect(lines).toContain(`concepts${path.sep}open-world.yaml: related[0]: unknown id "no-such-entry"`);
    expect(lines).toContain(`quotes${path.sep}a-quote.yaml: speakers[1]: unknown id "nobody"`);
  });

  it("reports duplicate ids and a name claimed by two entries, however it is spelled", async () => {
    const lines = await problemLines({
      "concepts/open-world.yaml": concept("open-world", { aliases: ["Multi-Alignment"] }),
      "concepts/multialignment.yaml": concept("multialignment"),
      "partnerships/open-world.yaml": partnership("open-world"),
    });
    const text = lines.join("\n");
    expect(text).toMatch(/duplicate id "open-world"/);
    expect(text).toMatch(/aliases\[0\]: duplicate name "Multi-Alignment": "multialignment" .* already uses it/);
  });

  it("reports a file whose name does not match its id, or in the wrong folder", async () => {
    const lines = await problemLines({ "partnerships/nato.yaml": concept("open-world") });
    expect(lines.join("\n")).toMatch(/id: the file name must match the id: rename it to open-world.yaml/);
    expect(lines.join("\n")).toMatch(/kind: a concept belongs in concepts\/, not partnerships\//);
  });

  it("reports YAML syntax errors with a line number instead of throwing", async () => {
    const lines = await problemLines({ "concepts/broken.yaml": "id: broken\nkind: concept\n  title: [oops\n" });
    expect(lines[0]).toMatch(/^concepts.broken\.yaml: not valid YAML \(line \d+\)/);
  });

  it("never half-loads: one bad file rejects the whole set, listing every problem", async () => {
    const dir = await knowledgeFolder({
      "concepts/open-world.yaml": concept("open-world"),
      "concepts/bad.yaml": concept("bad", { definition: 42 }),
    });
    const error = await loadKnowledge(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).problems).toHaveLength(1);
    expect((error as KnowledgeLoadError).message).toMatch(/definition: expected a definition, got 42/);
  });

  it("rejects a missing folder and an empty one", async () => {
    await expect(loadKnowledge(path.join(tmpdir(), "attache-no-such-folder"))).rejects.toThrow(/does not exist/);
    const dir = await knowledgeFolder({});
    await expect(loadKnowledge(dir)).rejects.toThrow(/no entries found/);
  });
});

describe("hostile and broken knowledge folders (#13)", () => {
  const shown = (dir: string, problems: readonly Problem[]) => problems.map((item) => formatProblem(item).replace(`${dir}${path.sep}`, ""));

  it("(#13.5) given a FIFO named *.yaml, names it as a problem instead of hanging", async () => {
    const dir = await knowledgeFolder({ "concepts/open-world.yaml": concept("open-world") });
    execFileSync("mkfifo", [path.join(dir, "concepts", "pipe.yaml")]);
    const { problems, entries } = await readKnowledge(dir);
    expect(shown(dir, problems)).toEqual([`concepts${path.sep}pipe.yaml: is a FIFO (named pipe): an entry must be a plain .yaml file`]);
    expect(entries.map((entry) => entry.id)).toEqual(["open-world"]);
  });

  it("(#13.6) given an alias bomb, a directory named x.yaml and a symlink loop, names each file as a problem instead of throwing", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, n) => `${String.fromCharCode(98 + n)}: &${String.fromCharCode(98 + n)} [${Array(9).fill(`*${String.fromCharCode(97 + n)}`).join(", ")}]`)].join("\n");
    const dir = await knowledgeFolder({ "concepts/open-world.yaml": concept("open-world"), "concepts/bomb.yaml": bomb });
    await mkdir(path.join(dir, "concepts", "folder.yaml"));
    await symlink("loop.yaml", path.join(dir, "concepts", "loop.yaml"));
    const lines = shown(dir, (await readKnowledge(dir)).problems);
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/^concepts.bomb\.yaml: not valid YAML: Excessive alias count/));
    expect(lines).toContain(`concepts${path.sep}folder.yaml: is a directory: an entry must be a plain .yaml file`);
    expect(lines).toContainEqual(expect.stringMatching(/^concepts.loop\.yaml: is a symbolic link that loops/));
  });

  it.skipIf(process.getuid?.() === 0)("(#13.6) given an unreadable file, says permission denied with its name, not a raw EACCES", async () => {
    const dir = await knowledgeFolder({ "concepts/open-world.yaml": concept("open-world"), "concepts/secret.yaml": concept("secret") });
    await chmod(path.join(dir, "concepts", "secret.yaml"), 0o000);
    expect(shown(dir, (await readKnowledge(dir)).problems)).toEqual([`concepts${path.sep}secret.yaml: cannot be read: permission denied`]);
  });

  it("(#13.6) kb:check names the broken file and prints no stack trace", async () => {
    const dir = await knowledgeFolder({ "concepts/open-world.yaml": concept("open-world") });
    await mkdir(path.join(dir, "concepts", "folder.yaml"));
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src", "knowledge", "check.ts")], {
      env: { ...process.env, KNOWLEDGE_DIR: dir, KNOWLEDGE_CACHE_DIR: "off" },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/folder\.yaml: is a directory/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("(#13.14) never follows a symbolic link out of the knowledge folder, but follows one inside it", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "attache-outside-"));
    try {
      await writeFile(path.join(outside, "leak.yaml"), stringify(concept("leak")));
      const dir = await knowledgeFolder({ "concepts/open-world.yaml": concept("open-world"), "drafts/quad.yaml": partnership("quad") });
      await symlink(path.join(outside, "leak.yaml"), path.join(dir, "concepts", "leak.yaml"));
      await mkdir(path.join(dir, "partnerships"));
      await symlink(path.join("..", "drafts", "quad.yaml"), path.join(dir, "partnerships", "quad.yaml"));
      const { problems, entries } = await readKnowledge(dir);
      expect(entries.map((entry) => entry.id).sort()).toEqual(["open-world", "quad"]);
      expect(shown(dir, problems)).toEqual([
        `concepts${path.sep}leak.yaml: is a symbolic link to outside the knowledge folder: not followed`,
        `drafts: unexpected here: entries live in concepts/, partnerships/, actors/, documents/, quotes/`,
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("(#13.14) does not echo a long or unsafe value back in a problem", async () => {
    const hostile = `\u001b[2J\u202e${"x".repeat(5000)}\nnext line`;
    const lines = await problemLines({ "partnerships/gavi.yaml": partnership("gavi", { us_role: hostile }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^partnerships.gavi\.yaml: us_role\S*: expected one of [a-z, -]+, got "/);
    expect(lines[0]!.length).toBeLessThanOrEqual(MAX_PROBLEM_MESSAGE + 60);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  });

  it("(#13.14) accepts only http(s) source URLs without spaces", async () => {
    const withUrl = (url: string) => concept(`c-${url.length}`, { sources: [{ ...ESSAY, url }] });
    const urls = ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "https://example.org/a b", "https://example.org/ok"];
    const files = Object.fromEntries(urls.map((url) => { const entry = withUrl(url); return [`concepts/${entry.id}.yaml`, entry]; }));
    const lines = await problemLines(files);
    expect(lines.filter((line) => /sources\[0\]\.url/.test(line))).toHaveLength(4);
    expect(lines.join("\n")).not.toMatch(/c-22\.yaml/);
  });

  it("(#13.15) refuses an entry file over the per-file cap and a folder over the total cap, with clear messages", async () => {
    const dir = await knowledgeFolder({
      "concepts/open-world.yaml": concept("open-world"),
      "concepts/huge.yaml": concept("huge", { details: "words ".repeat(MAX_ENTRY_FILE_BYTES / 5) }),
    });
    expect(shown(dir, (await readKnowledge(dir)).problems)).toEqual([
      expect.stringMatching(/^concepts.huge\.yaml: is \d+ KB, over the 256 KB an entry file may have: shorten it or split it$/),
    ]);
    await rm(path.join(dir, "concepts", "huge.yaml"));
    const { problems, entries } = await readKnowledge(dir, { limits: { fileBytes: MAX_ENTRY_FILE_BYTES, totalBytes: 100 } });
    expect(entries).toEqual([]);
    expect(problems.map((item) => item.message)).toEqual([expect.stringMatching(/^the entry files add up to 0\.\d\d MB, over the 0\.00 MB a knowledge folder may hold$/)]);
  });
});
