/** Child processes for the benchmark: timed runs to first output, and their peak RSS. */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PROJECT_ROOT } from "../../src/config.js";

const PEAK_RSS_PRELOAD = path.join(PROJECT_ROOT, "bench", "support", "peak-rss.mjs");

export interface TimedRun {
  /** From spawn to the first byte on stdout: the answer, for the CLI. */
  firstOutputMs: number;
  exitMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Peak RSS in MB, summed over the node processes the command started (tsx starts two). */
  peakRssMb: number;
}

/** Environment for a measured node process: peak RSS reported on exit, quiet logs, no colour. */
export function measuredEnv(rssFile: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PEAK_RSS_PRELOAD}`.trim(),
    BENCH_RSS_FILE: rssFile,
    LOG_LEVEL: "warn",
    NO_COLOR: "1",
    ...extra,
  };
}

/** Sum of the peak RSS lines the preload wrote, in MB. */
export async function readPeakRss(rssFile: string): Promise<number> {
  const text = await readFile(rssFile, "utf8").catch(() => "");
  const kib = text
    .split("\n")
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.split(" ")[1] ?? 0), 0);
  return kib / 1024;
}

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "attache-bench-"));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command to completion, timing its first output and its exit. */
export function timedRun(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutputMs = Number.NaN;
    let stdout = "";
    let stderr = "";
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - started;
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      const rssFile = env.BENCH_RSS_FILE;
      void (rssFile ? readPeakRss(rssFile) : Promise.resolve(Number.NaN)).then((peakRssMb) =>
        resolve({ firstOutputMs, exitMs: performance.now() - started, exitCode, stdout, stderr, peakRssMb }),
      );
    });
  });
}
