/**
 * Search latency and index cost: every engine on every corpus with the same mixed queries,
 * and answer quality on the public labelled queries.
 */
import { fork } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";
import type { Entry } from "../../src/knowledge/schema.js";
import { loadSearchCases, OUT_OF_DOMAIN } from "../../test/support/search-cases.js";
import { corpusKey, corpusLabel, type CorpusSpec } from "./corpora.js";
import type { EngineKey, EngineSpec, SearchEngine } from "./engines.js";
import { summarize, timeEach, type Built, type Latency } from "./measure.js";
import type { BenchQuery, QueryType } from "./queries.js";

export interface EngineRun {
  engine: EngineKey;
  label: string;
  /** Entries in the corpus it ran on. */
  entries?: number;
  /** Why the engine was not measured on this corpus, if it was not. */
  skipped?: string;
  buildMs?: number;
  heapMb?: number;
  latency?: Latency;
  /** Attaché only: latency by kind of query, to see which path is slow. */
  byType?: Partial<Record<QueryType, Latency>>;
}

export interface CorpusRun {
  corpus: string;
  label: string;
  entries: number;
  queries: number;
  runs: EngineRun[];
}

export interface SearchBenchOptions {
  queryCount: number;
  /**
   * Wall-clock budget per engine and corpus for timed queries (the warm-up gets a third of it):
   * Attaché's is meant to cover every query, the peers' to stop a linear scan of 50,000 entries.
   */
  budgetMs: Record<EngineKey, number>;
  log: (line: string) => void;
}

/** What a search worker is asked to measure. */
export interface LatencyJob {
  corpus: CorpusSpec;
  engine: EngineKey;
  queryCount: number;
  budgetMs: number;
}

const WORKER = path.join(PROJECT_ROOT, "bench", "search-worker.ts");

/**
 * Would this engine blow its budget here? Judged from its median on the previous corpus,
 * scaled by size: the peers that scan every entry grow linearly.
 */
function projectedSkip(previous: EngineRun | undefined, previousSize: number, size: number, budgetMs: number): string | undefined {
  const p50 = previous?.latency?.p50;
  if (p50 === undefined) return previous?.skipped;
  const projected = p50 * (size / previousSize);
  if (projected * 3 <= budgetMs) return undefined;
  return `≈ ${Math.round(projected / 100) / 10} s per query (projected), over the run's budget`;
}

/** Times an engine built on the corpus (build time and heap measured before) over the queries. */
export function timeEngine(spec: EngineSpec, built: Built<SearchEngine>, queries: readonly BenchQuery[], budgetMs: number): EngineRun {
  const engine = built.value;
  const samples = timeEach(queries, (query) => engine.search(query.text), budgetMs);
  const byTypeSamples = new Map<QueryType, number[]>();
  samples.forEach((ms, at) => {
    const type = (queries[at] as BenchQuery).type;
    byTypeSamples.set(type, [...(byTypeSamples.get(type) ?? []), ms]);
  });
  return {
    engine: spec.key,
    label: spec.label,
    buildMs: built.ms,
    heapMb: built.heapMb,
    latency: summarize(samples),
    ...(spec.key === "attache" ? { byType: Object.fromEntries([...byTypeSamples].map(([type, ms]) => [type, summarize(ms)])) } : {}),
  };
}

/** Runs one job in a fresh process (see bench/search-worker.ts). */
function runWorker(job: LatencyJob): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(job)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: EngineRun | undefined;
    child.once("message", (message) => (result = message as EngineRun));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`search worker for ${job.engine} exited (${code}) without a result`))));
  });
}

export async function benchLatency(corpora: readonly CorpusSpec[], engines: readonly EngineSpec[], options: SearchBenchOptions): Promise<CorpusRun[]> {
  const results: CorpusRun[] = [];
  for (const corpus of corpora) {
    const label = corpusLabel(corpus);
    const previous = results.at(-1);
    const runs: EngineRun[] = [];
    let size = 0;
    for (const spec of engines) {
      const budgetMs = options.budgetMs[spec.key];
      const previousRun = previous?.runs.find((run) => run.engine === spec.key);
      const skipped = previous && size > 0 ? projectedSkip(previousRun, previous.entries, size, budgetMs) : undefined;
      if (skipped) {
        options.log(`  ${label} (${size}) · ${spec.label}: skipped (${skipped})`);
        runs.push({ engine: spec.key, label: spec.label, skipped });
        continue;
      }
      const run = await runWorker({ corpus, engine: spec.key, queryCount: options.queryCount, budgetMs });
      size = run.entries ?? size;
      options.log(
        `  ${label} (${size}) · ${spec.label}: build ${Math.round(run.buildMs ?? 0)} ms, ${run.heapMb?.toFixed(1)} MB; ` +
          `p50 ${run.latency?.p50.toFixed(3)} ms, p99 ${run.latency?.p99.toFixed(3)} ms (n=${run.latency?.n})`,
      );
      runs.push(run);
    }
    results.push({ corpus: corpusKey(corpus), label, entries: size, queries: options.queryCount, runs });
  }
  return results;
}

export interface Quality {
  engine: EngineKey;
  label: string;
  inDomain: number;
  top1: number;
  top3: number;
  outOfDomain: number;
  /** Out-of-domain questions given an answer: a confident hit for Attaché, any result for the peers. */
  outOfDomainAnswered: number;
}

/** Top-1/top-3 over the public labelled queries (test/knowledge/search-cases.yaml). */
export async function benchQuality(entries: readonly Entry[], engines: readonly EngineSpec[]): Promise<Quality[]> {
  const cases = await loadSearchCases();
  return engines.map((spec) => {
    const engine = spec.build(entries);
    const quality: Quality = { engine: spec.key, label: spec.label, inDomain: 0, top1: 0, top3: 0, outOfDomain: 0, outOfDomainAnswered: 0 };
    for (const { query, expect } of cases) {
      const ids = engine.search(query);
      if (expect === OUT_OF_DOMAIN) {
        quality.outOfDomain += 1;
        if (ids.length > 0) quality.outOfDomainAnswered += 1;
      } else {
        quality.inDomain += 1;
        if (ids[0] === expect) quality.top1 += 1;
        if (ids.slice(0, 3).includes(expect)) quality.top3 += 1;
      }
    }
    return quality;
  });
}
