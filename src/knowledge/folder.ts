/**
 * A knowledge folder as last read: one record per entry file. Opening it reuses what the
 * snapshot cache says about files that have not changed since; refreshing it re-reads only
 * the files whose stamp changed. Either way the whole set's links are checked again, which
 * is cheap because each file's names were cleaned when it was parsed.
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import path from "node:path";
import { listEntryFiles, readEntrySource, sameStamp, SIZE_LIMITS, type ListedFile, type SizeLimits } from "./files.js";
import { cleanText, displayPath, KnowledgeLoadError, MAX_PROBLEM_PATH, problem, type Problem } from "./problems.js";
import { readSnapshot, writeSnapshot, type FileRecord } from "./snapshot.js";
import type { Entry } from "./schema.js";
import { cleanedNames } from "./index.js";
import { checkLinks, parseEntryFile, type LoadedEntry } from "./validate.js";

export interface FolderOptions {
  /** Where the snapshot cache lives; no cache without it. */
  cacheDir?: string;
  /** Size caps (tests lower them); MAX_ENTRY_FILE_BYTES and MAX_KNOWLEDGE_BYTES by default. */
  limits?: SizeLimits;
}

/** How the last open or refresh went, for the log. */
export interface ReadStats {
  /** Entry files parsed (the others came from the snapshot or the last read). */
  parsed: number;
  files: number;
  /** "hit": nothing parsed; "partial": some files parsed; "miss"/"off": every file parsed. */
  cache: "hit" | "partial" | "miss" | "off";
}

export interface FolderResult {
  entries: Entry[];
  problems: Problem[];
  fileCount: number;
  /** Hash of every file's path and content: the same files give the same version. */
  version: string;
  /** Cleaned names per entry id, for the index. */
  names: ReadonlyMap<string, readonly string[]>;
}

function parseRecord(root: string, file: ListedFile, limits: SizeLimits): FileRecord {
  const full = path.join(root, file.rel);
  const read = readEntrySource(full, file.target, limits);
  const hash = createHash("sha1").update("source" in read ? read.source : "").digest("hex");
  if (!("source" in read)) return { rel: file.rel, stamp: file.stamp, hash, problems: [withoutFile(read.problem)] };
  let parsed: ReturnType<typeof parseEntryFile>;
  try {
    parsed = parseEntryFile(full, read.source);
  } catch (error) {
    // Whatever the parsers throw is this file's problem, never the whole load's.
    parsed = { problems: [problem(full, "", `could not be read as an entry: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const { entry } = parsed;
  return { rel: file.rel, stamp: file.stamp, hash, entry, names: entry && cleanedNames(entry), problems: parsed.problems.map(withoutFile) };
}

const withoutFile = ({ field, message }: Problem) => ({ field, message });

export class KnowledgeFolder {
  private listingProblems: Problem[] = [];
  private records = new Map<string, FileRecord>();
  private realRoot: string;
  private unsaved = false;
  lastRead: ReadStats = { parsed: 0, files: 0, cache: "off" };

  private constructor(
    readonly root: string,
    private readonly options: FolderOptions,
  ) {
    this.realRoot = path.resolve(root);
  }

  /** Reads the folder, reusing the snapshot cache for unchanged files when there is one. */
  static async open(root: string, options: FolderOptions = {}): Promise<KnowledgeFolder> {
    const folder = new KnowledgeFolder(root, options);
    folder.read(true);
    // Written on the next turn of the event loop, after the caller's first answer (a one-shot CLI still waits for it).
    folder.snapshotSaved = new Promise((resolve) => setTimeout(() => resolve(folder.saveSnapshot()), 0));
    return folder;
  }

  /** Settles once the snapshot written after opening is on disk (false if none was needed or it failed). */
  snapshotSaved: Promise<boolean> = Promise.resolve(false);

  /** Reads again the files changed since the last read; true if anything changed. */
  refresh(): boolean {
    return this.read(false);
  }

  private read(opening: boolean): boolean {
    try {
      this.realRoot = realpathSync(this.root);
    } catch {
      // listEntryFiles reports a missing folder.
    }
    const { cacheDir } = this.options;
    const known = opening && cacheDir ? readSnapshot(cacheDir, this.realRoot) : this.records;
    const limits = this.options.limits ?? SIZE_LIMITS;
    const listing = listEntryFiles(this.root, limits);
    const records = new Map<string, FileRecord>();
    let parsed = 0;
    for (const file of listing.files) {
      const previous = known?.get(file.rel);
      if (previous && sameStamp(previous.stamp, file.stamp)) records.set(file.rel, previous);
      else {
        records.set(file.rel, parseRecord(this.root, file, limits));
        parsed += 1;
      }
    }
    const changed =
      parsed > 0 ||
      records.size !== this.records.size ||
      listing.problems.map((p) => p.message + p.file).join() !== this.listingProblems.map((p) => p.message + p.file).join();
    this.unsaved ||= parsed > 0 || records.size !== (known?.size ?? 0);
    this.records = records;
    this.listingProblems = listing.problems;
    const cache = !cacheDir && opening ? "off" : parsed === 0 ? "hit" : parsed < records.size ? "partial" : "miss";
    this.lastRead = { parsed, files: records.size, cache };
    return changed;
  }

  /**
   * Writes the snapshot cache if it is behind the records; true if written. Opening does it on
   * the next turn of the event loop, a live reload a little later: never on the way to an answer.
   */
  saveSnapshot(): boolean {
    const { cacheDir } = this.options;
    if (!cacheDir || !this.unsaved || this.records.size === 0) return false;
    this.unsaved = !writeSnapshot(cacheDir, this.realRoot, this.records.values());
    return !this.unsaved;
  }

  /** Each file as problems show it, worked out once: a reload lists them all again. */
  private readonly shown = new Map<string, string>();

  private shownPath(rel: string): string {
    let file = this.shown.get(rel);
    if (file === undefined) {
      file = cleanText(displayPath(path.join(this.root, rel)), MAX_PROBLEM_PATH);
      this.shown.set(rel, file);
    }
    return file;
  }

  result(): FolderResult {
    const problems = [...this.listingProblems];
    const loaded: LoadedEntry[] = [];
    const names = new Map<string, readonly string[]>();
    const version = createHash("sha256");
    for (const record of this.records.values()) {
      const file = this.shownPath(record.rel);
      for (const issue of record.problems) problems.push({ file, ...issue });
      version.update(`${record.rel}\0${record.hash}\n`);
      if (!record.entry) continue;
      loaded.push({ entry: record.entry, file, names: record.names });
      if (record.names) names.set(record.entry.id, record.names);
    }
    problems.push(...checkLinks(loaded));
    return {
      entries: loaded.map((item) => item.entry),
      problems,
      fileCount: this.records.size,
      version: version.digest("hex").slice(0, 12),
      names,
    };
  }

  /** The entries if the set is valid as a whole; otherwise throws with every problem. */
  validEntries(): Entry[] {
    return this.validResult().entries;
  }

  validResult(): FolderResult {
    const result = this.result();
    if (result.problems.length > 0) throw new KnowledgeLoadError(result.problems);
    if (result.entries.length === 0) {
      throw new KnowledgeLoadError([{ file: displayPath(this.root), field: "", message: "no entries found" }]);
    }
    return result;
  }
}
