/**
 * The local REPL: interactive with prompt, history, tab completion and colour on a TTY;
 * on a pipe, one message per line in and one reply per line out (text or JSON lines).
 * Local and trusted: no rate limits or allowlists apply here.
 */
import { randomUUID } from "node:crypto";
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { toJson } from "../../core/json.js";
import { renderScreen, type TextStyle } from "../../core/render-text.js";
import type { Reply } from "../../core/reply.js";
import type { Router } from "../../core/router.js";
import type { KnowledgeBase } from "../../knowledge/base.js";

export interface ReplOptions {
  input: Readable;
  output: Writable;
  json: boolean;
  /** Interactive mode: prompt, completion, multi-line replies. */
  interactive: boolean;
  color: boolean;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const COLORS: TextStyle = { title: ansi(1), heading: ansi(36), dim: ansi(2), error: ansi(31) };

const EXIT_WORDS = new Set(["exit", "quit", ".exit", ":q"]);

/** Formats a reply for this REPL's output mode. */
export function formatReply(reply: Reply, options: Pick<ReplOptions, "json" | "interactive" | "color">): string {
  if (options.json) return JSON.stringify(toJson(reply));
  const text = renderScreen(reply, options.color ? COLORS : undefined);
  // On a pipe, one reply per line: a tool reading our output can pair lines with messages.
  return options.interactive ? text : text.replace(/\n\s*/g, " | ");
}

/** Tab completion: command words first, then entry titles and aliases after a command. */
export function completer(words: readonly string[], knowledge: () => KnowledgeBase) {
  return (line: string): [string[], string] => {
    const space = line.indexOf(" ");
    if (space === -1) {
      const hits = words.filter((word) => word.startsWith(line.toLowerCase()));
      return [hits.map((word) => `${word} `), line];
    }
    const typed = line.slice(space + 1);
    const prefix = typed.toLowerCase();
    const names = knowledge().entries.flatMap((entry) => [entry.title, ...entry.aliases]);
    const hits = [...new Set(names.filter((name) => name.toLowerCase().startsWith(prefix)))].sort();
    return [hits, typed];
  };
}

export async function runRepl(router: Router, knowledge: () => KnowledgeBase, options: ReplOptions): Promise<void> {
  const write = (text: string) => options.output.write(`${text}\n`);
  const rl: Interface = createInterface({
    input: options.input,
    output: options.interactive ? options.output : undefined,
    terminal: options.interactive,
    crlfDelay: Infinity,
    historySize: 500,
    completer: options.interactive ? completer(router.registry.words, knowledge) : undefined,
  });

  if (options.interactive) {
    write(`Attaché (${knowledge().size} entries). Ask a question, or type "help". "exit" or Ctrl-D to leave.`);
    rl.setPrompt(options.color ? "\u001b[1mattaché>\u001b[0m " : "attaché> ");
    rl.prompt();
  }
  // One session is one conversation: a follow-up line refers to the previous answer.
  const origin = { adapter: "repl", conversation: randomUUID() };
  for await (const line of rl) {
    const message = line.trim();
    if (options.interactive && EXIT_WORDS.has(message.toLowerCase())) break;
    if (message) write(formatReply(await router.handle(message, origin), options));
    if (options.interactive) rl.prompt();
  }
  rl.close();
}
