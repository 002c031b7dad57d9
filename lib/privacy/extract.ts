// Registerutdrag (GDPR art. 15): everything held about one participant, gathered for an admin who
// produces it on the person's request. The person is found by exact personnummer (posted, never
// in a URL), external id or their id in the system, within the admin's municipality; producing the
// extract is audited. The records the data refers to by id (the municipality, units, users,
// employers, openings, sfi groups) are named alongside, so the page can say who and what.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import * as s from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { concernsParticipant } from "@/lib/audit/queries";
import { can, hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { parsePersonnummer } from "@/lib/validation/personnummer";
import { referencedIds, type ExtractNames } from "./extract-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The participant's id, or null. Only exact matches: this is no search. `externalId` is the id
 * from the system the data was imported from, or the participant's own id in this one (as the
 * audit log and gallring show it).
 */
export async function findParticipantForExtract(actor: Actor, query: { personnummer?: string; externalId?: string }, db: Executor = getDb()): Promise<string | null> {
  if (!hasPermission(actor, "participant:extract")) throw new NotFoundError("participant");
  const conditions = [];
  const pnr = query.personnummer?.trim() ? parsePersonnummer(query.personnummer) : null;
  if (pnr?.ok) conditions.push(eq(s.participants.personnummer, pnr.value));
  const ext = query.externalId?.trim();
  if (ext) conditions.push(eq(s.participants.externalId, ext));
  if (ext && UUID.test(ext)) conditions.push(eq(s.participants.id, ext.toLowerCase()));
  if (conditions.length === 0) return null;
  const [row] = await db
    .select({ id: s.participants.id })
    .from(s.participants)
    .where(and(eq(s.participants.municipalityId, actor.municipalityId), or(...conditions)))
    .limit(1);
  return row?.id ?? null;
}

export async function buildRegisterExtract(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  const [participant] = await db.select().from(s.participants).where(eq(s.participants.id, participantId)).limit(1);
  if (!participant || !can(actor, "participant:extract", participant)) throw new NotFoundError("participant");
  const id = participant.id;
  const [skillMappings, plans, activities, followups, outcomes, sfiEnrolments, sfiAttendance, sfiResults, sfiBreaks, consents] = await Promise.all([
    db.select().from(s.skillMappings).where(eq(s.skillMappings.participantId, id)).orderBy(asc(s.skillMappings.version)),
    db.select().from(s.plans).where(eq(s.plans.participantId, id)),
    db.select().from(s.activities).where(eq(s.activities.participantId, id)).orderBy(asc(s.activities.startDate)),
    db.select().from(s.followups).where(eq(s.followups.participantId, id)).orderBy(asc(s.followups.dueDate)),
    db.select().from(s.outcomes).where(eq(s.outcomes.participantId, id)),
    db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.participantId, id)),
    db.select().from(s.sfiAttendance).where(eq(s.sfiAttendance.participantId, id)).orderBy(asc(s.sfiAttendance.lessonDate)),
    db.select().from(s.sfiResults).where(eq(s.sfiResults.participantId, id)),
    db.select().from(s.sfiBreaks).where(eq(s.sfiBreaks.participantId, id)),
    db.select().from(s.consents).where(eq(s.consents.participantId, id)).orderBy(asc(s.consents.givenOn)),
  ]);
  const planRevisions = plans.length
    ? await db.select().from(s.planRevisions).where(inArray(s.planRevisions.planId, plans.map((p) => p.id))).orderBy(asc(s.planRevisions.version))
    : [];
  const outcomeHistory = outcomes.length
    ? await db.select().from(s.outcomeHistory).where(inArray(s.outcomeHistory.outcomeId, outcomes.map((o) => o.id)))
    : [];
  const auditEntries = await db
    .select({ id: s.auditLog.id, at: s.auditLog.at, userId: s.auditLog.userId, userName: s.users.name, action: s.auditLog.action, entityType: s.auditLog.entityType, entityId: s.auditLog.entityId })
    .from(s.auditLog)
    .leftJoin(s.users, eq(s.users.id, s.auditLog.userId))
    .where(concernsParticipant(id))
    .orderBy(asc(s.auditLog.id));
  const names = await referencedNames(db, actor.municipalityId, { participant, skillMappings, plans, planRevisions, activities, followups, outcomes, outcomeHistory, sfiEnrolments, sfiAttendance, sfiResults, sfiBreaks, consents });
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "participant.extract",
    entityType: "participant",
    entityId: id,
    participantId: id,
  });
  return {
    producedAt: new Date().toISOString(),
    participant,
    skillMappings,
    plans,
    planRevisions,
    activities,
    followups,
    outcomes,
    outcomeHistory,
    sfi: { enrolments: sfiEnrolments, attendance: sfiAttendance, results: sfiResults, breaks: sfiBreaks },
    consents,
    auditEntries,
    names,
  };
}
export type RegisterExtract = Awaited<ReturnType<typeof buildRegisterExtract>>;

/** The names of the records the person's data refers to, within the admin's municipality (one query a kind). */
async function referencedNames(db: Executor, municipalityId: string, data: unknown): Promise<ExtractNames> {
  const ids = referencedIds(data);
  const list = (set: Set<string>) => [...set].filter((x) => UUID.test(x));
  const named = (rows: { id: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  const none = Promise.resolve([] as { id: string; name: string }[]);
  const [municipalities, units, users, employers, openings, sfiGroups] = await Promise.all([
    ids.municipalities.has(municipalityId) ? db.select({ id: s.municipalities.id, name: s.municipalities.name }).from(s.municipalities).where(eq(s.municipalities.id, municipalityId)) : none,
    list(ids.units).length ? db.select({ id: s.units.id, name: s.units.name }).from(s.units).where(and(inArray(s.units.id, list(ids.units)), eq(s.units.municipalityId, municipalityId))) : none,
    list(ids.users).length ? db.select({ id: s.users.id, name: s.users.name }).from(s.users).where(and(inArray(s.users.id, list(ids.users)), eq(s.users.municipalityId, municipalityId))) : none,
    list(ids.employers).length ? db.select({ id: s.employers.id, name: s.employers.name }).from(s.employers).where(and(inArray(s.employers.id, list(ids.employers)), eq(s.employers.municipalityId, municipalityId))) : none,
    list(ids.openings).length
      ? db
          .select({ id: s.openings.id, name: sql<string>`${s.openings.occupation} || ', ' || ${s.employers.name}` })
          .from(s.openings)
          .innerJoin(s.employers, eq(s.employers.id, s.openings.employerId))
          .where(and(inArray(s.openings.id, list(ids.openings)), eq(s.openings.municipalityId, municipalityId)))
      : none,
    list(ids.sfiGroups).length
      ? db
          .select({ id: s.sfiGroups.id, name: sql<string>`${s.sfiGroups.name} || ', ' || ${s.sfiGroups.school}` })
          .from(s.sfiGroups)
          .where(and(inArray(s.sfiGroups.id, list(ids.sfiGroups)), eq(s.sfiGroups.municipalityId, municipalityId)))
      : none,
  ]);
  return {
    municipalities: named(municipalities),
    units: named(units),
    users: named(users),
    employers: named(employers),
    openings: named(openings),
    sfiGroups: named(sfiGroups),
  };
}

export interface AuditSummaryRow {
  userName: string | null;
  userId: string | null;
  action: string;
  count: number;
  first: Date;
  last: Date;
}

/**
 * The log's entries about a person, one row per user and action: how often, first and last. A
 * person followed for two years is seen in their coordinator's lists thousands of times; listed
 * one by one that made an extract of megabytes nobody could read. The JSON keeps every entry.
 */
export function summariseAuditEntries(entries: { at: Date; userId: string | null; userName: string | null; action: string }[]): AuditSummaryRow[] {
  const rows = new Map<string, AuditSummaryRow>();
  for (const e of entries) {
    const key = `${e.userId ?? ""}|${e.action}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { userName: e.userName, userId: e.userId, action: e.action, count: 1, first: e.at, last: e.at });
    else {
      row.count++;
      if (e.at < row.first) row.first = e.at;
      if (e.at > row.last) row.last = e.at;
    }
  }
  return [...rows.values()].sort((a, b) => a.first.getTime() - b.first.getTime() || a.action.localeCompare(b.action));
}
