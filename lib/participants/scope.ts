// The SQL form of the participant scoping rule in lib/auth/permissions.ts: coordinators see the
// active participants of their own unit; nobody else reads individual participants here. Besides
// their unit, coordinators see the list "Ej tilldelade" (intakeScope): their municipality's people
// who have no unit (imported without a coordinator), to take them on; only that list, not the
// person's page, until one of them has taken the case.
import { and, eq, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { participants } from "@/db/schema";
import type { Executor } from "@/db";
import { resultRows, type Raw } from "@/db/json";
import { preparedRaw } from "@/db/prepared";
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

/**
 * "Ej tilldelade": the active participants of the coordinator's municipality who have no unit.
 * Every coordinator with a unit of their own sees it (a coordinator takes a case into their own
 * unit); sfi teachers, managers and admins see nothing, nor does anyone of another municipality.
 */
export function intakeScope(actor: Actor): SQL {
  if (actor.role !== "coordinator" || !actor.unitId) return sql`false`;
  return noUnit(actor.municipalityId);
}

function noUnit(municipalityId: string | SQLWrapper): SQL {
  return and(eq(participants.municipalityId, municipalityId), isNull(participants.unitId), isNull(participants.deletedAt), isNull(participants.erasedAt))!;
}

/** intakeScope for a statement prepared once, as preparedScope (the placeholder `intakeMunicipality`). */
export function preparedIntakeScope(actor: Actor): { key: string; where: () => SQL; values: Record<string, string> } {
  if (actor.role !== "coordinator" || !actor.unitId) return { key: "none", where: () => sql`false`, values: {} };
  return { key: "intake", where: () => noUnit(sql.placeholder("intakeMunicipality")), values: { intakeMunicipality: actor.municipalityId } };
}

/**
 * One participant's row, with the columns `select` gives (the person's lists as JSON subqueries),
 * when they are in the actor's scope; undefined when not. One statement, its text built once per
 * `key` and form of the scope (db/prepared.ts): `select` is called only then, and `values` fill
 * its placeholders. The participant page reads each of its sections this way.
 */
export async function scopedParticipantRow(db: Executor, actor: Actor, key: string, select: () => SQL, participantId: string, values: Record<string, unknown> = {}): Promise<Raw | undefined> {
  const scope = preparedScope(actor);
  const statement = preparedRaw(db, `${key}:${scope.key}`, () => sql`select ${select()} from ${participants} where ${and(eq(participants.id, sql.placeholder("participantId")), scope.where())}`);
  return resultRows(await statement.execute({ ...values, ...scope.values, participantId }))[0];
}
