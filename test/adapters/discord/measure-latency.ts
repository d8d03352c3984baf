/**
 * Measures the time from the fake gateway dispatching MESSAGE_CREATE (a mention) to the
 * reply's POST arriving at the fake REST API: gateway parsing, discord.js, the router and
 * the renderer, and the REST client, all on loopback. Not a test (no timing assertions):
 *
 *   npx tsx test/adapters/discord/measure-latency.ts [runs=3] [mentions per run=30]
 */
import { createApp } from "../../../src/app.js";
import { started } from "../../../src/adapters/shared/adapter.js";
import { createDiscordAdapter } from "../../../src/adapters/discord/index.js";
import { recordingLogger, testConfig } from "../../support/app.js";
import { FakeDiscord } from "./fake-discord.js";

const QUESTIONS = ["concept multialignment", "what is input legitimacy?", "search vaccine alliance", "partnership quad", "who is Jaishankar?"];
const runs = Number(process.argv[2] ?? 3);
const perRun = Number(process.argv[3] ?? 30);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const all: number[] = [];
for (let run = 1; run <= runs; run += 1) {
  const fake = await FakeDiscord.start();
  const config = testConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, RATE_LIMIT_REQUESTS: "100000" });
  const adapter = await started(createDiscordAdapter(await createApp(config, recordingLogger("warn").log)));
  const times: number[] = [];
  for (let index = 0; index < perRun; index += 1) {
    const { message, dispatchedAt } = fake.mention(QUESTIONS[index % QUESTIONS.length]!);
    const post = await fake.waitForRequest((request) => request.body?.message_reference?.message_id === message.id, "the reply");
    times.push(post.at - dispatchedAt);
  }
  await adapter.stop();
  await fake.close();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`run ${run}: ${perRun} mentions, p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? NaN)}`);
  all.push(...times);
}
const sorted = all.sort((a, b) => a - b);
console.log(`all ${sorted.length}: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? NaN)}`);
