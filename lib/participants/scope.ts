// The SQL form of the participant scoping rule in lib/auth/permissions.ts: coordinators see the
// active participants of their own unit; nobody else reads individual participants here.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { participants } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";

export function participantScope(actor: Actor): SQL {
  if (actor.role !== "coordinator" || !actor.unitId) return sql`false`;
  return and(
    eq(participants.municipalityId, actor.municipalityId),
    eq(participants.unitId, actor.unitId),
    isNull(participants.deletedAt),
    isNull(participants.erasedAt),
  )!;
}
