// The SQL form of the participant scoping rule in lib/auth/permissions.ts: coordinators see the
// active participants of their own unit; nobody else reads individual participants here.
import { and, eq, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { participants } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";

export function participantScope(actor: Actor): SQL {
  if (actor.role !== "coordinator" || !actor.unitId) return sql`false`;
  return unitScope(actor.municipalityId, actor.unitId);
}

function unitScope(municipalityId: string | SQLWrapper, unitId: string | SQLWrapper): SQL {
  return and(eq(participants.municipalityId, municipalityId), eq(participants.unitId, unitId), isNull(participants.deletedAt), isNull(participants.erasedAt))!;
}

/**
 * The same rule for a statement prepared once (db/prepared.ts): its values as the placeholders
 * `scopeMunicipality` and `scopeUnit`, `key` naming which of the two forms it is, `where` building
 * the condition (only when the statement is built).
 */
export function preparedScope(actor: Actor): { key: string; where: () => SQL; values: Record<string, string> } {
  if (actor.role !== "coordinator" || !actor.unitId) return { key: "none", where: () => sql`false`, values: {} };
  return {
    key: "unit",
    where: () => unitScope(sql.placeholder("scopeMunicipality"), sql.placeholder("scopeUnit")),
    values: { scopeMunicipality: actor.municipalityId, scopeUnit: actor.unitId },
  };
}
