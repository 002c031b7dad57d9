// Reads of participants, always scoped to what the user may see, and audited.
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, lte, gt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { frozen, jsonList, listFromJson } from "@/db/json";
import { activities, auditLog, followups, participantHistoryActionsSql, participants, skillMappings, users } from "@/db/schema";
import type { TRACKS } from "@/db/schema/enums";
import { todayIso } from "@/lib/dates";
import { parsePersonnummer } from "@/lib/validation/personnummer";
import { changedParts, type ParticipantStatus, type SkillMappingData } from "./schema";
import { writeAudit } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope, preparedIntakeScope, preparedScope, scopedParticipantRow } from "./scope";
import { preparedOnce } from "@/db/prepared";
import { foldName } from "./search";
import { escapeLike } from "@/lib/paging";

export interface ParticipantListOptions {
  q?: string;
  page?: number;
  pageSize?: number;
  status?: ParticipantStatus;
  track?: (typeof TRACKS)[number];
  coordinatorId?: string;
  /** "As of" day for the status filter; today by default. */
  today?: string;
  /** name: "mine" first, then by name (default); reception: longest since reception first; end: programme ending soonest first. */
  sort?: ParticipantSort;
  /**
   * The list "Ej tilldelade" instead of the unit's: the municipality's people without a unit
   * (lib/participants/scope.ts intakeScope), each with its version for taking the case on.
   */
  intake?: boolean;
}

export const PARTICIPANT_SORTS = ["name", "reception", "end"] as const;

/**
 * The caseload's link to "Ej tilldelade" counts its people up to this many and then says "more":
 * a first import of a whole caseload without coordinators leaves tens of thousands there, and every
 * coordinator's every view of the caseload would count them all.
 */
export const UNASSIGNED_COUNT_CAP = 1000;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** What a row of the list shows beside the person: ongoing activities and the next planned follow-up. */
export interface ListExtras {
  current: string[];
  nextFollowup: string | null;
}

/**
 * The list statuses: closed (closed_at set), after the programme (programme_end passed), in the
 * programme (started, not ended), new (programme not started yet).
 */
export function statusCondition(status: ParticipantStatus, today: string | SQLWrapper): SQL {
  const open = isNull(participants.closedAt);
  switch (status) {
    case "avslutad":
      return isNotNull(participants.closedAt);
    case "efter_program":
      return and(open, isNotNull(participants.programmeEnd), lte(participants.programmeEnd, today))!;
    case "i_program":
      return and(open, isNotNull(participants.programmeStart), lte(participants.programmeStart, today), or(isNull(participants.programmeEnd), gt(participants.programmeEnd, today)))!;
    case "ny":
      return and(open, or(isNull(participants.programmeStart), gt(participants.programmeStart, today)), or(isNull(participants.programmeEnd), gt(participants.programmeEnd, today)))!;
  }
}

export async function listParticipants(actor: Actor, opts: ParticipantListOptions = {}, db: Executor = getDb()) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 200);
  const page = Math.max(opts.page ?? 1, 1);
  const q = opts.q?.trim();
  // (People without a unit have no coordinator of the unit to filter by.)
  const coordinatorId = !opts.intake && opts.coordinatorId && /^[0-9a-f-]{36}$/i.test(opts.coordinatorId) ? opts.coordinatorId : undefined;
  const scope = opts.intake ? preparedIntakeScope(actor) : preparedScope(actor);
  // How many are in "Ej tilldelade", for the caseload's link to it: in the count's statement, an
  // index-only look at the unit-less entries of participants_unit_list_idx (unit_id is null), at
  // most UNASSIGNED_COUNT_CAP + 1 of them.
  const intake = opts.intake ? null : preparedIntakeScope(actor);
  // Both statements are prepared once per shape of the query (db/prepared.ts): which filters it
  // has and its order decide the text; the values go in as placeholders.
  const shape = `${scope.key}:${q ? "q" : ""}:${opts.status ?? ""}:${opts.track ? "t" : ""}:${coordinatorId ? "c" : ""}`;
  const where = () => {
    const all = [scope.where()];
    if (q) all.push(or(ilike(participants.searchName, sql.placeholder("prefix")), ilike(participants.searchName, sql.placeholder("word")))!);
    if (opts.status) all.push(statusCondition(opts.status, sql.placeholder("today")));
    if (opts.track) all.push(eq(participants.track, sql.placeholder("track")));
    if (coordinatorId) all.push(eq(participants.coordinatorId, sql.placeholder("coordinator")));
    return and(...all);
  };
  const escaped = q ? escapeLike(foldName(q)) : "";
  const values = {
    ...scope.values,
    ...(q ? { prefix: `${escaped}%`, word: `% ${escaped}%` } : {}),
    ...(opts.track ? { track: opts.track } : {}),
    ...(coordinatorId ? { coordinator: coordinatorId } : {}),
    today: opts.today ?? todayIso(),
  };
  // The page is chosen from the participants alone (an index-only scan of the unit's list index and
  // a top-N sort), and only its rows are joined to their coordinator's name: joined before the sort,
  // every user of the municipality was hashed for every page (half the query's time at 2 000 people
  // per unit).
  const rows = await preparedOnce(db, `participants_list:${shape}:${opts.sort ?? "name"}`, () => {
    const mine = sql<boolean>`coalesce(${participants.coordinatorId} = ${sql.placeholder("me")}, false)`;
    const page_ = db
      .select({
        id: participants.id,
        firstName: participants.firstName,
        lastName: participants.lastName,
        birthDate: participants.birthDate,
        gender: participants.gender,
        receptionDate: participants.receptionDate,
        programmeStart: participants.programmeStart,
        programmeEnd: participants.programmeEnd,
        track: participants.track,
        coordinatorId: participants.coordinatorId,
        // "Mine" first, then by name.
        mine: mine.as("mine"),
      })
      .from(participants)
      .where(where())
      .orderBy(...listOrder(opts.sort, participants, mine))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .as("page");
    return db
      .select({
        id: page_.id,
        firstName: page_.firstName,
        lastName: page_.lastName,
        birthDate: page_.birthDate,
        gender: page_.gender,
        receptionDate: page_.receptionDate,
        programmeStart: page_.programmeStart,
        programmeEnd: page_.programmeEnd,
        track: page_.track,
        coordinatorId: page_.coordinatorId,
        coordinatorName: users.name,
        ...listExtras(page_.id, sql.placeholder("today")),
        // Taking a case from "Ej tilldelade" names the version seen; read for the page's rows only,
        // so the page is still chosen from the list index alone.
        ...(opts.intake ? { version: sql<number>`(select v.version from ${participants} v where v.id = ${page_.id})`.as("version") } : {}),
      })
      .from(page_)
      .leftJoin(users, eq(users.id, page_.coordinatorId))
      .orderBy(...listOrder(opts.sort, page_, page_.mine));
  }).execute({ ...values, me: actor.id, limit: pageSize, offset: (page - 1) * pageSize });
  const [counted] = await preparedOnce(db, `participants_count:${shape}:${intake?.key ?? ""}`, () =>
    db
      .select({
        total: count(),
        unassigned:
          intake && intake.key !== "none"
            ? sql<number>`(select count(*) from (select 1 from ${participants} u where u.municipality_id = ${sql.placeholder("intakeMunicipality")} and u.unit_id is null
                and u.deleted_at is null and u.erased_at is null limit ${UNASSIGNED_COUNT_CAP + 1}) x)`.mapWith(Number)
            : sql<number>`0`.mapWith(Number),
      })
      .from(participants)
      .where(where()),
  ).execute({ ...values, ...intake?.values });
  const total = counted.total;
  if (rows.length > 0) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      // list: which list was read, "intake" for "Ej tilldelade" (left out for the unit's).
      details: { ids: rows.map((r) => r.id), query: q ? "name" : null, list: opts.intake ? "intake" : undefined },
    });
  }
  /** unassigned: how many are in "Ej tilldelade" (for the list itself, its total; else at most UNASSIGNED_COUNT_CAP + 1, meaning more). */
  return { rows, total, page, pageSize, unassigned: opts.intake ? total : counted.unassigned };
}

/** The list's order: by reception date, by programme end, or "mine" first; then by name and id. */
function listOrder(
  sort: ParticipantListOptions["sort"],
  t: { receptionDate: unknown; programmeEnd: unknown; lastName: unknown; firstName: unknown; id: unknown },
  mine: unknown,
): SQL[] {
  const first =
    sort === "reception" ? sql`${t.receptionDate} asc` : sort === "end" ? sql`${t.programmeEnd} asc nulls last` : sql`${mine} desc`;
  return [first, sql`${t.lastName} asc`, sql`${t.firstName} asc`, sql`${t.id} asc`];
}

/**
 * For each row of a page of the list (subqueries of its 25 rows, in the same statement): the types
 * of its ongoing activities, the earliest begun first, and its next planned follow-up.
 */
function listExtras(id: SQLWrapper, today: string | SQLWrapper) {
  return {
    current: sql<ListExtras["current"]>`(select coalesce(json_agg(t.type order by t.first, t.type::text collate "C"), '[]'::json) from (
      select ${activities.type} as type, min(${activities.startDate}) as first from ${activities}
      where ${activities.participantId} = ${id} and ${activities.status} = 'pagaende' and ${activities.startDate} <= ${today}
        and (${activities.endDate} is null or ${activities.endDate} >= ${today})
      group by ${activities.type}) t)`.as("current"),
    nextFollowup: sql<string | null>`(select min(${followups.dueDate}) from ${followups} where ${followups.participantId} = ${id} and ${followups.status} = 'planerad')`.as("next_followup"),
  };
}

export async function getParticipant(actor: Actor, id: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("participant");
  const scope = preparedScope(actor);
  const [row] = await preparedOnce(db, `participant_by_id:${scope.key}`, () =>
    db
      .select()
      .from(participants)
      .where(and(eq(participants.id, sql.placeholder("id")), scope.where()))
      .limit(1),
  ).execute({ ...scope.values, id });
  if (!row) throw new NotFoundError("participant");
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "participant.read",
    entityType: "participant",
    entityId: row.id,
    participantId: row.id,
  });
  return row;
}

/** The active coordinators of the user's unit: who a participant can be handed over to. */
export async function listUnitCoordinators(actor: Actor, db: Executor = getDb()) {
  if (actor.role !== "coordinator" || !actor.unitId) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.municipalityId, actor.municipalityId), eq(users.unitId, actor.unitId), eq(users.role, "coordinator"), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** Exact personnummer search within what the user may see. The number is never audited. */
export async function findByPersonnummer(actor: Actor, raw: string, db: Executor = getDb()) {
  const parsed = parsePersonnummer(raw);
  if (!parsed.ok) return [];
  const rows = await db
    .select({ id: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate })
    .from(participants)
    .where(and(participantScope(actor), eq(participants.personnummer, parsed.value)));
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "participant.list",
    entityType: "participant",
    details: { ids: rows.map((r) => r.id), query: "personnummer" },
  });
  return rows;
}

const mappingFields = {
  id: skillMappings.id,
  version: skillMappings.version,
  data: skillMappings.data,
  createdAt: skillMappings.createdAt,
  createdByName: sql<string | null>`${users.name}`,
};
const mappingSelect = frozen(
  sql`${jsonList(mappingFields, sql`from ${skillMappings} left join ${users} on ${users.id} = ${skillMappings.createdBy} where ${skillMappings.participantId} = ${participants.id}`, [asc(skillMappings.version)])} as "versions"`,
);

/** The current kartläggning and every earlier version, newest first, with what each changed. */
export async function getSkillMappings(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  // One statement: the scope check and the versions as its subquery.
  const p = await scopedParticipantRow(db, actor, "skill_mappings", () => mappingSelect, participantId);
  if (!p) throw new NotFoundError("participant");
  const rows = listFromJson(mappingFields, p.versions);
  const versions = rows.map((r, i) => ({
    ...r,
    data: r.data as SkillMappingData,
    changed: changedParts(i === 0 ? null : (rows[i - 1].data as SkillMappingData), r.data as SkillMappingData),
  }));
  if (versions.length > 0) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "skillmapping.read",
      entityType: "skill_mapping",
      participantId,
      details: { versions: versions.length },
    });
  }
  const history = versions.reverse();
  return { current: history[0] ?? null, history };
}

const historyFields = { id: auditLog.id, at: auditLog.at, action: auditLog.action, details: auditLog.details, userName: sql<string | null>`${users.name}` };
const historySelect = frozen(
  sql`${jsonList(
    historyFields,
    sql`from ${auditLog} left join ${users} on ${users.id} = ${auditLog.userId}
      where ${auditLog.participantId} = ${participants.id} and ${auditLog.municipalityId} = ${participants.municipalityId} and ${participantHistoryActionsSql}`,
    [desc(auditLog.at), desc(auditLog.id)],
    100,
  )} as "history"`,
);

/**
 * Who changed what on the participant, and when: from the audit log, newest first (the latest
 * 100). One statement: the scope check and the history as its subquery.
 */
export async function getParticipantHistory(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  const p = await scopedParticipantRow(db, actor, "participant_history", () => historySelect, participantId);
  if (!p) throw new NotFoundError("participant");
  return listFromJson(historyFields, p.history);
}

/** The history's statement with its values written in, as getParticipantHistory runs it (for its plan's test). */
export function participantHistoryStatement(actor: Actor, participantId: string): SQL {
  return sql`select ${historySelect} from ${participants} where ${and(eq(participants.id, participantId), participantScope(actor))}`;
}
