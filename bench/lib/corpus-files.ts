/**
 * Large knowledge folders on disk, as the scale issue measured them: the shipped entries plus
 * copies with new ids, titles and aliases (links point within the same copy), until the wanted
 * count. Copied as raw YAML data, so they follow whatever fields the schema has today.
 */
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";
import { KIND_FOLDERS, REFERENCE_FIELDS } from "../../src/knowledge/schema.js";

interface RawEntry {
  folder: string;
  data: Record<string, unknown>;
}

async function readShipped(knowledgeDir: string): Promise<RawEntry[]> {
  const raw: RawEntry[] = [];
  for (const folder of Object.values(KIND_FOLDERS)) {
    const names = (await readdir(path.join(knowledgeDir, folder))).filter((name) => name.endsWith(".yaml")).sort();
    for (const name of names) {
      raw.push({ folder, data: parse(await readFile(path.join(knowledgeDir, folder, name), "utf8")) as Record<string, unknown> });
    }
  }
  return raw;
}

/** Copy `n` of an entry: every id it has or links to gets the suffix, every name the tag. */
function copyOf(data: Record<string, unknown>, n: number): Record<string, unknown> {
  const id = (value: unknown) => `${String(value)}-copy-${n}`;
  const copy: Record<string, unknown> = { ...data, id: id(data.id), title: `${String(data.title)} copy ${n}` };
  if (Array.isArray(data.aliases)) copy.aliases = data.aliases.map((alias) => `${String(alias)} copy ${n}`);
  for (const field of REFERENCE_FIELDS) {
    const value = data[field];
    if (typeof value === "string") copy[field] = id(value);
    else if (Array.isArray(value)) copy[field] = value.map(id);
  }
  return copy;
}

/** Writes `count` entries under `dir` (the shipped ones first); returns their file paths, sorted. */
export async function writeCorpusFiles(knowledgeDir: string, dir: string, count: number): Promise<string[]> {
  const shipped = await readShipped(knowledgeDir);
  await Promise.all(Object.values(KIND_FOLDERS).map((folder) => mkdir(path.join(dir, folder), { recursive: true })));
  const files: string[] = [];
  const planned = Array.from({ length: count }, (_, index) => {
    const original = shipped[index % shipped.length] as RawEntry;
    const n = Math.floor(index / shipped.length);
    return { folder: original.folder, data: n === 0 ? original.data : copyOf(original.data, n) };
  });
  // The last copy may be cut short: its lists drop links to entries it did not get.
  const ids = new Set(planned.map(({ data }) => String(data.id)));
  for (const { data } of planned.slice(-shipped.length)) {
    for (const field of REFERENCE_FIELDS) {
      const value = data[field];
      if (Array.isArray(value)) data[field] = value.filter((id) => ids.has(String(id)));
    }
  }
  // Bounded batches: tens of thousands of writes at once exhaust file handles.
  for (let at = 0; at < planned.length; at += 500) {
    await Promise.all(
      planned.slice(at, at + 500).map(async ({ folder, data }) => {
        const file = path.join(dir, folder, `${String(data.id)}.yaml`);
        await writeFile(file, stringify(data));
        files.push(file);
      }),
    );
  }
  return files.sort();
}
