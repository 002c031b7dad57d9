// The individual plan as the coordinator reads it: goal, activities and their providers, scoped
// to the coordinator's unit and audited.
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, employers, participants, planRevisions, plans, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

export async function getPlan(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("plan");
  const [p] = await db
    .select({ id: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate, receptionDate: participants.receptionDate, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd })
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
      plannedStartDate: activities.plannedStartDate,
      plannedEndDate: activities.plannedEndDate,
      provider: activities.provider,
      responsibleUserId: activities.responsibleUserId,
      responsibleName: users.name,
      employerId: activities.employerId,
      hoursPerWeek: activities.hoursPerWeek,
      employerName: employers.name,
      interruptReason: activities.interruptReason,
      resultNote: activities.resultNote,
      details: activities.details,
      version: activities.version,
    })
    .from(activities)
    .leftJoin(employers, eq(employers.id, activities.employerId))
    .leftJoin(users, eq(users.id, activities.responsibleUserId))
    .where(eq(activities.participantId, participantId))
    .orderBy(asc(activities.startDate), asc(activities.id));
  // Goal and activity revisions together, newest first.
  const revisions = plan
    ? await db
        .select({ id: planRevisions.id, kind: planRevisions.kind, activityId: planRevisions.activityId, version: planRevisions.version, changedAt: planRevisions.changedAt, summary: planRevisions.summary, changedByName: users.name })
        .from(planRevisions)
        .leftJoin(users, eq(users.id, planRevisions.changedBy))
        .where(eq(planRevisions.planId, plan.id))
        .orderBy(desc(planRevisions.changedAt), desc(planRevisions.seq))
    : [];
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "plan.read", entityType: "plan", entityId: plan?.id ?? null, participantId });
  // A plan of version 0 was made by an activity write and has no goal yet: there is no plan to show.
  return { participant: p, plan: plan && plan.version > 0 ? plan : null, activities: acts, revisions };
}

/** What the activity form offers: the unit's active coordinators as responsible, the municipality's employers. */
export async function getPlanFormOptions(actor: Actor, db: Executor = getDb()) {
  const people = actor.unitId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.municipalityId, actor.municipalityId), eq(users.unitId, actor.unitId), eq(users.active, true))).orderBy(asc(users.name))
    : [];
  const emps = await db.select({ id: employers.id, name: employers.name }).from(employers).where(eq(employers.municipalityId, actor.municipalityId)).orderBy(asc(employers.name));
  return { people, employers: emps };
}

/** One activity of a participant of the coordinator's unit, for its edit form; audited. */
export async function getActivityForEdit(actor: Actor, participantId: string, activityId: string, db: Executor = getDb()) {
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(participantId) || !uuid.test(activityId)) throw new NotFoundError("activity");
  const [row] = await db
    .select({ activity: activities, firstName: participants.firstName, lastName: participants.lastName })
    .from(activities)
    .innerJoin(participants, eq(participants.id, activities.participantId))
    .where(and(eq(activities.id, activityId), eq(activities.participantId, participantId), participantScope(actor)));
  if (!row) throw new NotFoundError("activity");
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "activity.read", entityType: "activity", entityId: activityId, participantId });
  return row;
}
