/**
 * Expected, user-facing failures carry a code and a polite message; anything else is a
 * bug, logged with an id and answered with one apology (never a stack trace).
 */

/** Every code a failed reply can carry: part of the JSON reply contract. */
export const ERROR_CODES = [
  "missing_argument",
  "bad_argument",
  "not_found",
  "too_long",
  "rate_limited",
  "not_allowed",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes of expected failures; `internal` is reserved for bugs. */
export type UserErrorCode = Exclude<ErrorCode, "internal">;

export class UserError extends Error {
  override name = "UserError";
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A short id to quote in an apology and find in the logs. */
export function newErrorId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The one apology for a bug, on every platform. */
export function apology(errorId: string): string {
  return `Sorry, something went wrong on our side. If it keeps happening, quote error id ${errorId}.`;
}

/** The usage line of a command called without its required argument. */
export function missingArgument(definition: { usage: string; examples: readonly string[] }): UserError {
  const example = definition.examples[0];
  return new UserError("missing_argument", `Usage: ${definition.usage}${example ? `, for example: ${example}` : ""}`);
}
