/**
 * The Dockerfile's steps, run without Docker: each stage in a directory of its own under a
 * temporary folder, its COPY, WORKDIR, ENV and RUN lines carried out there in order, then
 * the final stage's CMD started and its HEALTHCHECK run, as a container would. A step that
 * only works on the author's machine (a file not copied, a dev dependency needed at run
 * time, a wrong path in CMD) fails here.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { SIGNING_SECRET } from "./adapters/slack/fakes.js";
import { freePort, killAllStarted, START_TIMEOUT_MS, startNode } from "./support/processes.js";
import { waitFor } from "./support/wait.js";

const run = promisify(execFile);

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions in order; continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

interface Stage {
  name: string;
  /** Stands for the image's /. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  cmd?: string[];
  healthcheck?: string[];
  user?: string;
}

/** A path inside a stage's image, on this machine. */
const inside = (stage: Stage, target: string) => path.join(stage.root, path.posix.isAbsolute(target) ? target : path.posix.join(stage.workdir, target));

/** `ENV A=1 B=2` pairs. */
function envPairs(args: string): Record<string, string> {
  return Object.fromEntries(args.split(/\s+/).map((pair) => pair.split("=") as [string, string]));
}

/** The JSON array of an exec-form CMD (after any --options). */
function execForm(args: string): string[] {
  return JSON.parse(args.slice(args.indexOf("["))) as string[];
}

/** Carries out the Dockerfile in `dir`; returns the stages, the last being the image. */
async function build(dockerfile: string, dir: string): Promise<Stage[]> {
  const stages: Stage[] = [];
  const current = () => stages.at(-1)!;
  for (const { keyword, args } of parseDockerfile(dockerfile)) {
    if (keyword === "FROM") {
      const name = /\s+AS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length);
      stages.push({ name, root: path.join(dir, `stage-${stages.length}`), workdir: "/", env: {} });
    } else if (keyword === "WORKDIR") {
      current().workdir = args;
      await mkdir(inside(current(), "."), { recursive: true });
    } else if (keyword === "ENV") {
      Object.assign(current().env, envPairs(args));
    } else if (keyword === "COPY") {
      const words = args.split(/\s+/);
      const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
      const [destination, ...sources] = words.filter((word) => !word.startsWith("--")).reverse();
      const source = from ? stages.find((stage) => stage.name === from) : undefined;
      for (const item of sources.reverse()) {
        const origin = source ? inside(source, item) : path.join(PROJECT_ROOT, item);
        const target = destination!.endsWith("/") ? path.join(inside(current(), destination!), path.basename(item)) : inside(current(), destination!);
        await cp(origin, target, { recursive: true });
      }
    } else if (keyword === "RUN") {
      // npm's cache on this machine stands in for the registry where it can (CI stays fast).
      await run("sh", ["-c", args], { cwd: inside(current(), "."), env: { ...process.env, ...current().env, npm_config_prefer_offline: "true" } });
    } else if (keyword === "CMD") {
      current().cmd = execForm(args);
    } else if (keyword === "HEALTHCHECK") {
      current().healthcheck = execForm(args.slice(args.indexOf("CMD")));
    } else if (keyword === "USER") {
      current().user = args;
    } else if (keyword !== "EXPOSE") {
      throw new Error(`the Dockerfile test does not know ${keyword}: teach it, or keep to the instructions it knows`);
    }
  }
  return stages;
}

let dir: string | undefined;

afterAll(async () => {
  killAllStarted();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the Dockerfile, built and started without Docker", () => {
  it(
    "given its steps run in a clean copy, then the compiled app starts as CMD says, with production dependencies only, and its HEALTHCHECK passes",
    async () => {
      dir = await mkdtemp(path.join(tmpdir(), "attache-image-"));
      const stages = await build(await readFile(path.join(PROJECT_ROOT, "Dockerfile"), "utf8"), dir);
      const image = stages.at(-1)!;
      expect(image.user).toBe("node");
      const [program, ...args] = image.cmd!;
      expect(program).toBe("node");
      // Dev dependencies were pruned: what runs needs none of them.
      await expect(readFile(inside(image, "node_modules/typescript/package.json"))).rejects.toThrow();
      await expect(readFile(inside(image, "node_modules/vitest/package.json"))).rejects.toThrow();

      const healthPort = await freePort();
      const app = startNode(
        args,
        { ...image.env, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: String(await freePort()), HEALTH_PORT: String(healthPort) },
        inside(image, "."),
      );
      await waitFor(async () => (await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined))?.ok, "the image's app to be ready", START_TIMEOUT_MS);
      const health = (await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json()) as { status: string; entries: number };
      expect(health).toMatchObject({ status: "ok" });
      expect(health.entries).toBeGreaterThan(0);

      const [checker, ...check] = image.healthcheck!;
      expect(checker).toBe("node");
      await expect(run(process.execPath, check, { env: { ...process.env, HEALTH_PORT: String(healthPort) } })).resolves.toBeDefined();
      app.kill("SIGTERM");
      expect((await app.exited).code).toBe(0);
      expect(app.logs().filter((line) => Number(line.level) >= 50)).toEqual([]);
    },
    120_000,
  );
});
