/**
 * The understanding step's cost on the shipped base: reading a message (interpret alone),
 * and a whole answered message (router: understanding, command, conversation memory, then
 * rendered for Slack, Discord and text), over every message of the public labelled set.
 */
import { performance } from "node:perf_hooks";
import { commands } from "../../commands/index.js";
import { routerOptions } from "../../src/app.js";
import { renderReply as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderReply as renderSlack } from "../../src/adapters/slack/render.js";
import { renderText } from "../../src/core/render-text.js";
import { Router } from "../../src/core/router.js";
import { MemoryStore } from "../../src/core/store.js";
import { Interpreter } from "../../src/domain/understanding/interpret.js";
import type { KnowledgeBase } from "../../src/knowledge/base.js";
import { recordingLogger, testConfig } from "../../test/support/app.js";
import { loadCases } from "../../test/support/understanding-cases.js";
import { summarize, type Latency } from "./measure.js";
import type { Row } from "./table.js";

export interface UnderstandingResult {
  messages: number;
  interpret: Latency;
  answered: Latency;
}

/** Every message of the public set, follow-up turns included, in order. */
function publicMessages(): string[] {
  return loadCases("public.yaml").flatMap((item) => (item.turns ? item.turns.map((turn) => turn.message) : [item.message ?? ""]));
}

const ROUNDS = 5;

export async function benchUnderstanding(kb: KnowledgeBase): Promise<UnderstandingResult> {
  const messages = publicMessages();
  const interpreter = new Interpreter(commands, () => kb);
  const log = recordingLogger("error").log;
  const router = new Router(commands, () => kb, log, routerOptions(testConfig(), new MemoryStore(), log, () => kb));
  const interpretSamples: number[] = [];
  const answeredSamples: number[] = [];
  // The first round warms the JIT and the name tables; only later rounds are timed.
  for (let round = 0; round <= ROUNDS; round++) {
    const origin = { adapter: "bench", conversation: `round-${round}` };
    for (const message of messages) {
      let before = performance.now();
      interpreter.interpret(message);
      const interpreted = performance.now() - before;
      before = performance.now();
      const reply = await router.handle(message, origin);
      renderSlack(reply);
      renderDiscord(reply);
      renderText(reply);
      const answered = performance.now() - before;
      if (round === 0) continue;
      interpretSamples.push(interpreted);
      answeredSamples.push(answered);
    }
  }
  return { messages: messages.length, interpret: summarize(interpretSamples), answered: summarize(answeredSamples) };
}

/** Targets from the understanding issue. */
const TARGET_ANSWERED_P99_MS = 2;

export function understandingRows(result: UnderstandingResult): Row[] {
  const cell = ({ p50, p99 }: Latency) => `${p50.toFixed(3)} / ${p99.toFixed(3)} ms`;
  const base = { section: "understanding", fuse: "", minisearch: "" };
  return [
    { ...base, case: `read a message (interpret), p50 / p99 over ${result.messages} labelled messages × ${ROUNDS}`, attache: cell(result.interpret), target: "", met: "" },
    {
      ...base,
      case: "answered message (understand + command + render for Slack, Discord, text), p50 / p99",
      attache: cell(result.answered),
      target: `p99 < ${TARGET_ANSWERED_P99_MS} ms`,
      met: result.answered.p99 < TARGET_ANSWERED_P99_MS ? "yes" : "NO",
    },
  ];
}
