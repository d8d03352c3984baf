/**
 * `npm run bench [-- --quick] [-- --skip-50000]`: Attaché's performance, measured the same way every time, beside
 * what a user would pick instead. Prints one table and writes everything as JSON to
 * bench/results/latest.json (a --quick smoke run writes bench/results/quick.json instead).
 * A full run takes about 3 minutes on 2 cores; bench/README.md says how each number is measured.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PROJECT_ROOT } from "../src/config.js";
import { openKnowledgeBase } from "../src/knowledge/base.js";
import { KNOWLEDGE_DIR } from "../test/support/app.js";
import { attache, ENGINES } from "./lib/engines.js";
import { mixedQueries } from "./lib/queries.js";
import type { CorpusSpec } from "./lib/corpora.js";
import { benchLoad } from "./lib/load-bench.js";
import { benchLatency, benchQuality } from "./lib/search-bench.js";
import { benchSlack } from "./lib/slack-bench.js";
import { benchStartup } from "./lib/startup-bench.js";
import { benchUnderstanding, understandingRows } from "./lib/understanding-bench.js";
import { buildRows, renderTable, TARGETS } from "./lib/table.js";

const quick = process.argv.includes("--quick");
/** Leaves out the 50,000-entry folder of the load section (writing and loading it takes a few minutes). */
const skipLargest = process.argv.includes("--skip-50000");

const SETTINGS = quick
  ? { sizes: [1_000], queries: 200, peerBudgetMs: 1_000, attacheBudgetMs: 10_000, startupRuns: { compiled: 1, dev: 1 }, slackRequests: 100, loadSizes: [1_000], loadRuns: 1 }
  : {
      sizes: [1_000, 10_000, 50_000],
      queries: 1_000,
      peerBudgetMs: 8_000,
      attacheBudgetMs: 60_000,
      startupRuns: { compiled: 7, dev: 3 },
      slackRequests: 1_000,
      loadSizes: skipLargest ? [1_000, 10_000] : [1_000, 10_000, 50_000],
      loadRuns: 3,
    };
const SLACK_CONCURRENCY = 50;
/** The kind a large base is split by in the "index one kind" alternative. */
const SPLIT_KIND = "partnership" as const;

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const loadAtStart = os.loadavg();

log(`Attaché benchmark${quick ? " (quick)" : ""} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, load ${loadAtStart.map((n) => n.toFixed(2)).join(" ")}`);

const shipped = await openKnowledgeBase(KNOWLEDGE_DIR);
const largest = Math.max(...SETTINGS.sizes);
const corpora: CorpusSpec[] = [{ source: "shipped" }, ...SETTINGS.sizes.map((size) => ({ source: "synthetic" as const, size }))];

log("search: latency and index cost, each engine and corpus in a process of its own");
const budgetMs = { attache: SETTINGS.attacheBudgetMs, fuse: SETTINGS.peerBudgetMs, minisearch: SETTINGS.peerBudgetMs };
const search = [
  ...(await benchLatency(corpora, ENGINES, { queryCount: SETTINGS.queries, budgetMs, log })),
  ...(await benchLatency([{ source: "synthetic", size: largest, onlyKind: SPLIT_KIND }], [attache], { queryCount: SETTINGS.queries, budgetMs, log })),
];
log("search: quality on the public labelled queries");
const quality = await benchQuality(shipped.entries, ENGINES);
log("understanding: the public labelled messages, read and answered");
const understanding = await benchUnderstanding(shipped);
log("start-up");
const startup = await benchStartup(SETTINGS.startupRuns, log);
log(`slack: ${SETTINGS.slackRequests} signed slash commands, ${SLACK_CONCURRENCY} concurrent`);
const slack = await benchSlack({
  requests: SETTINGS.slackRequests,
  concurrency: SLACK_CONCURRENCY,
  messages: mixedQueries(shipped.entries, 200, 11).map((query) => query.text),
  log,
});

log(`load: ${SETTINGS.loadSizes.map((size) => size.toLocaleString("en-US")).join(" / ")} entry files on disk, compiled`);
const load = await benchLoad({ sizes: SETTINGS.loadSizes, runs: SETTINGS.loadRuns, log });

const rows = [...buildRows({ search, shippedKey: "shipped", tenThousandKey: "synthetic-10000", quality, startup, slack, load }), ...understandingRows(understanding)];
const table = renderTable(rows);
process.stdout.write(`\n${table}\n\n`);

const cpus = os.cpus();
const results = {
  generatedAt: new Date().toISOString(),
  quick,
  durationS: Math.round((performance.now() - started) / 1000),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg(),
  },
  settings: { ...SETTINGS, slackConcurrency: SLACK_CONCURRENCY, splitKind: SPLIT_KIND },
  targets: TARGETS,
  table: rows,
  search,
  quality,
  understanding,
  startup,
  slack,
  load,
};
const resultsDir = path.join(PROJECT_ROOT, "bench", "results");
const file = path.join(resultsDir, quick ? "quick.json" : "latest.json");
await mkdir(resultsDir, { recursive: true });
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${path.relative(process.cwd(), file)} in ${results.durationS} s`);
