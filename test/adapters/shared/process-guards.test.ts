/**
 * The process-wide safety nets, in a process of their own: a stray rejection and a stray
 * exception are logged, and the process goes on to do its next piece of work.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";

/** Installs the guards, then misbehaves twice, then does more work: only the guards stand between it and a crash. */
const SCRIPT = `
import { keepServingOnStrayErrors } from ${JSON.stringify(path.join(PROJECT_ROOT, "src", "adapters", "shared", "process-guards.ts"))};
import { createLogger } from ${JSON.stringify(path.join(PROJECT_ROOT, "src", "core", "log.ts"))};
keepServingOnStrayErrors(createLogger("info"));
Promise.reject(new Error("a rejection no one handles"));
setTimeout(() => { throw new Error("an exception from a callback"); }, 10);
setTimeout(() => process.stdout.write("still serving"), 100);
`;

describe("process guards", () => {
  it("(item 1) given a stray promise rejection and a stray exception, then both are logged at error level and the process keeps working", async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], { cwd: PROJECT_ROOT, timeout: 15_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.stdout).toBe("still serving");
    expect(run.code).toBe(0);
    const lines = run.stderr.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: "unhandled promise rejection; still serving", err: expect.objectContaining({ message: "a rejection no one handles" }) }));
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: "uncaught exception; still serving", err: expect.objectContaining({ message: "an exception from a callback" }) }));
  });
});
