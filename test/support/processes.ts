/**
 * Attaché in its own process, as an operator runs it: its output collected, its JSON log
 * lines parsed, and every process started here killed when the tests end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.js";

/**
 * src/main.ts as `npm start` runs it: node with tsx as a loader, one process. (The `tsx` CLI
 * would be a second process relaying SIGTERM, which SIGKILLs the app if it has not confirmed
 * the signal within about 60 ms, as a busy app under a burst often cannot.)
 */
const MAIN = ["--import", "tsx", path.join(PROJECT_ROOT, "src", "main.ts")];
/** Starting node with tsx and loading the knowledge base takes a few seconds on a busy 2-core machine. */
export const START_TIMEOUT_MS = 15_000;

/** Set, but empty, so that a developer's .env cannot add credentials or settings (dotenv never overrides). */
const NOTHING_FROM_DOTENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  SLACK_APP_TOKEN: "",
  SLACK_API_URL: "",
  SLACK_ALLOWED_TEAMS: "",
  DISCORD_TOKEN: "",
  DISCORD_APPLICATION_ID: "",
  KNOWLEDGE_DIR: "",
  REDIS_URL: "",
  HEALTH_PORT: "",
  LOG_SALT: "",
};

/** A port nothing listens on: the child is told it with PORT, since PORT=0 could not be found from outside. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when it exited. */
  at: number;
}

export interface MainProcess {
  pid: number | undefined;
  kill(signal: NodeJS.Signals): void;
  /** Everything it printed, stdout and stderr, in order of arrival. */
  output(): string;
  /** Its JSON log lines, parsed. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<Exit>;
}

/** Every process started, so that none outlives the tests. */
const started: ChildProcess[] = [];

/** Runs `node …args` in `cwd` with only the given environment (plus PATH and HOME). */
export function startNode(args: readonly string[], env: Record<string, string>, cwd = PROJECT_ROOT): MainProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...NOTHING_FROM_DOTENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  let exitedAt = 0;
  child.once("exit", () => (exitedAt = performance.now()));
  // "close" comes once its output has been read to the end as well.
  const exited = new Promise<Exit>((resolve) => child.once("close", (code, signal) => resolve({ code, signal, at: exitedAt })));
  started.push(child);
  return {
    pid: child.pid,
    kill: (signal) => child.kill(signal),
    output: () => output,
    logs: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  };
}

/** `npm start` with the given environment. */
export function startMain(env: Record<string, string>): MainProcess {
  return startNode(MAIN, env);
}

/** Kills whatever is still running (a failed test's leftovers). */
export function killAllStarted(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
