/**
 * `npx tsx scripts/attack-memory.ts [--count 200] [--mb 4] [--chunked]`: the unauthenticated memory attack, bounded,
 * over loopback. Starts `npm start` (src/main.ts, its own process) with Slack credentials and a
 * fake Slack Web API, sends `count` unsigned POSTs of `mb` MB each to /slack/events all at
 * once, with a few signed slash commands among them, and prints the app's resident memory
 * (before, peak, after idling), the signed commands' ack latency and the app's log lines.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { parseArgs } from "node:util";
import { fakeSlackApi, SIGNING_SECRET, slashCommand } from "../test/adapters/slack/fakes.js";
import { freePort, START_TIMEOUT_MS, startMain, killAllStarted } from "../test/support/processes.js";

const IDLE_MS = 10_000;
const SIGNED_DURING_ATTACK = 10;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One unsigned POST of `bytes`; resolves with the status, or the reason it got none. */
function unsignedPost(port: number, body: Buffer, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const outgoing = request(
      { host: "127.0.0.1", port, path: "/slack/events", method: "POST", headers: { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": body.length }) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(String(response.statusCode)));
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error("timeout")));
    outgoing.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    outgoing.end(body);
  });
}

const { values } = parseArgs({ options: { count: { type: "string", default: "200" }, mb: { type: "string", default: "4" }, chunked: { type: "boolean", default: false } } });
const count = Math.min(1000, Number(values.count));
const mb = Math.min(8, Number(values.mb));

const api = await fakeSlackApi();
const port = await freePort();
const main = startMain({ SLACK_BOT_TOKEN: "xoxb-attack", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${api.url}/api/`, PORT: String(port), RATE_LIMIT_REQUESTS: "1000", LOG_LEVEL: "info" });
setTimeout(() => {
  killAllStarted();
  process.exit(2);
}, START_TIMEOUT_MS + IDLE_MS + 120_000).unref();
const startDeadline = Date.now() + START_TIMEOUT_MS;
while (!main.logs().some((line) => line.msg === "Attaché is running")) {
  if (Date.now() > startDeadline) throw new Error("the app did not start");
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await new Promise((resolve) => setTimeout(resolve, 500));
const pid = main.pid ?? 0;
const before = rssMb(pid);
const linesBefore = main.logs().length;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);

const body = Buffer.alloc(mb * 1024 * 1024, "x");
const attackStarted = performance.now();
const appUrl = `http://127.0.0.1:${port}`;
const [outcomes, acks] = await Promise.all([
  Promise.all(Array.from({ length: count }, () => unsignedPost(port, body, values.chunked))),
  Promise.all(
    Array.from({ length: SIGNED_DURING_ATTACK }, (_, index) =>
      slashCommand(appUrl, { text: "gavi", response_url: `${api.url}/respond/${index}`, user_id: `UATTACK${index}` }).catch(() => undefined),
    ),
  ),
]);
const attackMs = performance.now() - attackStarted;
const afterAttack = rssMb(pid);
await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
clearInterval(sampler);
const idle = rssMb(pid);
const alive = await Promise.race([main.exited.then(() => false), Promise.resolve(true)]);
const linesDuring = main.logs().length - linesBefore;
main.kill("SIGTERM");
await main.exited;
await api.stop();

const tally = new Map<string, number>();
for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
const ackMs = acks.flatMap((ack) => (ack?.status === 200 ? [ack.ms] : [])).sort((a, b) => a - b);
process.stdout.write(
  [
    `${count} unsigned POSTs of ${mb} MB at once (${values.chunked ? "chunked, no declared length" : "length declared"}), ${SIGNED_DURING_ATTACK} signed slash commands among them`,
    `outcomes: ${[...tally].map(([outcome, n]) => `${outcome} × ${n}`).join(", ")}; all done in ${(attackMs / 1000).toFixed(1)} s`,
    `RSS MB: before ${before.toFixed(0)}, peak ${peak.toFixed(0)}, right after ${afterAttack.toFixed(0)}, after ${IDLE_MS / 1000} s idle ${idle.toFixed(0)}`,
    `signed commands acked 200: ${ackMs.length}/${SIGNED_DURING_ATTACK}; ack ms median ${(ackMs[Math.floor(ackMs.length / 2)] ?? Number.NaN).toFixed(0)}, max ${(ackMs.at(-1) ?? Number.NaN).toFixed(0)}`,
    `log lines written during the attack and the idle time: ${linesDuring}; process alive: ${alive}`,
  ].join("\n") + "\n",
);
