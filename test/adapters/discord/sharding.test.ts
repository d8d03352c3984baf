/**
 * DISCORD_SHARDS > 1: discord.js's ShardingManager starts real child processes running
 * shard.ts (through tsx), each logging in to the local fake of Discord for its shard.
 * Its own file: the manager marks this process as a sharding manager in process.env.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adapter as DiscordAdapter } from "../../../src/core/adapter.js";
import { createShardsAdapter, managerOptions, shardEntry } from "../../../src/adapters/discord/sharding.js";
import { started } from "../../../src/adapters/shared/adapter.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { KNOWLEDGE_DIR, recordingLogger, testConfig, type RecordingLogger } from "../../support/app.js";
import { FakeDiscord, type RecordedRequest } from "./fake-discord.js";

const SOURCE_DIR = path.join(PROJECT_ROOT, "src", "adapters", "discord");

/**
 * The shard processes this test process has started, by shard id, found in /proc (Linux,
 * as in CI): a child whose environment has the SHARDS variable the manager sets.
 */
function shardProcesses(): Map<number, number> {
  const found = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent !== process.pid) continue;
      const shard = /(?:^|\0)SHARDS=(\d+)\0/.exec(readFileSync(`/proc/${pid}/environ`, "utf8"))?.[1];
      if (shard !== undefined) found.set(Number(shard), Number(pid));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

describe("choosing what the shard processes run", () => {
  it("given the sources run through tsx, then each shard runs shard.ts with the tsx loader, found by absolute URL", () => {
    const entry = shardEntry(pathToFileURL(path.join(SOURCE_DIR, "sharding.ts")).href);
    expect(entry.file).toBe(path.join(SOURCE_DIR, "shard.ts"));
    expect(existsSync(entry.file)).toBe(true);
    expect(entry.execArgv).toEqual(["--import", expect.stringMatching(/^file:\/\/.*\/node_modules\/tsx\/.*\.mjs$/)]);
  });

  it("given the compiled build in dist/, then each shard runs the shard.js beside it with plain node", () => {
    const compiled = path.join(PROJECT_ROOT, "dist", "src", "adapters", "discord");
    expect(shardEntry(pathToFileURL(path.join(compiled, "sharding.js")).href)).toEqual({ file: path.join(compiled, "shard.js"), execArgv: [] });
  });

  it("given DISCORD_SHARDS=3, then the manager spawns 3 processes with the token and does not respawn until all are up", () => {
    const entry = { file: "shard.ts", execArgv: ["--import", "tsx"] };
    const options = managerOptions(testConfig({ DISCORD_TOKEN: "secret-token", DISCORD_SHARDS: "3" }), entry);
    expect(options).toEqual({ totalShards: 3, token: "secret-token", mode: "process", respawn: false, execArgv: entry.execArgv });
  });

  it("given no DISCORD_TOKEN, then starting shards says which variable to set", () => {
    expect(() => managerOptions(testConfig({ DISCORD_SHARDS: "2" }), shardEntry())).toThrow(/Set DISCORD_TOKEN/);
  });
});

describe("DISCORD_SHARDS=2 through a local fake of Discord", () => {
  const SHARDS = 2;
  let fake: FakeDiscord;
  let logger: RecordingLogger;
  let shards: DiscordAdapter | undefined;
  const savedEnv = { ...process.env };

  const isReplyTo = (messageId: string) => (request: RecordedRequest) =>
    request.method === "POST" && request.status === 200 && request.body?.message_reference?.message_id === messageId;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ recommendedShards: SHARDS });
    // The children read the environment, as they would under `npm start`.
    const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: String(SHARDS), KNOWLEDGE_DIR, LOG_LEVEL: "warn" };
    Object.assign(process.env, env);
    logger = recordingLogger("info");
    shards = await started(createShardsAdapter({ config: testConfig(env), log: logger.log }, { spawnDelayMs: 0 }));
  });

  afterAll(async () => {
    await shards?.stop();
    await fake?.close();
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  });

  it("given two shards, then two processes identify, as shard [0, 2] and shard [1, 2]", () => {
    expect(fake.identifiedShards().sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ msg: "discord shards connected", shards: SHARDS }));
  });

  it("given a mention in each guild and in a DM, then each is answered exactly once, by the shard Discord sends it to", async () => {
    const inFirst = fake.mention("concept multialignment"); // shard 0
    const inSecond = fake.mention("concept nonalignment", { guild: fake.world.otherGuild }); // shard 1
    const inDm = fake.mention("partnership gavi", { inDm: true }); // shard 0
    const [first, second, dm] = await Promise.all(
      [inFirst, inSecond, inDm].map(({ message }) => fake.waitForRequest(isReplyTo(message.id), `the reply to ${message.content}`, 10_000)),
    );
    expect(first?.body.embeds[0].title).toBe("Multialignment");
    expect(second?.path).toBe(`/channels/${fake.world.otherGuild.textChannelId}/messages`);
    expect(second?.body.embeds[0].title).toBe("Nonalignment");
    expect(dm?.body.embeds[0].title).toBe("Gavi, the Vaccine Alliance");
    for (const { message } of [inFirst, inSecond, inDm]) expect(fake.repliesTo(message.id)).toHaveLength(1);
  });

  it("given a shard process dies, then the manager starts it again and it identifies for the same shard", async () => {
    const identifies = fake.identifiedShards().length;
    const pid = shardProcesses().get(1);
    expect(pid).toBeDefined();
    process.kill(pid!, "SIGKILL");
    await fake.opsReceivedAtLeast("Identify", identifies + 1, 15_000);
    expect(fake.identifiedShards().at(-1)).toEqual([1, 2]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ msg: "discord shard exited; starting it again", shard: 1, signal: "SIGKILL" }));
    const { message } = fake.mention("concept nonalignment", { guild: fake.world.otherGuild });
    expect((await fake.waitForRequest(isReplyTo(message.id), "the restarted shard's reply", 10_000)).body.embeds[0].title).toBe("Nonalignment");
  });

  it("given a shard is answering, when it gets SIGTERM twice (its manager's and a service manager's), then it sends the answer and exits 0", async () => {
    const identifies = fake.identifiedShards().length;
    const pid = shardProcesses().get(0)!;
    // Discord's 429 keeps the answer in flight for a while: the stop has to wait for it.
    const retryAfterSeconds = 1.5;
    fake.rateLimitNext("POST", new RegExp(`^/channels/${fake.world.guild.textChannelId}/messages$`), retryAfterSeconds);
    const inFlight = fake.mention("concept multialignment");
    await fake.waitForRequest((request) => request.status === 429, "the rate-limited reply");
    process.kill(pid, "SIGTERM");
    // Apart, so the second is a separate signal that arrives while the shard is stopping.
    await sleep(300);
    process.kill(pid, "SIGTERM");
    expect((await fake.waitForRequest(isReplyTo(inFlight.message.id), "the answer in flight", 10_000)).body.embeds[0].title).toBe("Multialignment");
    // The manager is still running, so it starts the shard again: wait until that one answers.
    await fake.opsReceivedAtLeast("Identify", identifies + 1, 15_000);
    expect(logger.lines).toContainEqual(expect.objectContaining({ msg: "discord shard exited; starting it again", shard: 0, exitCode: 0 }));
    const { message } = fake.mention("concept multialignment");
    expect((await fake.waitForRequest(isReplyTo(message.id), "the restarted shard's reply", 10_000)).body.embeds[0].title).toBe("Multialignment");
  });

  it("given the shards are asked to stop, then each finishes its answers and exits 0, and none is restarted", async () => {
    const identifiesBefore = fake.identifiedShards().length;
    const linesBefore = logger.lines.length;
    await shards?.stop();
    const since = logger.lines.slice(linesBefore);
    const stopped = since.filter((line) => line.msg === "discord shard stopped");
    expect(stopped.map((line) => [line.shard, line.exitCode, line.signal]).sort()).toEqual([
      [0, 0, null],
      [1, 0, null],
    ]);
    expect(since.some((line) => line.msg === "discord shard exited; starting it again")).toBe(false);
    expect(fake.identifiedShards()).toHaveLength(identifiesBefore);
  });
});
