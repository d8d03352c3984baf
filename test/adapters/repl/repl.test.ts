import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { completer } from "../../../src/adapters/repl/repl.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { realKnowledge, realRouter } from "../../support/app.js";

const TSX = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an entry point as a user would, with stdin piped (so not a TTY) and no chat credentials. */
function run(script: string, args: string[], input = "", settings: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...settings };
    const child = execFile(TSX, [path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

const jsonLines = (stdout: string) => stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the REPL on a pipe", () => {
  it("given --json, prints one JSON reply per message line, in order, and exits at end of input", async () => {
    const result = await run("src/adapters/repl/main.ts", ["--json"], "help\nsearch gavi\n\nbanana bread recipe\nconcept\n");
    expect(result.code).toBe(0);
    const replies = jsonLines(result.stdout);
    expect(replies.map((reply) => reply.command)).toEqual(["help", "search", "ask", "concept"]);
    expect(replies[1]).toMatchObject({ ok: true, command: "search" });
    expect((replies[1]?.entries as Array<{ id: string }>)[0]).toMatchObject({ id: "gavi", kind: "partnership", score: 0 });
    expect(replies[2]).toMatchObject({ ok: true, entries: [] });
    expect(replies[3]).toMatchObject({ ok: false, error: { code: "missing_argument" } });
  });

  it("without --json, prints one line of text per reply", async () => {
    const result = await run("src/adapters/repl/main.ts", [], "what is multialignment?\nwho is jaishanker\n");
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Multialignment \|/);
    expect(lines[1]).toMatch(/^Subrahmanyam Jaishankar \|/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("shows each answer's first screen, and the whole of it after “more”, as in a chat", async () => {
    const result = await run("src/adapters/repl/main.ts", ["--json"], "partnership gavi\nmore\n");
    const [first, expanded] = jsonLines(result.stdout) as Array<{ text: string; short: string; command: string }>;
    expect(first?.short).toMatch(/^Gavi, the Vaccine Alliance\n/);
    expect(first?.short).toMatch(/More: say “more”/);
    expect(first?.short).not.toContain("Members by sector");
    expect(expanded?.short).toBe(first?.text);
    expect(expanded?.short).toContain("Members by sector");
  });

  it("answers a large batch line by line: no rate limit applies locally", async () => {
    const messages = Array.from({ length: 60 }, (_, index) => (index % 2 ? "nato" : "search climate"));
    const result = await run("src/adapters/repl/main.ts", ["--json"], `${messages.join("\n")}\n`);
    const replies = jsonLines(result.stdout);
    expect(replies).toHaveLength(60);
    expect(replies.every((reply) => reply.ok === true)).toBe(true);
  });
});

describe("the REPL when its reader stops early", () => {
  it("(item 9) given `repl --json < many lines | head -1`, then it ends quietly with 0 once the pipe closes: no EPIPE stack", async () => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1" };
    const child = spawn(TSX, [path.join(PROJECT_ROOT, "src/adapters/repl/main.ts"), "--json"], { cwd: PROJECT_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const closed = once(child, "close");
    child.stdin.end("gavi\n".repeat(2000));
    // What `head -1` does: read the first line, then close its end of the pipe.
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [code] = (await closed) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 20_000);
});

describe("the one-shot CLI", () => {
  it("answers one message as JSON and exits 0", async () => {
    const result = await run("src/adapters/repl/cli.ts", ["--json", "what", "is", "the", "quad?"]);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([expect.objectContaining({ ok: true, entries: [expect.objectContaining({ id: "quad" })] })]);
  });

  it("prints the card's first screen as text, and the whole card when asked in full", async () => {
    const short = await run("src/adapters/repl/cli.ts", ["partnership", "SE4All"]);
    expect(short.stdout.split("\n")[0]).toBe("Sustainable Energy for All");
    expect(short.stdout).toMatch(/Sources:\n {2}Slaughter, Foreign Affairs 2024/);
    expect(short.stdout).toMatch(/More: say “more” \(or add “in full”\)\.\n$/);
    const full = await run("src/adapters/repl/cli.ts", ["partnership", "SE4All", "in", "full"]);
    expect(full.stdout).toContain("Members by sector");
    expect(full.stdout).not.toContain("More: say");
  });

  it("given a REDIS_URL in the environment (a replica's settings), then it answers from its own memory and exits, never waiting on Redis", async () => {
    const result = await run("src/adapters/repl/cli.ts", ["gavi"], "", { REDIS_URL: "redis://127.0.0.1:1" });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Gavi, the Vaccine Alliance");
    expect(result.stderr).not.toMatch(/redis/i);
  });

  it("exits 1 on an error reply and 2 with usage when given no message", async () => {
    expect((await run("src/adapters/repl/cli.ts", ["partnership"])).code).toBe(1);
    const empty = await run("src/adapters/repl/cli.ts", []);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Usage: npm run cli -- \[--json\] <message>/);
  });
});

describe("npm start without credentials", () => {
  it("says how to connect Slack or Discord, then runs the REPL", async () => {
    const result = await run("src/main.ts", [], "nato\n");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/SLACK_BOT_TOKEN.*DISCORD_TOKEN/s);
    expect(result.stdout).toMatch(/^North Atlantic Treaty Organization/);
  });
});

describe("tab completion", () => {
  it("completes command words, then entry titles and aliases after a command", async () => {
    const router = await realRouter();
    const kb = await realKnowledge();
    const complete = completer(router.registry.words, () => kb);
    expect(complete("conc")).toEqual([["concept "], "conc"]);
    const [titles, typed] = complete("partnership sustainable");
    expect(typed).toBe("sustainable");
    expect(titles).toContain("Sustainable Energy for All");
  });
});
