/**
 * `npm run attack:memory -- [--count 200] [--mb 4]`: the unauthenticated memory attack, bounded,
 * over loopback. Starts `npm start` (src/main.ts, its own process) with Slack credentials and a
 * fake Slack Web API, sends `count` unsigned POSTs of `mb` MB each to /slack/events all at
 * once, with a few signed slash commands among them, and prints the app's resident memory
 * (before, peak, after idling), the signed commands' ack latency and the app's log lines.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/config.js";
import { fakeSlackApi, SIGNING_SECRET, slashCommand } from "../test/adapters/slack/fakes.js";

const IDLE_MS = 10_000;
const SIGNED_DURING_ATTACK = 10;
const START_TIMEOUT_MS = 20_000;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One unsigned POST of `bytes`; resolves with the status, or the reason it got none. */
function unsignedPost(port: number, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const outgoing = request(
      { host: "127.0.0.1", port, path: "/slack/events", method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
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

const { values } = parseArgs({ options: { count: { type: "string", default: "200" }, mb: { type: "string", default: "4" } } });
const count = Math.min(1000, Number(values.count));
const mb = Math.min(8, Number(values.mb));

const api = await fakeSlackApi();
const port = await freePort();
const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src", "main.ts")], {
  cwd: PROJECT_ROOT,
  env: { PATH: process.env.PATH ?? "", SLACK_BOT_TOKEN: "xoxb-attack", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: "", SLACK_API_URL: `${api.url}/api/`, PORT: String(port), DISCORD_TOKEN: "", RATE_LIMIT_REQUESTS: "1000", LOG_LEVEL: "info" },
  stdio: ["ignore", "ignore", "pipe"],
});
setTimeout(() => {
  child.kill("SIGKILL");
  process.exit(2);
}, START_TIMEOUT_MS + IDLE_MS + 120_000).unref();
let logLines = 0;
let started = false;
child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
  logLines += chunk.split("\n").filter(Boolean).length;
  if (chunk.includes("Attaché is running")) started = true;
});
const startDeadline = Date.now() + START_TIMEOUT_MS;
while (!started) {
  if (Date.now() > startDeadline) throw new Error("the app did not start");
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await new Promise((resolve) => setTimeout(resolve, 500));
const pid = child.pid ?? 0;
const before = rssMb(pid);
const linesBefore = logLines;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);

const body = Buffer.alloc(mb * 1024 * 1024, "x");
const attackStarted = performance.now();
const appUrl = `http://127.0.0.1:${port}`;
const [outcomes, acks] = await Promise.all([
  Promise.all(Array.from({ length: count }, () => unsignedPost(port, body))),
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
const alive = child.exitCode === null;
child.kill("SIGTERM");
await api.stop();

const tally = new Map<string, number>();
for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
const ackMs = acks.flatMap((ack) => (ack?.status === 200 ? [ack.ms] : [])).sort((a, b) => a - b);
process.stdout.write(
  [
    `${count} unsigned POSTs of ${mb} MB at once, ${SIGNED_DURING_ATTACK} signed slash commands among them`,
    `outcomes: ${[...tally].map(([outcome, n]) => `${outcome} × ${n}`).join(", ")}; all done in ${(attackMs / 1000).toFixed(1)} s`,
    `RSS MB: before ${before.toFixed(0)}, peak ${peak.toFixed(0)}, right after ${afterAttack.toFixed(0)}, after ${IDLE_MS / 1000} s idle ${idle.toFixed(0)}`,
    `signed commands acked 200: ${ackMs.length}/${SIGNED_DURING_ATTACK}; ack ms median ${(ackMs[Math.floor(ackMs.length / 2)] ?? Number.NaN).toFixed(0)}, max ${(ackMs.at(-1) ?? Number.NaN).toFixed(0)}`,
    `log lines written during the attack: ${logLines - linesBefore}; process alive: ${alive}`,
  ].join("\n") + "\n",
);
