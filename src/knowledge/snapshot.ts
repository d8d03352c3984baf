/**
 * The validated-snapshot cache: what each entry file parsed to last time, keyed by the file's
 * stamp (size, mtime, ctime, inode), so an unchanged file is never parsed twice. Stored outside
 * the knowledge folder, one file per knowledge folder, written whole then renamed into place.
 * Trusted only if its header names this folder and this code (a hash of the loader and schema
 * sources and the lock file) and its payload still has the SHA-256 the header recorded;
 * otherwise it is ignored and rebuilt.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../config.js";
import type { FileStamp } from "./files.js";
import type { Problem } from "./problems.js";
import type { Entry } from "./schema.js";

/** Bumped when the snapshot's own layout changes. */
const SNAPSHOT_FORMAT = 1;

/** What one entry file parsed to. */
export interface FileRecord {
  /** Path relative to the knowledge folder. */
  rel: string;
  stamp: FileStamp;
  /** SHA-1 of the file's bytes: the knowledge set's version is made of these. */
  hash: string;
  entry?: Entry;
  /** The entry's cleaned names (id, title, aliases), computed once. */
  names?: string[];
  /** This file's own problems, without the file (shown relative to the working directory of the day). */
  problems: Array<Omit<Problem, "file">>;
}

interface Header {
  format: number;
  code: string;
  root: string;
  sha256: string;
}

/** Sources whose change can change what a file parses to. */
const CODE_FILES = ["schema", "validate", "files", "folder", "snapshot", "normalize", "index", "problems"];

let codeHashMemo: string | undefined;

/** A hash of the code that turns files into records, as it runs now (TypeScript or compiled); empty if it cannot be read. */
export function codeHash(): string {
  if (codeHashMemo !== undefined) return codeHashMemo;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha256").update(String(SNAPSHOT_FORMAT));
  const extension = path.extname(fileURLToPath(import.meta.url));
  try {
    for (const name of CODE_FILES) hash.update(readFileSync(path.join(here, `${name}${extension}`)));
  } catch {
    // Code we cannot hash (bundled, say) could change unseen: no snapshot is read or written.
    codeHashMemo = "";
    return codeHashMemo;
  }
  // The lock file pins zod, yaml and js-yaml, whose versions decide what validates.
  try {
    hash.update(readFileSync(path.join(PROJECT_ROOT, "package-lock.json")));
  } catch {
    hash.update("no lock file");
  }
  codeHashMemo = hash.digest("hex").slice(0, 32);
  return codeHashMemo;
}

/** Snapshots not written for this long are deleted when a new one is written. */
const STALE_SNAPSHOT_MS = 7 * 24 * 3600 * 1000;

const folderKey = (realRoot: string) => `knowledge-${createHash("sha256").update(realRoot).digest("hex").slice(0, 16)}`;

/**
 * The snapshot file of a knowledge folder (given by its real path) for this code: the compiled
 * build and the TypeScript sources each keep their own, rather than overwriting each other's.
 */
export function snapshotFile(cacheDir: string, realRoot: string): string {
  return path.join(cacheDir, `${folderKey(realRoot)}-${codeHash().slice(0, 12)}.json`);
}

/** Deletes snapshots no run has written for a week: other code's, or folders long gone. */
function pruneSnapshots(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (!name.startsWith("knowledge-") || file === keep) continue;
    if (Date.now() - statSync(file).mtimeMs > STALE_SNAPSHOT_MS) rmSync(file, { force: true });
  }
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** The records of the last snapshot, or nothing if there is none we can trust. */
export function readSnapshot(cacheDir: string, realRoot: string): Map<string, FileRecord> | undefined {
  let data: Buffer;
  if (!codeHash()) return undefined;
  try {
    data = readFileSync(snapshotFile(cacheDir, realRoot));
  } catch {
    return undefined;
  }
  try {
    const newline = data.indexOf(10);
    const header = JSON.parse(data.subarray(0, newline).toString("utf8")) as Partial<Header>;
    if (header.format !== SNAPSHOT_FORMAT || header.code !== codeHash() || header.root !== realRoot) return undefined;
    const payload = data.subarray(newline + 1);
    if (header.sha256 !== sha256(payload)) return undefined;
    const records = JSON.parse(payload.toString("utf8")) as unknown;
    if (!Array.isArray(records)) return undefined;
    return new Map((records as FileRecord[]).map((record) => [record.rel, record]));
  } catch {
    return undefined;
  }
}

/** Writes the records as the folder's snapshot; false (and no partial file) if it cannot. */
export function writeSnapshot(cacheDir: string, realRoot: string, records: Iterable<FileRecord>): boolean {
  let temporary: string | undefined;
  if (!codeHash()) return false;
  try {
    const file = snapshotFile(cacheDir, realRoot);
    temporary = `${file}.${process.pid}.tmp`;
    const payload = Buffer.from(JSON.stringify([...records]));
    const header: Header = { format: SNAPSHOT_FORMAT, code: codeHash(), root: realRoot, sha256: sha256(payload) };
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
    renameSync(temporary, file);
    pruneSnapshots(cacheDir, file);
    return true;
  } catch {
    if (temporary) rmSync(temporary, { force: true });
    return false;
  }
}
