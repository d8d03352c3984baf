/**
 * Test wiring over the real knowledge files: the same router the adapters use, with a
 * logger that records lines instead of printing them.
 */
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Writable } from "node:stream";
import path from "node:path";
import pino from "pino";
import { commands } from "../../commands/index.js";
import { routerOptions } from "../../src/app.js";
import { parseConfig, PROJECT_ROOT, type Config } from "../../src/config.js";
import { MemoryStore } from "../../src/core/store.js";
import type { Logger } from "../../src/core/log.js";
import { Router } from "../../src/core/router.js";
import { openKnowledgeBase, type KnowledgeBase } from "../../src/knowledge/base.js";

export const KNOWLEDGE_DIR = path.join(PROJECT_ROOT, "knowledge");

/** A copy of the shipped knowledge folder in a new temp folder, for tests that edit files. */
export async function knowledgeCopy(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `attache-${prefix}-`));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

let shared: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge base, loaded once per test file. */
export function realKnowledge(): Promise<KnowledgeBase> {
  shared ??= openKnowledgeBase(KNOWLEDGE_DIR);
  return shared;
}

export interface RecordingLogger {
  log: Logger;
  /** Parsed JSON log lines, in order. */
  lines: Array<Record<string, unknown>>;
}

export function recordingLogger(level = "debug"): RecordingLogger {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level }, sink), lines };
}

export async function realRouter(logger: RecordingLogger = recordingLogger()): Promise<Router> {
  const kb = await realKnowledge();
  return new Router(commands, () => kb, logger.log, routerOptions(testConfig(), new MemoryStore(), logger.log, () => kb));
}

/** A config as the given environment would produce, with nothing from the real one. */
export function testConfig(env: Record<string, string> = {}): Config {
  // No snapshot cache unless a test asks for one: tests open many short-lived folders.
  return parseConfig({ KNOWLEDGE_DIR, KNOWLEDGE_CACHE_DIR: "off", ...env });
}
