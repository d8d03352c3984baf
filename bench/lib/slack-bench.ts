/**
 * The Slack path: signed slash commands to the compiled adapter over loopback, 50 at a time;
 * how long until each is acknowledged (Slack gives up after 3 s), and that every answer then
 * arrives at its response_url. Everything listens on 127.0.0.1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { once } from "node:events";
import { PROJECT_ROOT } from "../../src/config.js";
import { summarize, type Latency } from "./measure.js";
import { measuredEnv, readPeakRss, withTempDir } from "./processes.js";

const ADAPTER_SOURCE = path.join(PROJECT_ROOT, "src", "adapters", "slack", "index.ts");
const ADAPTER_BUILD = path.join(PROJECT_ROOT, "dist", "src", "adapters", "slack", "index.js");
const SERVER_SCRIPT = path.join(PROJECT_ROOT, "bench", "support", "slack-server.mjs");
const SIGNING_SECRET = "bench-signing-secret";
const COMMAND = "/attache";
/** Slack's own deadline for an acknowledgement. */
export const SLACK_ACK_DEADLINE_MS = 3000;
const START_TIMEOUT_MS = 30_000;
const ANSWERS_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
/** Extra node flags for the server, e.g. to profile it: BENCH_SLACK_NODE_FLAGS="--cpu-prof". */
const SERVER_NODE_FLAGS = (process.env.BENCH_SLACK_NODE_FLAGS ?? "").split(" ").filter(Boolean);

export interface SlackResult {
  skipped?: string;
  concurrency?: number;
  requests?: number;
  ack?: Latency;
  /** Acks that were not HTTP 200. */
  failedAcks?: number;
  /** Answers that reached the response_url. */
  answered?: number;
  /** Peak RSS of the server process after the load, in MB. */
  serverPeakRssMb?: number;
}

export interface SlackBenchOptions {
  requests: number;
  concurrency: number;
  messages: readonly string[];
  log: (line: string) => void;
}

/** Stands in for Slack's response_url host: accepts and counts the answers. */
async function responseUrlHost(): Promise<{ server: Server; url: string; answered: () => number }> {
  let answered = 0;
  const server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on("end", () => {
      if (incoming.url?.startsWith("/respond/")) answered += 1;
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answered: () => answered };
}

/** Starts the server script and resolves with its port once it says it is listening. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_SCRIPT], { cwd: PROJECT_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("the Slack server did not start in time")), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.stdout?.once("data", (chunk: Buffer) => {
      clearTimeout(timer);
      resolve({ child, port: (JSON.parse(chunk.toString()) as { port: number }).port });
    });
    child.once("exit", (code) => fail(new Error(`the Slack server exited (${code}): ${stderr.trim().split("\n")[0]}`)));
  });
}

/** One signed slash command; resolves with the HTTP status and the time to the acknowledgement. */
function slashCommand(port: number, agent: Agent, fields: Record<string, string>): Promise<{ status: number; ms: number }> {
  const body = new URLSearchParams({ token: "bench", team_id: "T0BENCH", team_domain: "bench", command: COMMAND, ...fields }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        agent,
        timeout: SLACK_ACK_DEADLINE_MS * 10,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("no acknowledgement")));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Sends `count` commands, `concurrency` in flight at any time, each from its own user. */
async function load(port: number, agent: Agent, responseUrl: string, count: number, concurrency: number, messages: readonly string[], firstId: number) {
  const acks: Array<{ status: number; ms: number }> = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const id = firstId + next;
      const text = messages[next % messages.length] ?? "help";
      next += 1;
      // Distinct users: the router's per-user rate limit is not what is measured here.
      acks.push(await slashCommand(port, agent, { text, user_id: `U${id}`, channel_id: "CBENCH", trigger_id: `${id}.1`, response_url: `${responseUrl}/respond/${id}` }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acks;
}

/** SIGTERM, then SIGKILL if the server has not exited in time. */
async function stopServer(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function benchSlack(options: SlackBenchOptions): Promise<SlackResult> {
  if (!existsSync(ADAPTER_SOURCE)) return { skipped: "Slack adapter not present" };
  if (!existsSync(ADAPTER_BUILD)) return { skipped: "Slack adapter not built (npm run build failed?)" };
  return withTempDir(async (dir) => {
    const host = await responseUrlHost();
    const rssFile = path.join(dir, "rss");
    const env = measuredEnv(rssFile, {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_COMMAND: COMMAND,
      SLACK_API_URL: `${host.url}/api/`,
      // HTTP mode, every workspace: whatever the shell running the benchmark has set.
      SLACK_APP_TOKEN: "",
      SLACK_ALLOWED_TEAMS: "",
      PORT: "0",
    });
    const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
    let server: { child: ChildProcess; port: number } | undefined;
    try {
      server = await startServer(env);
      // Steady state: two waves of commands, answered in full, before anything is timed; the
      // connections they opened are kept, as Slack keeps its connections to an app.
      const warmUp = 2 * options.concurrency;
      await load(server.port, agent, host.url, warmUp, options.concurrency, options.messages, 0);
      await waitFor(() => host.answered() >= warmUp, ANSWERS_TIMEOUT_MS);
      const acks = await load(server.port, agent, host.url, options.requests, options.concurrency, options.messages, warmUp);
      await waitFor(() => host.answered() >= warmUp + options.requests, ANSWERS_TIMEOUT_MS);
      const answered = host.answered() - warmUp;
      await stopServer(server.child);
      const result: SlackResult = {
        concurrency: options.concurrency,
        requests: acks.length,
        ack: summarize(acks.map((ack) => ack.ms)),
        failedAcks: acks.filter((ack) => ack.status !== 200).length,
        answered,
        serverPeakRssMb: await readPeakRss(rssFile),
      };
      options.log(`  ack p50 ${result.ack?.p50.toFixed(1)} ms, p99 ${result.ack?.p99.toFixed(1)} ms; answered ${answered}/${acks.length}`);
      return result;
    } catch (error) {
      server?.child.kill("SIGKILL");
      return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      agent.destroy();
      host.server.close();
    }
  });
}
