/**
 * The knowledge base being served, reloaded in the background when its files change.
 * A reload re-reads only the files whose stamp changed, checks the whole set's links again,
 * and updates the index in place; if the new set has any problem, every problem is logged,
 * status() reports them (so /healthz says degraded) and the last good set keeps serving.
 *
 * Change events come from watching the knowledge folder and each kind folder (directories,
 * not files: an editor's atomic save replaces the file, and a watch on the old file would
 * never fire again). A periodic stamp check backs them up in case an event is lost.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { Logger } from "../core/log.js";
import { KnowledgeBase } from "./base.js";
import { KnowledgeFolder, type FolderOptions, type FolderResult } from "./folder.js";
import type { Entry } from "./schema.js";
import { KIND_FOLDERS } from "./schema.js";
import { displayPath, formatProblem, problem, type Problem } from "./problems.js";

/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
export const RELOAD_DEBOUNCE_MS = 50;
/** The backstop: how often the files' stamps are checked even without a change event. */
export const RESCAN_INTERVAL_MS = 30_000;
/** Delay before the snapshot cache catches up with a reload (off the edit-to-answer path). */
export const SNAPSHOT_DELAY_MS = 2_000;
/** Above this share of entries changed, a fresh index is built rather than the old one patched. */
const REBUILD_SHARE = 0.1;

export interface KnowledgeStatus {
  entries: number;
  version: string;
  loadedAt: Date;
  /** Problems of the last attempted reload, if it was rejected. */
  rejected: Problem[];
  /** Reloads rejected or failed since start (for /metrics). */
  failedReloads: number;
}

export class LiveKnowledge {
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private rescanTimer?: NodeJS.Timeout;
  private snapshotTimer?: NodeJS.Timeout;
  private reloading: Promise<boolean> = Promise.resolve(true);
  private loadedAt = new Date();
  private rejected: Problem[] = [];
  private folder?: KnowledgeFolder;
  private failedReloads = 0;

  constructor(
    private current: KnowledgeBase,
    private readonly dir: string,
    private readonly log: Logger,
    private readonly options: FolderOptions = {},
  ) {
    if (current.folder && path.resolve(current.folder.root) === path.resolve(dir)) this.folder = current.folder;
  }

  /** The set to answer from now. */
  readonly get = (): KnowledgeBase => this.current;

  status(): KnowledgeStatus {
    return { entries: this.current.size, version: this.current.version, loadedAt: this.loadedAt, rejected: this.rejected, failedReloads: this.failedReloads };
  }

  /** Reads what changed and swaps it in if the whole set is valid; true if swapped or unchanged. */
  reload(): Promise<boolean> {
    // One reload at a time, in order, so an older read never replaces a newer one.
    this.reloading = this.reloading.then(() => this.reloadNow());
    return this.reloading;
  }

  private async reloadNow(): Promise<boolean> {
    try {
      const changed = this.folder ? this.folder.refresh() : await this.openFolder();
      if (!changed) return this.rejected.length === 0;
      const result = this.folder!.result();
      if (result.entries.length === 0 && result.problems.length === 0) result.problems.push(problem(this.dir, "", "no entries found"));
      if (result.problems.length > 0) return this.reject(result.problems);
      this.rejected = [];
      this.scheduleSnapshot();
      if (result.version === this.current.version) return true;
      const { parsed } = this.folder!.lastRead;
      this.current = this.nextBase(result);
      this.loadedAt = new Date();
      this.log.info({ entries: this.current.size, version: this.current.version, parsed }, "knowledge reloaded");
      return true;
    } catch (error) {
      // Every file's own failure is a problem above; this is the folder itself failing. Still never "ok".
      return this.reject([problem(this.dir, "", `reload failed: ${error instanceof Error ? error.message : String(error)}`)]);
    }
  }

  private async openFolder(): Promise<boolean> {
    this.folder = await KnowledgeFolder.open(this.dir, this.options);
    return true;
  }

  private reject(problems: Problem[]): false {
    this.rejected = problems;
    this.failedReloads += 1;
    for (const item of problems) this.log.warn({ file: item.file, field: item.field }, formatProblem(item));
    this.log.error(
      { problems: problems.length, files: [...new Set(problems.map((item) => item.file))].slice(0, 10), serving: this.current.version },
      "knowledge reload rejected; still serving the last good set",
    );
    return false;
  }

  /** The served base with the changed entries swapped: in place when few changed, rebuilt otherwise. */
  private nextBase(result: FolderResult): KnowledgeBase {
    const folder = this.folder!;
    const removed: Entry[] = [];
    const added: Entry[] = [];
    const ids = new Set<string>();
    for (const entry of result.entries) {
      ids.add(entry.id);
      const served = this.current.get(entry.id);
      if (served === entry) continue;
      if (served) removed.push(served);
      added.push(entry);
    }
    for (const served of this.current.entries) if (!ids.has(served.id)) removed.push(served);
    if (this.current.folder !== folder || added.length + removed.length > REBUILD_SHARE * Math.max(this.current.size, 1)) {
      return KnowledgeBase.fromFolder(folder, result);
    }
    this.current.index.update(removed, added, result.names);
    return new KnowledgeBase(result.entries, { index: this.current.index, version: result.version, folder });
  }

  private scheduleSnapshot(): void {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => this.folder?.saveSnapshot(), SNAPSHOT_DELAY_MS);
    this.snapshotTimer.unref();
  }

  private scheduleReload = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), RELOAD_DEBOUNCE_MS);
  };

  /** Starts watching the folder; changes trigger a debounced reload. Builds the search structures not built yet. */
  watch(): void {
    if (this.rescanTimer) return;
    this.watchFolders();
    this.rescanTimer = setInterval(() => {
      this.watchFolders();
      void this.reload();
    }, RESCAN_INTERVAL_MS);
    this.rescanTimer.unref();
    setImmediate(() => this.current.index.warm());
  }

  /** Watches the knowledge folder and each kind folder in it (again, in case one was replaced). */
  private watchFolders(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    for (const folder of [this.dir, ...Object.values(KIND_FOLDERS).map((name) => path.join(this.dir, name))]) {
      try {
        const watcher = watch(folder, (_event, name) => {
          // A kind folder created, renamed or replaced needs a watch of its own.
          if (folder === this.dir && name && Object.values(KIND_FOLDERS).includes(String(name))) this.watchFolders();
          this.scheduleReload();
        });
        watcher.on("error", (error) => this.log.warn({ err: error, folder: displayPath(folder) }, "knowledge watcher stopped; the periodic check still runs"));
        this.watchers.push(watcher);
      } catch {
        // A kind folder that does not exist yet: the folder watch above sees it appear.
      }
    }
  }

  close(): void {
    clearTimeout(this.timer);
    clearInterval(this.rescanTimer);
    this.rescanTimer = undefined;
    clearTimeout(this.snapshotTimer);
    this.folder?.saveSnapshot();
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }
}
