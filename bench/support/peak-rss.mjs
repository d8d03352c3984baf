// Preloaded into a measured process (NODE_OPTIONS=--import=…): on exit, appends
// "<pid> <peak RSS in KiB>" to the file named by BENCH_RSS_FILE.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
