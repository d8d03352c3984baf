/**
 * Expected, user-facing failures carry a code and a polite message; anything else is a
 * bug, logged with an id and answered with a generic apology (never a stack trace).
 */
export type UserErrorCode =
  | "missing_argument"
  | "bad_argument"
  | "not_found"
  | "too_long"
  | "rate_limited"
  | "not_allowed";

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
