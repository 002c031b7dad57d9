// The one wrapper for server actions and route handlers that change data. It authenticates,
// validates the input with the form's zod schema on the server, checks the permission, runs the
// change in one transaction and writes the audit entry in that same transaction, so no action
// can forget any of these. Resource-level scoping happens inside `run` through `ctx.authorize`.
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { writeAudit, type AuditEntry } from "@/lib/audit/commands";
import { ConflictError, FieldError, NotFoundError, safeMessage } from "@/lib/errors";
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

/** zod's issues as { field: [messages] }, the shape forms show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export async function executeAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  rawInput: unknown,
  user: SessionUser | null,
  /** The database to run on; tests pass their own. */
  db: Db = getDb(),
): Promise<ActionResult<T>> {
  if (!user) return { ok: false, code: "not_signed_in", formError: "Du är inte inloggad." };
  // Without the permission at all, the answer is the same as for a missing record.
  if (!hasPermission(user, def.permission)) return { ok: false, code: "not_found", formError: "Hittades inte." };
  const parsed = def.schema.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, code: "invalid", fieldErrors: fieldErrorsOf(parsed.error), formError: "Kontrollera de markerade fälten." };
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
    if (err instanceof NotFoundError) return { ok: false, code: "not_found", formError: "Hittades inte." };
    if (err instanceof ConflictError) {
      return {
        ok: false,
        code: "conflict",
        current: err.current,
        formError: "Någon annan har ändrat uppgifterna sedan du öppnade dem. Jämför och spara igen.",
      };
    }
    if (err instanceof FieldError) {
      return { ok: false, code: "invalid", fieldErrors: err.fieldErrors, formError: err.formError ?? "Kontrollera de markerade fälten." };
    }
    console.error(`[action ${def.permission}] failed:`, safeMessage(err));
    return { ok: false, code: "error", formError: "Något gick fel. Försök igen om en stund." };
  }
}

/** Make a server action (or the body of a route handler) from a definition. */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  return async (rawInput: unknown): Promise<ActionResult<T>> => {
    // Loaded when an action runs, so domain tests can use executeAction without Next.js' runtime.
    const { getCurrentUser } = await import("./session");
    return executeAction(def, rawInput, await getCurrentUser());
  };
}
