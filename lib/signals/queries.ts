// The facts behind the signals, for every participant of the coordinator's unit in one
// set-based query (no query per person), then the pure rules of rules.ts.
import { and, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { participants, signalSnoozes, units } from "@/db/schema";
import { participantFilter, type MetricFilter } from "@/lib/metrics/indicators";
import { WORKPLACE_TYPES } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";

import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";
import { signalsFor, sortSignals, withoutSnoozed, type ParticipantFacts, type Signal } from "./rules";

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const WORK_OR_STUDY = [...WORKPLACE_TYPES, "yrkes_sfi", "vuxenutbildning", "arbetsmarknadsutbildning", "rekryteringsutbildning", "validering"];

type Raw = Record<string, unknown>;

export async function participantFacts(actor: Actor, asOf: string, db: Executor = getDb(), opts: { onlyMine?: boolean } = {}): Promise<ParticipantFacts[]> {
  return factsWhere(db, asOf, sql`${participantScope(actor)} ${opts.onlyMine ? sql`and participants.coordinator_id = ${actor.id}` : sql``}`, true);
}

/**
 * The facts of every participant matching `where` (over the table `participants`), received by
 * asOf and not closed, in one query. Names only when asked (the worklist shows them; counts don't).
 */
async function factsWhere(db: Executor, asOf: string, where: SQL, withNames: boolean): Promise<(ParticipantFacts & { unitId: string | null })[]> {
  const d = sql`${asOf}::date`;
  const result = await db.execute(sql`
    select participants.id, ${withNames ? sql`participants.first_name || ' ' || participants.last_name` : sql`''`} as name, participants.unit_id, participants.coordinator_id, participants.reception_date, participants.programme_start,
      participants.programme_end, participants.exit_reason, participants.education_level,
      (select min(f.due_date) from followups f where f.participant_id = participants.id and f.status = 'planerad' and f.due_date < ${d}) as overdue_due,
      (select min(f.due_date) from followups f where f.participant_id = participants.id and f.status = 'planerad' and f.due_date >= ${d}) as next_due,
      (select min(a.end_date) from activities a where a.participant_id = participants.id and a.status <> 'planerad'
          and a.end_date between ${d} and ${d} + 14
          and not exists (select 1 from activities b where b.participant_id = participants.id and b.id <> a.id and b.status <> 'avbruten'
                            and coalesce(b.end_date, 'infinity'::date) > a.end_date and b.start_date <= a.end_date + 14)) as ending_without_next,
      exists (select 1 from activities a where a.participant_id = participants.id and a.status <> 'planerad'
          and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d} - 30) as covered,
      (select max(coalesce(a.end_date, a.start_date)) from activities a where a.participant_id = participants.id and a.status <> 'planerad' and a.start_date <= ${d}) as last_end,
      (select min(a.start_date) from activities a where a.participant_id = participants.id and a.type in (${list(WORKPLACE_TYPES)})
          and a.status <> 'planerad' and a.start_date <= ${d}) as first_workplace,
      exists (select 1 from activities a where a.participant_id = participants.id and a.type = 'halsoundersokning') as has_health,
      exists (select 1 from outcomes o where o.participant_id = participants.id and o.kind = 'dag90') as has_outcome,
      exists (select 1 from activities a where a.participant_id = participants.id and a.type in (${list(WORK_OR_STUDY)})
          and a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d}) as work_or_study,
      (select case when sum(s.scheduled_hours) > 0 then sum(least(s.attended_hours, s.scheduled_hours)) / sum(s.scheduled_hours) end
         from sfi_attendance s where s.participant_id = participants.id and s.lesson_date between ${d} - 27 and ${d}) as sfi_share
    from participants
    where ${where} and participants.closed_at is null and participants.reception_date <= ${d}`);
  return toFacts(result, withNames);
}

function toFacts(result: unknown, withNames: boolean): (ParticipantFacts & { unitId: string | null })[] {
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Raw[] }).rows) as Raw[];
  const str = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return rows.map((r) => ({
    participantId: String(r.id),
    name: withNames ? String(r.name) : "",
    unitId: str(r.unit_id),
    coordinatorId: str(r.coordinator_id),
    receptionDate: str(r.reception_date)!,
    programmeStart: str(r.programme_start),
    programmeEnd: str(r.programme_end),
    exitReason: str(r.exit_reason),
    educationLevel: str(r.education_level),
    overdueFollowupDue: str(r.overdue_due),
    nextFollowupDue: str(r.next_due),
    endingWithoutNext: str(r.ending_without_next),
    coveredLast30: Boolean(r.covered),
    lastActivityEnd: str(r.last_end),
    firstWorkplaceStart: str(r.first_workplace),
    hasHealthExam: Boolean(r.has_health),
    hasOutcome90: Boolean(r.has_outcome),
    hasOngoingWorkOrStudy: Boolean(r.work_or_study),
    sfiAttendance: r.sfi_share === null || r.sfi_share === undefined ? null : Number(r.sfi_share),
  }));
}

/** The coordinator's worklist: signals of their unit (own participants first), snoozed ones left out. */
export async function getWorklist(actor: Actor, asOf: string, opts: { onlyMine?: boolean } = {}, db: Executor = getDb()): Promise<Signal[]> {
  if (!hasPermission(actor, "worklist:read") || !actor.unitId) throw new NotFoundError("worklist");
  const [unit] = await db.select().from(units).where(eq(units.id, actor.unitId));
  // The default view (my own participants) is computed for those people only.
  const facts = await participantFacts(actor, asOf, db, { onlyMine: opts.onlyMine });
  const all = facts.flatMap((f) => signalsFor(f, asOf, unit));
  const ids = [...new Set(all.map((s) => s.participantId))];
  const snoozes = ids.length
    ? await db.select({ participantId: signalSnoozes.participantId, signalKey: signalSnoozes.signalKey, until: signalSnoozes.until }).from(signalSnoozes).where(and(inArray(signalSnoozes.participantId, ids), gte(signalSnoozes.until, asOf)))
    : [];
  const visible = sortSignals(withoutSnoozed(all, snoozes, asOf), actor.id).filter((s) => !opts.onlyMine || s.coordinatorId === actor.id);
  if (visible.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { source: "worklist", ids: [...new Set(visible.map((s) => s.participantId))] },
    });
  }
  return visible;
}


/**
 * The same facts as `participantFacts`, for every participant a dashboard filter selects, without
 * names. For a whole municipality, per-person subqueries cost one index probe per person and
 * fact; here each source table is aggregated once, grouped by participant, and joined.
 * (Equal to the per-person query on the demo data: counts.test.ts.)
 */
export async function municipalityFacts(db: Executor, f: MetricFilter): Promise<(ParticipantFacts & { unitId: string | null })[]> {
  const d = sql`${f.asOf}::date`;
  const result = await db.execute(sql`
    with p as (
      select participants.id, participants.unit_id, participants.coordinator_id, participants.reception_date, participants.programme_start,
        participants.programme_end, participants.exit_reason, participants.education_level
      from participants
      where ${participantFilter(f, "participants")} and participants.closed_at is null and participants.reception_date <= ${d}
    ),
    act as (
      select a.participant_id,
        bool_or(a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d} - 30) as covered,
        max(coalesce(a.end_date, a.start_date)) filter (where a.status <> 'planerad' and a.start_date <= ${d}) as last_end,
        min(a.start_date) filter (where a.type in (${list(WORKPLACE_TYPES)}) and a.status <> 'planerad' and a.start_date <= ${d}) as first_workplace,
        bool_or(a.type = 'halsoundersokning') as has_health,
        bool_or(a.type in (${list(WORK_OR_STUDY)}) and a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d}) as work_or_study
      from activities a join p on p.id = a.participant_id
      group by a.participant_id
    ),
    ending as (
      select a.participant_id, min(a.end_date) as ending_without_next
      from activities a join p on p.id = a.participant_id
      where a.status <> 'planerad' and a.end_date between ${d} and ${d} + 14
        and not exists (select 1 from activities b where b.participant_id = a.participant_id and b.id <> a.id and b.status <> 'avbruten'
                          and coalesce(b.end_date, 'infinity'::date) > a.end_date and b.start_date <= a.end_date + 14)
      group by a.participant_id
    ),
    fu as (
      select f.participant_id, min(f.due_date) filter (where f.due_date < ${d}) as overdue_due, min(f.due_date) filter (where f.due_date >= ${d}) as next_due
      from followups f join p on p.id = f.participant_id
      where f.status = 'planerad'
      group by f.participant_id
    ),
    outc as (
      select distinct o.participant_id from outcomes o join p on p.id = o.participant_id where o.kind = 'dag90'
    ),
    sfi as (
      select s.participant_id, case when sum(s.scheduled_hours) > 0 then sum(least(s.attended_hours, s.scheduled_hours)) / sum(s.scheduled_hours) end as sfi_share
      from sfi_attendance s join p on p.id = s.participant_id
      where s.lesson_date between ${d} - 27 and ${d}
      group by s.participant_id
    )
    select p.*, fu.overdue_due, fu.next_due, ending.ending_without_next, coalesce(act.covered, false) as covered, act.last_end, act.first_workplace,
      coalesce(act.has_health, false) as has_health, outc.participant_id is not null as has_outcome, coalesce(act.work_or_study, false) as work_or_study, sfi.sfi_share
    from p
      left join act on act.participant_id = p.id
      left join ending on ending.participant_id = p.id
      left join fu on fu.participant_id = p.id
      left join outc on outc.participant_id = p.id
      left join sfi on sfi.participant_id = p.id`);
  return toFacts(result, false);
}

export interface SignalCount {
  coordinatorId: string | null;
  signals: number;
}

/**
 * Open worklist signals per responsible coordinator (null = nobody responsible), for the
 * dashboard's caseload table: the same facts and pure rules as the worklist, computed for every
 * participant the dashboard's filter selects in one query, with each participant's own unit's
 * thresholds, and snoozed signals left out (one query for all snoozes). Counts only; no names.
 */
export async function signalCountsByCoordinator(db: Executor, f: MetricFilter): Promise<SignalCount[]> {
  return (await openSignalCounts(db, f)).counts;
}

/** Counts of open signals by a key (coordinator, unit). */
export function countOpenSignals<K>(open: OpenSignal[], key: (s: OpenSignal) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const s of open) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  return [...counts];
}

export interface OpenSignal {
  coordinatorId: string | null;
  unitId: string | null;
}

/** Every open (not snoozed) signal of the participants the filter selects, with coordinator and unit. */
export async function openSignals(db: Executor, f: MetricFilter): Promise<OpenSignal[]> {
  const facts = await municipalityFacts(db, f);
  const unitRows = await db
    .select({ id: units.id, noWorkplaceSignalDays: units.noWorkplaceSignalDays, sfiAttendanceThreshold: units.sfiAttendanceThreshold })
    .from(units)
    .where(eq(units.municipalityId, f.municipalityId));
  const byUnit = new Map(unitRows.map((u) => [u.id, u]));
  const defaults = { noWorkplaceSignalDays: 90, sfiAttendanceThreshold: 75 };
  const unitOf = new Map(facts.map((x) => [x.participantId, x.unitId]));
  const all = facts.flatMap((x) => signalsFor(x, f.asOf, (x.unitId && byUnit.get(x.unitId)) || defaults));
  const snoozes = all.length
    ? await db
        .select({ participantId: signalSnoozes.participantId, signalKey: signalSnoozes.signalKey, until: signalSnoozes.until })
        .from(signalSnoozes)
        .innerJoin(participants, eq(participants.id, signalSnoozes.participantId))
        .where(and(eq(participants.municipalityId, f.municipalityId), gte(signalSnoozes.until, f.asOf)))
    : [];
  return withoutSnoozed(all, snoozes, f.asOf).map((s) => ({ coordinatorId: s.coordinatorId, unitId: unitOf.get(s.participantId) ?? null }));
}

/** Open signals counted per coordinator and per unit: what the dashboard shows (and caches). */
export async function openSignalCounts(db: Executor, f: MetricFilter): Promise<{ counts: SignalCount[]; unitCounts: [string | null, number][] }> {
  const open = await openSignals(db, f);
  return {
    counts: countOpenSignals(open, (s) => s.coordinatorId).map(([coordinatorId, signals]) => ({ coordinatorId, signals })),
    unitCounts: countOpenSignals(open, (s) => s.unitId),
  };
}
