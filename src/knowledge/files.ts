/**
 * The files of a knowledge folder, found and read defensively: only regular files (a FIFO
 * would block a read forever), never through a symbolic link that leads out of the folder,
 * and never more bytes than the caps below. Synchronous on purpose: ten thousand `lstat`s
 * take ~40 ms this way and several times that through the thread pool.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { KIND_FOLDERS } from "./schema.js";
import { problem, type Problem } from "./problems.js";

/** Largest entry file read: the longest shipped entry is ~6 KB, so this leaves room for any real one. */
export const MAX_ENTRY_FILE_BYTES = 256 * 1024;
/** Largest knowledge folder read, all entry files together (50,000 entries of the shipped size are ~200 MB). */
export const MAX_KNOWLEDGE_BYTES = 512 * 1024 * 1024;

export interface SizeLimits {
  fileBytes: number;
  totalBytes: number;
}

export const SIZE_LIMITS: SizeLimits = { fileBytes: MAX_ENTRY_FILE_BYTES, totalBytes: MAX_KNOWLEDGE_BYTES };

/** What tells one version of a file from another without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface ListedFile {
  /** Path relative to the knowledge folder, e.g. `concepts/open-world.yaml`. */
  rel: string;
  /** The file to open: the entry file itself, or its symbolic link's target inside the folder. */
  target: string;
  stamp: FileStamp;
}

export interface Listing {
  files: ListedFile[];
  /** Everything in the folder that is not a readable entry file. */
  problems: Problem[];
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MB`;
const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

export const sameStamp = (a: FileStamp, b: FileStamp) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

function typeOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** Why a file system call failed, in words; never a raw stack. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    case "ENOENT":
      return "disappeared while being read";
    case "ELOOP":
      return "is a symbolic link that loops (or leads through one)";
    case "EISDIR":
      return "is a directory, not a file";
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

const isInside = (file: string, folder: string) => {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
};

/** The file's own stats, or those of its symbolic link's target when that target is inside the folder. */
function resolveInside(file: string, realRoot: string): { target: string; stats: Stats } | { message: string } {
  try {
    const stats = lstatSync(file);
    if (!stats.isSymbolicLink()) return { target: file, stats };
    const target = realpathSync(file);
    if (!isInside(target, realRoot)) return { message: "is a symbolic link to outside the knowledge folder: not followed" };
    return { target, stats: statSync(target) };
  } catch (error) {
    return { message: (error as NodeJS.ErrnoException).code === "ENOENT" ? "is a symbolic link to nothing" : describeError(error) };
  }
}

/** Every entry file under the folder, with a problem for anything else found there. */
export function listEntryFiles(root: string, limits: SizeLimits = SIZE_LIMITS): Listing {
  const problems: Problem[] = [];
  const files: ListedFile[] = [];
  let realRoot: string;
  let items;
  try {
    realRoot = realpathSync(root);
    items = readdirSync(realRoot, { withFileTypes: true });
  } catch {
    return { files, problems: [problem(root, "", "the knowledge folder does not exist or cannot be read")] };
  }
  const folders = new Set(Object.values(KIND_FOLDERS));
  let totalBytes = 0;
  for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith(".") || item.name.toLowerCase() === "readme.md") continue;
    const folder = path.join(root, item.name);
    const resolved = folders.has(item.name) ? resolveInside(folder, realRoot) : undefined;
    if (!resolved || ("stats" in resolved && !resolved.stats.isDirectory())) {
      problems.push(problem(folder, "", `unexpected here: entries live in ${[...folders].join("/, ")}/`));
      continue;
    }
    if ("message" in resolved) {
      problems.push(problem(folder, "", resolved.message));
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(resolved.target).sort();
    } catch (error) {
      problems.push(problem(folder, "", describeError(error)));
      continue;
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const file = path.join(folder, name);
      if (!name.endsWith(".yaml")) {
        problems.push(problem(file, "", "not a .yaml file"));
        continue;
      }
      const found = resolveInside(file, realRoot);
      if ("message" in found) problems.push(problem(file, "", found.message));
      else if (!found.stats.isFile()) problems.push(problem(file, "", `is ${typeOf(found.stats)}: an entry must be a plain .yaml file`));
      else if (found.stats.size > limits.fileBytes) problems.push(tooLarge(file, found.stats.size, limits));
      else {
        totalBytes += found.stats.size;
        files.push({ rel: path.join(item.name, name), target: found.target, stamp: stampOf(found.stats) });
      }
    }
  }
  if (totalBytes > limits.totalBytes) {
    const message = `the entry files add up to ${megabytes(totalBytes)}, over the ${megabytes(limits.totalBytes)} a knowledge folder may hold`;
    return { files: [], problems: [...problems, problem(root, "", message)] };
  }
  return { files, problems };
}

function tooLarge(file: string, size: number, limits: SizeLimits): Problem {
  return problem(file, "", `is ${kilobytes(size)}, over the ${kilobytes(limits.fileBytes)} an entry file may have: shorten it or split it`);
}

/**
 * The text of a listed file. Opened without blocking and without following a link, then
 * checked again: the file may have been swapped for a FIFO, a link or a huge file since it was listed.
 */
export function readEntrySource(file: string, target: string, limits: SizeLimits = SIZE_LIMITS): { source: string } | { problem: Problem } {
  let fd: number | undefined;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: problem(file, "", `is ${typeOf(stats)}: an entry must be a plain .yaml file`) };
    if (stats.size > limits.fileBytes) return { problem: tooLarge(file, stats.size, limits) };
    const source = readFileSync(fd, "utf8");
    if (source.length > limits.fileBytes) return { problem: tooLarge(file, source.length, limits) };
    return { source };
  } catch (error) {
    return { problem: problem(file, "", describeError(error)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
