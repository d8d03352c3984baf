/**
 * The knowledge base being served, reloaded in the background when its files change.
 * A new set is validated whole first: if it has any problem, every problem is logged
 * and the last good set keeps serving.
 */
import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "../core/log.js";
import { KnowledgeBase } from "./base.js";
import { formatProblem, readKnowledge, type Problem } from "./loader.js";

/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
export const RELOAD_DEBOUNCE_MS = 250;

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
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private reloading: Promise<boolean> = Promise.resolve(true);
  private loadedAt = new Date();
  private rejected: Problem[] = [];
  private failedReloads = 0;

  constructor(
    private current: KnowledgeBase,
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** The set to answer from now. */
  readonly get = (): KnowledgeBase => this.current;

  status(): KnowledgeStatus {
    return { entries: this.current.size, version: this.current.version, loadedAt: this.loadedAt, rejected: this.rejected, failedReloads: this.failedReloads };
  }

  /** Validates the folder again and swaps it in if it is valid; true if swapped or unchanged. */
  reload(): Promise<boolean> {
    // One reload at a time, in order, so an older read never replaces a newer one.
    this.reloading = this.reloading.then(() => this.reloadNow());
    return this.reloading;
  }

  private async reloadNow(): Promise<boolean> {
    try {
      const { entries, problems } = await readKnowledge(this.dir);
      if (problems.length > 0 || entries.length === 0) {
        this.rejected = problems;
        this.failedReloads += 1;
        for (const problem of problems) this.log.warn({ file: problem.file, field: problem.field }, formatProblem(problem));
        this.log.error({ problems: problems.length, serving: this.current.version }, "knowledge reload rejected; still serving the last good set");
        return false;
      }
      const next = new KnowledgeBase(entries);
      this.rejected = [];
      if (next.version === this.current.version) return true;
      this.current = next;
      this.loadedAt = new Date();
      this.log.info({ entries: next.size, version: next.version }, "knowledge reloaded");
      return true;
    } catch (error) {
      this.failedReloads += 1;
      this.log.error({ err: error }, "knowledge reload failed; still serving the last good set");
      return false;
    }
  }

  /** Starts watching the folder; changes trigger a debounced reload. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), RELOAD_DEBOUNCE_MS);
    });
    this.watcher.on("error", (error) => this.log.warn({ err: error }, "knowledge watcher stopped"));
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
