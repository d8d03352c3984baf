/**
 * The load test behind `npm run loadtest`, run small: the real Slack adapter over loopback
 * must ack and answer every signed slash command, each at its own response_url. No timing
 * assertions: the figures are for people to read.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { latency, MAX_COUNT, passed, report, runLoadTest } from "../../scripts/loadtest.js";
import { recordingLogger } from "../support/app.js";

describe("runLoadTest", () => {
  it("given 40 slash commands, 10 at a time, then every one is acked 200 and answered once at its own response_url", async () => {
    const logger = recordingLogger("warn");
    const result = await runLoadTest({ count: 40, concurrency: 10, log: logger.log });
    expect(result).toMatchObject({ count: 40, concurrency: 10, acked: 40, answered: 40, lost: [], notAnswers: [], failures: [], duplicates: 0, timedOut: false });
    expect(passed(result)).toBe(true);
    expect(report(result)).toMatch(/acked 200: 40\/40 {3}answered at its response_url: 40\/40 {3}lost: 0\n/);
    expect(report(result)).toContain("PASS: none lost");
    // The stop at the end is graceful: nothing was left in flight, nothing went wrong.
    expect(logger.lines).toEqual([]);
  });
});

describe("latency", () => {
  it("given samples, then p50 and p99 are nearest-rank percentiles and max the largest", () => {
    const samples = Array.from({ length: 200 }, (_, index) => 200 - index);
    expect(latency(samples)).toEqual({ p50: 100, p99: 198, max: 200 });
    expect(latency([7])).toEqual({ p50: 7, p99: 7, max: 7 });
  });
});

describe("npm run loadtest", () => {
  it("given a --count beyond its bound, then it refuses, naming the flag and the bound, and sends nothing", async () => {
    const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    const run = await new Promise<{ code: number; stderr: string; stdout: string }>((resolve) =>
      execFile(tsx, [path.join(PROJECT_ROOT, "scripts", "loadtest.ts"), "--count", String(MAX_COUNT + 1)], { cwd: PROJECT_ROOT }, (error, stdout, stderr) =>
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stderr, stdout }),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--count must be a whole number from 1 to ${MAX_COUNT}`);
    expect(run.stdout).toBe("");
  });
});
