// Errors that domain code throws and the action wrapper turns into answers a user understands.

/** The record does not exist or the user may not see it: the two are never told apart. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Someone else saved the record since the user opened it. Carries the current version. */
export class ConflictError<T = unknown> extends Error {
  constructor(public readonly current: T) {
    super("version conflict");
    this.name = "ConflictError";
  }
}

/** Input that passed the form schema but breaks a rule that needs the database to check. */
export class FieldError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, string[]>,
    public readonly formError?: string,
  ) {
    super(formError ?? Object.values(fieldErrors).flat().join("; "));
    this.name = "FieldError";
  }
}

/**
 * A message for logs that never carries query parameters (drizzle's own message lists them, and
 * they can hold personnummer): the database driver's message when there is one.
 */
export function safeMessage(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return cause.message;
    if (/^Failed query:/.test(err.message)) return "database query failed";
    return err.message;
  }
  return String(err);
}
