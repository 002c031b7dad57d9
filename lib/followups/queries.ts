// A participant's follow-ups, for the coordinator of their unit, with the three-party meetings
// their praktik still calls for.
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, employers, followups, participants, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { todayIso, type IsoDate } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";
import { proposeThreePartyMeetings } from "./praktik";

export async function listFollowups(actor: Actor, participantId: string, db: Executor = getDb(), asOf: IsoDate = todayIso()) {
  const [p] = await db
    .select({ id: participants.id, cadence: units.followupCadenceDays })
    .from(participants)
    .leftJoin(units, eq(units.id, participants.unitId))
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("participant");
  const rows = await db.select().from(followups).where(eq(followups.participantId, participantId)).orderBy(asc(followups.status), desc(followups.dueDate));
  const praktik = await db
    .select({ id: activities.id, type: activities.type, status: activities.status, startDate: activities.startDate, endDate: activities.endDate, provider: activities.provider, employerName: employers.name })
    .from(activities)
    .leftJoin(employers, eq(employers.id, activities.employerId))
    .where(and(eq(activities.participantId, participantId), eq(activities.type, "praktik")));
  const proposals = proposeThreePartyMeetings(praktik, rows, asOf).map((x) => {
    const a = praktik.find((y) => y.id === x.activityId)!;
    return { ...x, praktik: { startDate: a.startDate, endDate: a.endDate!, where: a.employerName ?? a.provider ?? null } };
  });
  return {
    cadenceDays: p.cadence ?? 28,
    planned: rows.filter((r) => r.status === "planerad").sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    held: rows.filter((r) => r.status !== "planerad"),
    proposals,
  };
}
