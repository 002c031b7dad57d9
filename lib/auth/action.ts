// The one wrapper for server actions and route handlers that change data. It authenticates,
// validates the input with the form's zod schema on the server, checks the permission, runs the
// change in one transaction and writes the audit entry in that same transaction, so no action
// can forget any of these. Resource-level scoping happens inside `run` through `ctx.authorize`.
// Its messages, and the schema's and the domain's refusals, are written in Swedish and answered in
// the user's language (lib/i18n/errors.ts).
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { writeAudit, type AuditEntry } from "@/lib/audit/commands";
import { ConflictError, FieldError, NotFoundError, safeMessage } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/messages";
import { translateServerError } from "@/lib/i18n/server-errors";
import { can, hasPermission, type Permission, type ScopedResource } from "./permissions";
import type { SessionUser } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** not_signed_in | forbidden | not_found | invalid | conflict | error */
      code: "not_signed_in" | "not_found" | "invalid" | "conflict" | "error";
      formError?: string;
      fieldErrors?: Record<string, string[]>;
      current?: unknown;
    };

export interface ActionContext<I> {
  user: SessionUser;
  input: I;
  tx: Tx;
  /** Throws NotFoundError unless the user may do the action's permission on this resource. */
  authorize(resource: ScopedResource | null | undefined): void;
}

export interface ActionDefinition<S extends z.ZodType, T> {
  schema: S;
  permission: Permission;
  run(ctx: ActionContext<z.infer<S>>): Promise<T>;
  /** The audit entries for what was done; written in the same transaction. */
  audit(result: T, input: z.infer<S>): AuditEntry | AuditEntry[];
}

const NOT_SIGNED_IN = "Du är inte inloggad.";
const NOT_FOUND = "Hittades inte.";
const CHECK_FIELDS = "Kontrollera de markerade fälten.";
const CHANGED_MEANWHILE = "Någon annan har ändrat uppgifterna sedan du öppnade dem. Jämför och spara igen.";
const FAILED = "Något gick fel. Försök igen om en stund.";

/** zod's issues as { field: [messages] }, the shape forms show next to each field, in the user's language. */
export function fieldErrorsOf(error: z.ZodError, locale: Locale = "sv"): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(translateServerError(issue.message, locale));
  }
  return out;
}

/**
 * An answer's messages (the form's and each field's) in the user's language; a message without
 * English stays Swedish, and a code a form translates itself (the consent form's "future") stays.
 */
export function localizeResult<R extends { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]> }>(result: R, locale: Locale): R {
  if (result.ok || locale === "sv") return result;
  const out = { ...result };
  if (typeof out.formError === "string") out.formError = translateServerError(out.formError, locale);
  if (out.fieldErrors) {
    out.fieldErrors = Object.fromEntries(Object.entries(out.fieldErrors).map(([k, msgs]) => [k, Array.isArray(msgs) ? msgs.map((m) => translateServerError(m, locale)) : msgs]));
  }
  return out;
}

/**
 * Run an action for a user. The answer's messages are in `locale` (Swedish unless given: the
 * server actions pass the user's language, see defineAction; tests may pass either).
 */
export async function executeAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  rawInput: unknown,
  user: SessionUser | null,
  /** The database to run on; tests pass their own. */
  db: Db = getDb(),
  locale: Locale = "sv",
): Promise<ActionResult<T>> {
  return localizeResult(await runAction(def, rawInput, user, db), locale);
}

/** executeAction's work, answered in Swedish. */
async function runAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>, rawInput: unknown, user: SessionUser | null, db: Db): Promise<ActionResult<T>> {
  if (!user) return { ok: false, code: "not_signed_in", formError: NOT_SIGNED_IN };
  // Without the permission at all, the answer is the same as for a missing record.
  if (!hasPermission(user, def.permission)) return { ok: false, code: "not_found", formError: NOT_FOUND };
  const parsed = def.schema.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, code: "invalid", fieldErrors: fieldErrorsOf(parsed.error), formError: CHECK_FIELDS };
  }
  const input = parsed.data as z.infer<S>;
  try {
    const data = await db.transaction(async (tx) => {
      const ctx: ActionContext<z.infer<S>> = {
        user,
        input,
        tx,
        authorize(resource) {
          if (!resource || !can(user, def.permission, resource)) throw new NotFoundError();
        },
      };
      const result = await def.run(ctx);
      await writeAudit(tx, { id: user.id, municipalityId: user.municipalityId }, def.audit(result, input));
      return result;
    });
    return { ok: true, data };
  } catch (err) {
    if (err instanceof NotFoundError) return { ok: false, code: "not_found", formError: NOT_FOUND };
    if (err instanceof ConflictError) return { ok: false, code: "conflict", current: err.current, formError: CHANGED_MEANWHILE };
    if (err instanceof FieldError) {
      return { ok: false, code: "invalid", fieldErrors: err.fieldErrors, formError: err.formError ?? CHECK_FIELDS };
    }
    console.error(`[action ${def.permission}] failed:`, safeMessage(err));
    return { ok: false, code: "error", formError: FAILED };
  }
}

/** Make a server action (or the body of a route handler) from a definition, answering in the user's language. */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    // Loaded when an action runs, so domain tests can use executeAction without Next.js' runtime.
    const [{ getCurrentUser }, { getLocale }] = await Promise.all([import("./session"), import("@/lib/i18n/server")]);
    const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
    return executeAction(def, rawInput, user, undefined, locale);
  };
}
