// The compiled Slack adapter (dist/, after `npm run build`) over a large knowledge folder
// (KNOWLEDGE_DIR), for the load benchmark: starts it on 127.0.0.1 and watches the folder as
// `npm start` does, builds the search structures, answers a few questions, then edits one
// entry file (BENCH_EDIT_FILE) several times, timing each from the end of the write to the
// new text being served. Prints the figures as one JSON line and exits.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parse, stringify } from "yaml";
import { started } from "../../dist/src/adapters/shared/adapter.js";
import { createSlackAdapter } from "../../dist/src/adapters/slack/index.js";
import { createApp } from "../../dist/src/app.js";
import { parseConfig } from "../../dist/src/config.js";
import { createLogger } from "../../dist/src/core/log.js";

const EDITS = Number(process.env.BENCH_EDITS ?? 5);
const EDIT_TIMEOUT_MS = 10_000;
const QUESTIONS = ["concept multialignment", "what is the quad?", "partnerships on vaccines", "legitimcy", "seed not lead"];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

const app = await createApp(parseConfig(process.env), createLogger(process.env.LOG_LEVEL ?? "warn"));
const slack = await started(createSlackAdapter(app, { host: "127.0.0.1" }));
app.live.watch();
app.knowledge().index.warm();
for (const question of QUESTIONS) await app.router.handle(question, { adapter: "cli" });
const readyMs = performance.now();
const rssServingMb = rssMb();

const file = process.env.BENCH_EDIT_FILE;
const id = path.basename(file, ".yaml");
const reloadMs = [];
for (let edit = 0; edit < EDITS; edit++) {
  const data = parse(await readFile(file, "utf8"));
  const marker = `Benchmark edit ${edit}. The summary changed.`;
  await writeFile(file, stringify({ ...data, summary: marker }));
  const written = performance.now();
  while (app.knowledge().get(id)?.summary !== marker && performance.now() - written < EDIT_TIMEOUT_MS) await pause(1);
  reloadMs.push(app.knowledge().get(id)?.summary === marker ? performance.now() - written : Number.NaN);
  await pause(400);
}
process.stdout.write(`${JSON.stringify({ readyMs, rssServingMb, reloadMs, rssAfterEditsMb: rssMb(), entries: app.knowledge().size })}\n`);
await slack.stop();
app.live.close();
process.exit(0);
