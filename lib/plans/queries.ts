// The individual plan as the coordinator reads it: goal, activities and their providers, scoped
// to the coordinator's unit and audited.
import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { frozen, fromJson, jsonFirst, jsonList, jsonObject, listFromJson, type Raw } from "@/db/json";
import { activities, actors, employers, participants, planRevisions, plans, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { getEmployerOption } from "@/lib/employers/queries";
import { providerSuggestions } from "@/lib/actors/queries";
import { NotFoundError } from "@/lib/errors";
import { participantScope, scopedParticipantRow } from "@/lib/participants/scope";

const planHead = {
  id: participants.id,
  firstName: participants.firstName,
  lastName: participants.lastName,
  birthDate: participants.birthDate,
  receptionDate: participants.receptionDate,
  programmeStart: participants.programmeStart,
  programmeEnd: participants.programmeEnd,
};
const planFields = getTableColumns(plans);
const activityFields = {
  id: activities.id,
  type: activities.type,
  status: activities.status,
  startDate: activities.startDate,
  endDate: activities.endDate,
  plannedStartDate: activities.plannedStartDate,
  plannedEndDate: activities.plannedEndDate,
  provider: activities.provider,
  responsibleUserId: activities.responsibleUserId,
  responsibleName: sql<string | null>`${users.name}`,
  employerId: activities.employerId,
  hoursPerWeek: activities.hoursPerWeek,
  employerName: sql<string | null>`${employers.name}`,
  /** The actor directory's entry of the provider's name, if it has one (actors_name_uq). */
  providerActorId: sql<string | null>`(select ${actors.id} from ${actors} where ${actors.municipalityId} = ${activities.municipalityId} and lower(${actors.name}) = lower(${activities.provider}))`,
  interruptReason: activities.interruptReason,
  resultNote: activities.resultNote,
  details: activities.details,
  version: activities.version,
};
const revisionFields = {
  id: planRevisions.id,
  kind: planRevisions.kind,
  activityId: planRevisions.activityId,
  version: planRevisions.version,
  changedAt: planRevisions.changedAt,
  summary: planRevisions.summary,
  changedByName: sql<string | null>`${users.name}`,
};

/** The select list of getPlan: the person, the plan and its two lists as subqueries of the person's row. */
const planSelect = frozen(sql`${jsonObject(planHead)} as "head",
  ${jsonFirst(planFields, sql`from ${plans} where ${plans.participantId} = ${participants.id}`)} as "plan",
  ${jsonList(
    activityFields,
    sql`from ${activities} left join ${employers} on ${employers.id} = ${activities.employerId} left join ${users} on ${users.id} = ${activities.responsibleUserId}
      where ${activities.participantId} = ${participants.id}`,
    [asc(activities.startDate), asc(activities.id)],
  )} as "activities",
  ${jsonList(
    revisionFields,
    sql`from ${planRevisions} join ${plans} on ${plans.id} = ${planRevisions.planId} left join ${users} on ${users.id} = ${planRevisions.changedBy}
      where ${plans.participantId} = ${participants.id}`,
    [desc(planRevisions.changedAt), desc(planRevisions.seq)],
  )} as "revisions"`);

/**
 * The plan, its activities (by start) and its goal and activity revisions (newest first) of a
 * participant in the user's scope: one statement, the scope check and each list a subquery.
 */
export async function getPlan(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("plan");
  const row = await scopedParticipantRow(db, actor, "plan", () => planSelect, participantId);
  if (!row) throw new NotFoundError("plan");
  const plan = row.plan ? fromJson(planFields, row.plan as Raw) : null;
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "plan.read", entityType: "plan", entityId: plan?.id ?? null, participantId });
  return {
    participant: fromJson(planHead, row.head as Raw),
    // A plan of version 0 was made by an activity write and has no goal yet: there is no plan to show.
    plan: plan && plan.version > 0 ? plan : null,
    activities: listFromJson(activityFields, row.activities),
    revisions: listFromJson(revisionFields, row.revisions),
  };
}

/**
 * Whom the participant asks about the plan (its printout): the responsible coordinator's name and
 * e-mail, while the account is active; null when nobody is responsible. Scoped as getPlan, which
 * the printout calls first (and which writes the read's audit entry); a coordinator's name and
 * work address are not the participant's data.
 */
export async function getPlanContact(actor: Actor, participantId: string, db: Executor = getDb()): Promise<{ name: string; email: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("plan");
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(participants)
    .innerJoin(users, and(eq(users.id, participants.coordinatorId), eq(users.active, true)))
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  return row ?? null;
}

/**
 * What the activity form offers: the unit's active coordinators as responsible, and the activity's
 * current employer (when editing one that has it), and the actor directory's active actors as
 * suggested providers (a municipality has tens). The municipality's other employers are not sent:
 * a region has thousands; the form searches them (searchEmployerChoices).
 */
export async function getPlanFormOptions(actor: Actor, currentEmployerId?: string | null, db: Executor = getDb()) {
  const people = actor.unitId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.municipalityId, actor.municipalityId), eq(users.unitId, actor.unitId), eq(users.active, true))).orderBy(asc(users.name))
    : [];
  return { people, employer: await getEmployerOption(actor, currentEmployerId, db), providers: await providerSuggestions(actor, db) };
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
