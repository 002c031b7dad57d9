// The individual plan as the coordinator reads it: goal, activities and their providers, scoped
// to the coordinator's unit and audited.
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, employers, participants, planRevisions, plans } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

export async function getPlan(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("plan");
  const [p] = await db
    .select({ id: participants.id, receptionDate: participants.receptionDate, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("plan");
  const [plan] = await db.select().from(plans).where(eq(plans.participantId, participantId));
  const acts = await db
    .select({
      id: activities.id,
      type: activities.type,
      status: activities.status,
      startDate: activities.startDate,
      endDate: activities.endDate,
      provider: activities.provider,
      hoursPerWeek: activities.hoursPerWeek,
      employerName: employers.name,
      interruptReason: activities.interruptReason,
    })
    .from(activities)
    .leftJoin(employers, eq(employers.id, activities.employerId))
    .where(eq(activities.participantId, participantId))
    .orderBy(asc(activities.startDate), asc(activities.id));
  const revisions = plan
    ? await db.select({ version: planRevisions.version, changedAt: planRevisions.changedAt, summary: planRevisions.summary }).from(planRevisions).where(eq(planRevisions.planId, plan.id)).orderBy(desc(planRevisions.version)).limit(10)
    : [];
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "plan.read", entityType: "plan", entityId: plan?.id ?? null, participantId });
  return { participant: p, plan: plan ?? null, activities: acts, revisions };
}
