/**
 * One engine on one corpus, in a process of its own (started by bench/lib/search-bench.ts):
 * the engines share no JIT type feedback, heap or garbage, as each would in production.
 * Sends back an EngineRun over the IPC channel.
 */
import { loadCorpus } from "./lib/corpora.js";
import { ENGINES } from "./lib/engines.js";
import { measureBuild } from "./lib/measure.js";
import { mixedQueries } from "./lib/queries.js";
import { timeEngine, type LatencyJob } from "./lib/search-bench.js";

const job = JSON.parse(process.argv[2] ?? "{}") as LatencyJob;
const spec = ENGINES.find((engine) => engine.key === job.engine);
if (!spec || !process.send) throw new Error("search-worker runs as a child of the benchmark");
const entries = await loadCorpus(job.corpus);
const queries = mixedQueries(entries, job.queryCount);
const built = measureBuild(() => spec.build(entries));
process.send({ ...timeEngine(spec, built, queries, job.budgetMs), entries: entries.length }, () => process.exit(0));
