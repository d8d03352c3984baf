/** Timing and memory helpers: percentiles, a budgeted query loop, and heap used by a build. */
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

// A full collection before and after a build, so the heap difference is what the build keeps.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** The nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Latency {
  /** Queries timed (fewer than asked when the time budget ran out). */
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Latency {
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) };
}

/** Queries run untimed first, so that the JIT has compiled the hot paths before timing starts. */
const WARM_UP_ITEMS = 300;

/**
 * Times `run` on each item, one by one, after an untimed warm-up (WARM_UP_ITEMS, or a third
 * of the budget), and stops early once `budgetMs` is spent: a slow peer would otherwise take hours.
 */
export function timeEach<T>(items: readonly T[], run: (item: T) => unknown, budgetMs: number): number[] {
  // Garbage left by whatever ran before is not this loop's to collect.
  collectGarbage();
  const warmUpEnd = performance.now() + budgetMs / 3;
  for (const item of items.slice(0, WARM_UP_ITEMS)) {
    run(item);
    if (performance.now() > warmUpEnd) break;
  }
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (const item of items) {
    const before = performance.now();
    run(item);
    const after = performance.now();
    samples.push(after - before);
    if (after > deadline) break;
  }
  return samples;
}

export interface Built<T> {
  value: T;
  ms: number;
  /** Heap the built value keeps, in MB. */
  heapMb: number;
}

/** Builds something, timing it and measuring the heap it keeps alive. */
export function measureBuild<T>(build: () => T): Built<T> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const before = performance.now();
  const value = build();
  const ms = performance.now() - before;
  collectGarbage();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { value, ms, heapMb };
}
