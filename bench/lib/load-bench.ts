/**
 * Loading at scale: knowledge folders of 1,000 / 10,000 / 50,000 entry files on disk (the shipped
 * entries plus renamed copies), each measured with the compiled build:
 *   - cold start to the first answer of the one-shot CLI, without the snapshot cache (every file
 *     parsed) and with it (nothing changed since the last run), with the peak RSS of each;
 *   - the compiled Slack adapter serving that folder: RSS once its search structures are built
 *     and it has answered a few questions, and the time from writing one edited file to the
 *     edit being served.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PROJECT_ROOT } from "../../src/config.js";
import { KNOWLEDGE_DIR } from "../../test/support/app.js";
import { writeCorpusFiles } from "./corpus-files.js";
import { median } from "./measure.js";
import { measuredEnv, timedRun, withTempDir } from "./processes.js";

const COMPILED_CLI = path.join(PROJECT_ROOT, "dist", "src", "adapters", "repl", "cli.js");
const SERVER_SCRIPT = path.join(PROJECT_ROOT, "bench", "support", "knowledge-server.mjs");
export const LOAD_QUESTION = "concept multialignment";
/** The entry the server probe edits: one every corpus has, with others linking to it. */
const EDITED = path.join("concepts", "multialignment.yaml");

export interface ColdStart {
  runs: number;
  firstAnswerMs: { median: number; min: number; max: number };
  peakRssMb: number;
}

export interface LoadRun {
  entries: number;
  skipped?: string;
  writeS?: number;
  uncached?: ColdStart;
  cached?: ColdStart;
  server?: { readyMs: number; rssServingMb: number; peakRssMb: number; reloadMs: number[] };
}

export interface LoadBenchOptions {
  sizes: readonly number[];
  /** Cold starts per case (each uncached one starts from an empty cache). */
  runs: number;
  log: (line: string) => void;
}

async function coldStarts(dir: string, cacheDir: string, runs: number, clearCache: boolean): Promise<ColdStart | string> {
  const times: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run++) {
    if (clearCache) await rm(cacheDir, { recursive: true, force: true });
    const outcome = await withTempDir(async (scratch) => {
      const env = measuredEnv(path.join(scratch, "rss"), { KNOWLEDGE_DIR: dir, KNOWLEDGE_CACHE_DIR: cacheDir });
      return timedRun(process.execPath, [COMPILED_CLI, LOAD_QUESTION], env, 300_000);
    });
    if (outcome.exitCode !== 0 || !/multialignment/i.test(outcome.stdout)) {
      return `exit ${outcome.exitCode}: ${(outcome.stderr || outcome.stdout).trim().split("\n")[0]}`;
    }
    times.push(outcome.firstOutputMs);
    rss.push(outcome.peakRssMb);
  }
  return { runs, firstAnswerMs: { median: median(times), min: Math.min(...times), max: Math.max(...times) }, peakRssMb: Math.max(...rss) };
}

async function serve(dir: string, cacheDir: string): Promise<LoadRun["server"] | string> {
  return withTempDir(async (scratch) => {
    const rssFile = path.join(scratch, "rss");
    const env = measuredEnv(rssFile, {
      KNOWLEDGE_DIR: dir,
      KNOWLEDGE_CACHE_DIR: cacheDir,
      BENCH_EDIT_FILE: path.join(dir, EDITED),
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-secret",
      SLACK_APP_TOKEN: "",
      SLACK_ALLOWED_TEAMS: "",
      PORT: "0",
    });
    const outcome = await timedRun(process.execPath, [SERVER_SCRIPT], env, 300_000);
    const line = outcome.stdout.trim().split("\n").pop() ?? "";
    if (outcome.exitCode !== 0 || !line.startsWith("{")) return `exit ${outcome.exitCode}: ${(outcome.stderr || outcome.stdout).trim().split("\n")[0]}`;
    const figures = JSON.parse(line) as { readyMs: number; rssServingMb: number; reloadMs: number[] };
    return { readyMs: figures.readyMs, rssServingMb: figures.rssServingMb, peakRssMb: outcome.peakRssMb, reloadMs: figures.reloadMs };
  });
}

export async function benchLoad(options: LoadBenchOptions): Promise<LoadRun[]> {
  if (!existsSync(COMPILED_CLI)) return options.sizes.map((entries) => ({ entries, skipped: "not built (npm run build failed?)" }));
  const results: LoadRun[] = [];
  for (const entries of options.sizes) {
    const dir = await mkdtemp(path.join(tmpdir(), `attache-load-${entries}-`));
    const cacheDir = `${dir}-cache`;
    try {
      const writing = performance.now();
      await writeCorpusFiles(KNOWLEDGE_DIR, dir, entries);
      const writeS = (performance.now() - writing) / 1000;
      options.log(`  ${entries.toLocaleString("en-US")} entries written in ${writeS.toFixed(1)} s`);
      const uncached = await coldStarts(dir, cacheDir, options.runs, true);
      const cached = await coldStarts(dir, cacheDir, options.runs, false);
      const server = await serve(dir, cacheDir);
      const problem = [uncached, cached, server].find((part): part is string => typeof part === "string");
      if (problem) results.push({ entries, writeS, skipped: problem });
      else results.push({ entries, writeS, uncached: uncached as ColdStart, cached: cached as ColdStart, server: server as LoadRun["server"] });
      const run = results.at(-1) as LoadRun;
      options.log(
        run.skipped
          ? `  skipped: ${run.skipped}`
          : `  cold start ${Math.round(run.uncached!.firstAnswerMs.median)} ms uncached, ${Math.round(run.cached!.firstAnswerMs.median)} ms cached; ` +
              `reload ${Math.round(median(run.server!.reloadMs))} ms; serving RSS ${Math.round(run.server!.rssServingMb)} MB`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  return results;
}
