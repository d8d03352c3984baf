/**
 * Start-up: from process start to the first answer of the one-shot CLI, compiled and with the
 * dev runner, median of several runs; and the peak RSS of those processes.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";
import { median } from "./measure.js";
import { measuredEnv, timedRun, withTempDir } from "./processes.js";

export const STARTUP_MESSAGE = "what is multialignment?";
const COMPILED_CLI = path.join(PROJECT_ROOT, "dist", "src", "adapters", "repl", "cli.js");
const DEV_RUNNER = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const DEV_CLI = path.join(PROJECT_ROOT, "src", "adapters", "repl", "cli.ts");

export interface StartupResult {
  key: "compiled" | "dev";
  label: string;
  command: string;
  skipped?: string;
  runs?: number;
  firstAnswerMs?: { median: number; min: number; max: number };
  peakRssMb?: number;
}

async function measure(key: StartupResult["key"], label: string, command: string, args: string[], runs: number): Promise<StartupResult> {
  const relative = (file: string) => (file === process.execPath ? "node" : path.relative(PROJECT_ROOT, file));
  const shown = [relative(command), ...args.map((arg) => (path.isAbsolute(arg) ? relative(arg) : JSON.stringify(arg)))].join(" ");
  return withTempDir(async (dir) => {
    const times: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < runs; run++) {
      const rssFile = path.join(dir, `rss-${run}`);
      const result = await timedRun(command, args, measuredEnv(rssFile));
      if (result.exitCode !== 0 || !result.stdout.trim()) {
        return { key, label, command: shown, skipped: `exit ${result.exitCode}: ${(result.stderr || result.stdout).trim().split("\n")[0]}` };
      }
      times.push(result.firstOutputMs);
      rss.push(result.peakRssMb);
      await rm(rssFile, { force: true });
    }
    return {
      key,
      label,
      command: shown,
      runs,
      firstAnswerMs: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
      peakRssMb: Math.max(...rss),
    };
  });
}

/**
 * `npm run build`, so that dist/ is the current code. tsc still emits when it reports type errors
 * (in code being written elsewhere, say): then the output is measured and the errors are logged.
 */
async function build(log: (line: string) => void): Promise<string | undefined> {
  const result = await timedRun("npm", ["run", "--silent", "build"], { ...process.env }, 300_000);
  const firstLine = (result.stdout + result.stderr).trim().split("\n")[0];
  if (!existsSync(COMPILED_CLI)) return `npm run build produced no ${path.relative(PROJECT_ROOT, COMPILED_CLI)}: ${firstLine}`;
  if (result.exitCode !== 0) log(`  npm run build reported errors, measuring what it emitted: ${firstLine}`);
  return undefined;
}

export async function benchStartup(runs: { compiled: number; dev: number }, log: (line: string) => void): Promise<StartupResult[]> {
  log("  npm run build …");
  const buildProblem = await build(log);
  const compiledLabel = "compiled CLI (node dist/…), cold start to first answer";
  const compiled = buildProblem
    ? { key: "compiled" as const, label: compiledLabel, command: "node dist/src/adapters/repl/cli.js", skipped: buildProblem }
    : await measure("compiled", compiledLabel, process.execPath, [COMPILED_CLI, STARTUP_MESSAGE], runs.compiled);
  log(`  compiled: ${compiled.skipped ?? `${compiled.firstAnswerMs?.median.toFixed(0)} ms, ${compiled.peakRssMb?.toFixed(0)} MB`}`);
  const dev = await measure("dev", "dev runner (tsx src/…), cold start to first answer", DEV_RUNNER, [DEV_CLI, STARTUP_MESSAGE], runs.dev);
  log(`  dev: ${dev.skipped ?? `${dev.firstAnswerMs?.median.toFixed(0)} ms, ${dev.peakRssMb?.toFixed(0)} MB`}`);
  return [compiled, dev];
}
