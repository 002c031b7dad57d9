// A participant's follow-ups, for the coordinator of their unit.
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { followups, participants, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

export async function listFollowups(actor: Actor, participantId: string, db: Executor = getDb()) {
  const [p] = await db
    .select({ id: participants.id, cadence: units.followupCadenceDays })
    .from(participants)
    .leftJoin(units, eq(units.id, participants.unitId))
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("participant");
  const rows = await db.select().from(followups).where(eq(followups.participantId, participantId)).orderBy(asc(followups.status), desc(followups.dueDate));
  return { cadenceDays: p.cadence ?? 28, planned: rows.filter((r) => r.status === "planerad").sort((a, b) => a.dueDate.localeCompare(b.dueDate)), held: rows.filter((r) => r.status !== "planerad") };
}
