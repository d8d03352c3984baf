/**
 * `npm run loadtest [-- --count N --concurrency C]`: a bounded load test of the Slack
 * adapter over loopback. The real adapter and router run in this process on 127.0.0.1,
 * with a fake Slack Web API and a fake response_url host beside them; N signed slash
 * commands go in, C at a time. Every one must be acked 200 and answered at its own
 * response_url; the run prints ack and answer latencies and exits non-zero if any was lost.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "../src/app.js";
import { started as startedAdapter } from "../src/adapters/shared/adapter.js";
import { createSlackAdapter } from "../src/adapters/slack/index.js";
import { parseConfig } from "../src/config.js";
import { createLogger, type Logger } from "../src/core/log.js";
import { fakeSlackApi, SIGNING_SECRET, slashCommand, type Recorded } from "../test/adapters/slack/fakes.js";

export const DEFAULT_COUNT = 500;
export const DEFAULT_CONCURRENCY = 50;
/** Bounds on the flags, so that no typo turns a load test into a flood. */
export const MAX_COUNT = 20_000;
export const MAX_CONCURRENCY = 500;
/** Past this, requests still unsent or unanswered are abandoned and count as lost. */
export const HARD_TIMEOUT_MS = 120_000;
/** Once every request is sent, how long answers may take before the missing ones count as lost. */
export const ANSWER_WAIT_MS = 10_000;
/** How often to look whether every acked request has been answered. */
const ANSWER_POLL_MS = 20;

/** Real questions of several kinds, so the router and search do the work they do in production. */
const QUESTIONS = [
  "gavi",
  "search vaccine alliance",
  "concept multialignment",
  "what is input legitimacy?",
  "help",
  "partnership nato",
  "search climate finance",
  "legitimacy gavi",
];

/** Replies that arrive but answer nothing: a rate-limit refusal or an apology. */
const NOT_AN_ANSWER = /^(You're asking faster than I can keep up|Sorry, something went wrong)/;

export interface LoadTestOptions {
  count?: number;
  concurrency?: number;
  timeoutMs?: number;
  /** Where the app logs; warnings and errors to stderr by default (LOG_LEVEL overrides). */
  log?: Logger;
}

export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

export interface LoadTestResult {
  count: number;
  concurrency: number;
  rateLimit: { requests: number; windowSeconds: number };
  acked: number;
  answered: number;
  /** Request numbers not acked 200, or acked but never answered at their response_url. */
  lost: number[];
  /** Request numbers answered with a refusal or an apology instead of an answer. */
  notAnswers: number[];
  /** Why requests got no response, each reason once. */
  failures: string[];
  /** Answers that arrived more than once at one response_url. */
  duplicates: number;
  ackMs: Latency;
  answerMs: Latency;
  elapsedMs: number;
  /** The hard timeout, and whether it was reached. */
  timeoutMs: number;
  timedOut: boolean;
}

/** Nearest-rank percentiles, in milliseconds. */
export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? Number.NaN };
}

interface Sending {
  startedAt: number;
  ackMs?: number;
  status?: number;
  /** Why the request got no response at all. */
  failure?: string;
}

export async function runLoadTest(options: LoadTestOptions = {}): Promise<LoadTestResult> {
  const count = options.count ?? DEFAULT_COUNT;
  const concurrency = Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, count);
  const timeoutMs = options.timeoutMs ?? HARD_TIMEOUT_MS;

  // The fake Slack serves response_urls too: the app answers only at Slack's (or SLACK_API_URL's) origin.
  const api = await fakeSlackApi();
  const answerPath = (request: number) => `/load/${request}`;
  // What arrived at each response_url, indexed as it comes (the recorder keeps one list for all).
  const arrived = new Map<string, Recorded[]>();
  let indexed = 0;
  const answersFor = (request: number) => {
    for (; indexed < api.requests.length; indexed += 1) {
      const answer = api.requests[indexed] as Recorded;
      arrived.set(answer.path, [...(arrived.get(answer.path) ?? []), answer]);
    }
    return arrived.get(answerPath(request)) ?? [];
  };
  const config = parseConfig({
    SLACK_BOT_TOKEN: "xoxb-loadtest",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${api.url}/api/`,
    PORT: "0",
    KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR,
  });
  const app = await createApp(config, options.log ?? createLogger(process.env.LOG_LEVEL ?? "warn"));
  const adapter = await startedAdapter(createSlackAdapter(app, { host: "127.0.0.1" }));
  const appUrl = `http://127.0.0.1:${adapter.port}`;

  const started = performance.now();
  const deadline = started + timeoutMs;
  const beforeDeadline = () => performance.now() < deadline;
  const sendings: Sending[] = [];
  let next = 0;
  const sendUntilDone = async () => {
    for (let request = next++; request < count && beforeDeadline(); request = next++) {
      const sending: Sending = { startedAt: performance.now() };
      sendings[request] = sending;
      // Each request from its own user: the per-user rate limit stays at its default and limits no one.
      const fields = { text: QUESTIONS[request % QUESTIONS.length] ?? "help", response_url: `${api.url}${answerPath(request)}`, user_id: `ULOAD${request}` };
      try {
        const ack = await slashCommand(appUrl, fields, { signal: AbortSignal.timeout(Math.max(1, Math.floor(deadline - performance.now()))) });
        Object.assign(sending, { status: ack.status, ackMs: ack.ms });
      } catch (error) {
        // Refused, reset or abandoned at the deadline: not acked, so lost.
        sending.failure = String((error as { cause?: unknown }).cause ?? error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sendUntilDone));

  const acked = sendings.flatMap((sending, request) => (sending?.status === 200 ? [request] : []));
  const answersDue = Math.min(deadline, performance.now() + ANSWER_WAIT_MS);
  while (performance.now() < answersDue && acked.some((request) => answersFor(request).length === 0)) {
    await new Promise((resolve) => setTimeout(resolve, ANSWER_POLL_MS));
  }
  const elapsedMs = performance.now() - started;
  const timedOut = !beforeDeadline();
  // Graceful: answers still being sent are let through (bounded) before the listener goes.
  await adapter.stop();
  app.live.close();
  await api.stop();

  const answered = acked.filter((request) => answersFor(request).length > 0);
  const answeredSet = new Set(answered);
  return {
    count,
    concurrency,
    rateLimit: { requests: config.RATE_LIMIT_REQUESTS, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    acked: acked.length,
    answered: answered.length,
    lost: Array.from({ length: count }, (_, request) => request).filter((request) => !answeredSet.has(request)),
    notAnswers: answered.filter((request) => NOT_AN_ANSWER.test(String(answersFor(request)[0]?.body.text))),
    failures: [...new Set(sendings.flatMap((sending) => (sending?.failure ? [sending.failure] : [])))],
    duplicates: answered.filter((request) => answersFor(request).length > 1).length,
    ackMs: latency(acked.map((request) => sendings[request]?.ackMs ?? Number.NaN)),
    answerMs: latency(answered.map((request) => (answersFor(request)[0]?.at ?? Number.NaN) - (sendings[request]?.startedAt ?? Number.NaN))),
    elapsedMs,
    timeoutMs,
    timedOut,
  };
}

/** True if the run lost nothing and every answer was an answer. */
export const passed = (result: LoadTestResult) => result.lost.length === 0 && result.notAnswers.length === 0 && result.duplicates === 0 && !result.timedOut;

export function report(result: LoadTestResult): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (name: string, { p50, p99, max }: Latency) => `${name.padEnd(16)} p50 ${ms(p50)}   p99 ${ms(p99)}   max ${ms(max)}`;
  const few = (requests: number[]) => requests.slice(0, 10).join(", ") + (requests.length > 10 ? ", …" : "");
  return [
    `Slack load test over loopback: ${result.count} signed slash commands, ${result.concurrency} at a time`,
    `Rate limit left as configured (${result.rateLimit.requests} per ${result.rateLimit.windowSeconds} s per user); each request comes from its own user id, so none is limited.`,
    "Client, app and fakes share this one process: latencies include the client's own work.",
    `acked 200: ${result.acked}/${result.count}   answered at its response_url: ${result.answered}/${result.count}   lost: ${result.lost.length}`,
    line("ack latency", result.ackMs),
    line("answer latency", result.answerMs),
    `elapsed ${(result.elapsedMs / 1000).toFixed(1)} s from the first request to the last answer (${Math.round(result.answered / (result.elapsedMs / 1000))} answers/s)`,
    ...(result.lost.length > 0 ? [`lost (not acked 200, or not answered within ${ANSWER_WAIT_MS / 1000} s of the last ack): ${few(result.lost)}`] : []),
    ...result.failures.slice(0, 3).map((failure) => `no response: ${failure}`),
    ...(result.notAnswers.length > 0 ? [`answered with a refusal or an apology: ${few(result.notAnswers)}`] : []),
    ...(result.duplicates > 0 ? [`answered more than once: ${result.duplicates}`] : []),
    ...(result.timedOut ? [`hard timeout of ${result.timeoutMs / 1000} s reached`] : []),
    passed(result) ? "PASS: none lost" : "FAIL",
  ].join("\n");
}

function flag(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: "string" }, concurrency: { type: "string" } } });
  const count = flag("count", values.count, DEFAULT_COUNT, MAX_COUNT);
  const concurrency = flag("concurrency", values.concurrency, DEFAULT_CONCURRENCY, MAX_CONCURRENCY);
  // The last word on "bounded in time": whatever hangs, the process ends.
  setTimeout(() => {
    process.stderr.write("load test: hard timeout, giving up\n");
    process.exit(2);
  }, HARD_TIMEOUT_MS * 1.5).unref();
  const result = await runLoadTest({ count, concurrency });
  process.stdout.write(`${report(result)}\n`);
  process.exitCode = passed(result) ? 0 : 1;
}

if (path.resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`load test failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
