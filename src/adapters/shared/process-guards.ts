/**
 * Process-wide safety nets. A promise rejected with no one listening, or an exception thrown
 * from a library's callback, would otherwise end the process and every answer in flight
 * with it: one bad request must not take down everyone's answers. Logged (once per burst,
 * since a request can cause it at will), and the process keeps serving.
 */
import type { EventEmitter } from "node:events";
import type { Logger } from "../../core/log.js";
import { ThrottledLog } from "../../core/throttled-log.js";

export function keepServingOnStrayErrors(log: Logger, target: EventEmitter = process): void {
  const throttled = new ThrottledLog(log);
  target.on("unhandledRejection", (reason: unknown) => throttled.write("error", { err: reason }, "unhandled promise rejection; still serving"));
  target.on("uncaughtException", (error: Error) => throttled.write("error", { err: error }, "uncaught exception; still serving"));
}

/**
 * A reader that stops early (`… | head -1`) closes our stdout: that is the end of the output
 * wanted, not an error, so the process ends quietly with 0.
 */
export function endQuietlyWhenOutputCloses(output: NodeJS.WriteStream = process.stdout): void {
  output.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
}
