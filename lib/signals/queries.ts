// The facts behind the signals, for every participant of the coordinator's unit in one
// set-based query (no query per person), then the pure rules of rules.ts.
import { and, eq, gte, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { participants, signalSnoozes, units } from "@/db/schema";
import { participantFilter, type MetricFilter } from "@/lib/metrics/sql";
import { WORKPLACE_TYPES } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/commands";
import { keptWhileUnchanged } from "@/lib/metrics/cache";
import { pageWindow } from "@/lib/paging";
import { hasPermission, type Actor } from "@/lib/auth/permissions";

import { NotFoundError } from "@/lib/errors";
import { preparedScope } from "@/lib/participants/scope";
import { preparedOnce, preparedRaw } from "@/db/prepared";
import { resultRows } from "@/db/json";
import { signalsFor, snoozedKeys, sortSignals, withoutSnoozed, type ParticipantFacts, type Signal } from "./rules";

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const WORK_OR_STUDY = [...WORKPLACE_TYPES, "yrkes_sfi", "vuxenutbildning", "arbetsmarknadsutbildning", "rekryteringsutbildning", "validering"];

export async function participantFacts(actor: Actor, asOf: string, db: Executor = getDb(), opts: { onlyMine?: boolean } = {}): Promise<WorklistFacts[]> {
  const scope = preparedScope(actor);
  // Its text built once per shape (db/prepared.ts): building it on every view cost the worklist more
  // of the server's time than anything else it does before rendering. A prepared statement in
  // PostgreSQL like every parameterized one (db/client.ts): planning it cost twice its run.
  const result = await preparedRaw(db, `participant_facts:${scope.key}:${opts.onlyMine ? "mine" : "unit"}`, () =>
    factsQuery(sql`${scope.where()} ${opts.onlyMine ? sql`and participants.coordinator_id = ${sql.placeholder("me")}` : sql``}`),
  ).execute({ ...scope.values, asOf, me: actor.id });
  const rows = resultRows(result);
  return toFacts(rows, true).map((f, i) => ({ ...f, snoozed: typeof rows[i].snoozed === "string" ? rows[i].snoozed.split(",") : [] }));
}

/** A person's facts with the keys of their signals that are snoozed on the day asked for. */
export type WorklistFacts = ParticipantFacts & { unitId: string | null; snoozed: string[] };

/**
 * The facts of every participant matching `where` (over the table `participants`), received by
 * the placeholder asOf and not closed, in one query, with their names and the keys of their
 * signals snoozed until asOf or later (one index probe a person in signal_snoozes_uq, instead of
 * a second statement with a parameter for every person).
 */
function factsQuery(where: SQL): SQL {
  const d = sql`${sql.placeholder("asOf")}::date`;
  return sql`
    select participants.id, participants.first_name || ' ' || participants.last_name as name, participants.unit_id, participants.coordinator_id, participants.reception_date, participants.programme_start,
      participants.programme_end, participants.exit_reason, participants.education_level,
      fu.overdue_due, fu.next_due,
      (select min(a.end_date) from activities a where a.participant_id = participants.id and a.status <> 'planerad'
          and a.end_date between ${d} and ${d} + 14
          and not exists (select 1 from activities b where b.participant_id = participants.id and b.id <> a.id and b.status <> 'avbruten'
                            and coalesce(b.end_date, 'infinity'::date) > a.end_date and b.start_date <= a.end_date + 14)) as ending_without_next,
      coalesce(act.covered, false) as covered, act.last_end, act.first_workplace, coalesce(act.has_health, false) as has_health,
      -- A probe a person (outcomes_participant_kind_uq): as an exists, PostgreSQL hashes every outcome
      -- of the database once it expects more than a few hundred people (a unit's whole list: 20 ms of 80).
      coalesce((select true from outcomes o where o.participant_id = participants.id and o.kind = 'dag90' limit 1), false) as has_outcome,
      coalesce(act.work_or_study, false) as work_or_study,
      (select case when sum(s.scheduled_hours) > 0 then sum(least(s.attended_hours, s.scheduled_hours)) / sum(s.scheduled_hours) end
         from sfi_attendance s where s.participant_id = participants.id and s.lesson_date between ${d} - 27 and ${d}) as sfi_share,
      (select string_agg(z.signal_key, ',') from signal_snoozes z where z.participant_id = participants.id and z.until >= ${d}) as snoozed
    from participants
    -- A person's planned follow-ups and activities are each read once (one index range per person),
    -- every fact of them an aggregate with its own condition.
    left join lateral (
      select min(f.due_date) filter (where f.due_date < ${d}) as overdue_due, min(f.due_date) filter (where f.due_date >= ${d}) as next_due
      from followups f where f.participant_id = participants.id and f.status = 'planerad') fu on true
    left join lateral (
      select bool_or(a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d} - 30) as covered,
        max(coalesce(a.end_date, a.start_date)) filter (where a.status <> 'planerad' and a.start_date <= ${d}) as last_end,
        min(a.start_date) filter (where a.type in (${list(WORKPLACE_TYPES)}) and a.status <> 'planerad' and a.start_date <= ${d}) as first_workplace,
        bool_or(a.type = 'halsoundersokning') as has_health,
        bool_or(a.type in (${list(WORK_OR_STUDY)}) and a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d}) as work_or_study
      from activities a where a.participant_id = participants.id) act on true
    where ${where} and participants.closed_at is null and participants.reception_date <= ${d}`;
}

function toFacts(result: unknown, withNames: boolean): (ParticipantFacts & { unitId: string | null })[] {
  const rows = resultRows(result);
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

/** Signals a page of the worklist shows. A coordinator's own list is usually one page. */
export const WORKLIST_PAGE_SIZE = 50;

export interface WorklistPage {
  signals: Signal[];
  /** Every visible signal of the view, over all pages. */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

/**
 * The coordinator's worklist: signals of their unit (own participants first), snoozed ones left
 * out, one page of them. A unit's whole list runs to thousands of signals at scale (1 571 for a
 * unit of 2 000 people in the benchmark, a page of 1 MB); the order is computed over all of them,
 * and only the page is returned and audited as read. A page past the last shows the last.
 */
export async function getWorklist(
  actor: Actor,
  asOf: string,
  opts: { onlyMine?: boolean; page?: number; pageSize?: number } = {},
  db: Executor = getDb(),
): Promise<WorklistPage> {
  if (!hasPermission(actor, "worklist:read") || !actor.unitId) throw new NotFoundError("worklist");
  // The default view (my own participants) is computed for those people only, on every view. The
  // whole unit's list (2 000 people and 1 500 signals at scale, ~100 ms) is computed once a data
  // version and kept in memory for its next pages and the unit's other coordinators.
  const scope = preparedScope(actor);
  const all = opts.onlyMine
    ? await openSignals(actor, asOf, db, true)
    : await keptWhileUnchanged(db, actor.municipalityId, `worklist:${scope.key}:${JSON.stringify(scope.values)}:${asOf}`, () => openSignals(actor, asOf, db, false));
  const visible = sortSignals(all, actor.id).filter((s) => !opts.onlyMine || s.coordinatorId === actor.id);
  const { page, pages, pageSize, offset } = pageWindow(visible.length, opts.page, opts.pageSize ?? WORKLIST_PAGE_SIZE);
  const signals = visible.slice(offset, offset + pageSize);
  if (signals.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { source: "worklist", ids: [...new Set(signals.map((s) => s.participantId))] },
    });
  }
  return { signals, total: visible.length, page, pages, pageSize };
}

/** The open (not snoozed) signals of the actor's unit, or of their own people in it, unordered. */
async function openSignals(actor: Actor, asOf: string, db: Executor, onlyMine: boolean): Promise<Signal[]> {
  const [unit] = await preparedOnce(db, "worklist_unit", () => db.select().from(units).where(eq(units.id, sql.placeholder("unit")))).execute({ unit: actor.unitId });
  const facts = await participantFacts(actor, asOf, db, { onlyMine });
  return facts.flatMap((f) => signalsFor(f, asOf, unit).filter((s) => !f.snoozed.includes(s.key)));
}

/**
 * The same facts as `participantFacts`, for every participant a dashboard filter selects, without
 * names. For a whole municipality, per-person subqueries cost one index probe per person and
 * fact; here each source table is aggregated once, grouped by participant, and joined.
 * (Equal to the per-person query on the demo data: counts.test.ts.)
 */
export async function municipalityFacts(db: Executor, f: MetricFilter): Promise<(ParticipantFacts & { unitId: string | null })[]> {
  return toFacts(await db.execute(municipalityFactsQuery(f)), false);
}

function municipalityFactsQuery(f: MetricFilter): SQL {
  const d = sql`${f.asOf}::date`;
  return sql`
    with p as (
      select participants.id, participants.unit_id, participants.coordinator_id, participants.reception_date, participants.programme_start,
        participants.programme_end, participants.exit_reason, participants.education_level, participants.settlement, participants.track
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
      left join sfi on sfi.participant_id = p.id`;
}

export interface SignalCount {
  coordinatorId: string | null;
  signals: number;
}

/** Participants fetched from the cursor at a time when counting a municipality's open signals. */
const SIGNAL_PAGE_SIZE = 5000;

/**
 * Open signals counted per group of participants alike in everything the dashboard filters on
 * besides the date: [coordinator, unit, education level, settlement, track, signals]. A few tens of
 * thousands of groups for a region of 200 000 people.
 */
export type SignalGroup = [coordinatorId: string | null, unitId: string | null, educationLevel: string | null, settlement: string | null, track: string | null, signals: number];

/**
 * Every open (not snoozed) signal of the participants the filter selects, counted per group: the
 * same facts and pure rules as the worklist, with each participant's own unit's thresholds. The
 * facts are fetched from a cursor a page of participants at a time and only the counts are kept,
 * so memory stays flat however many people the municipality has.
 */
export async function openSignalGroups(db: Executor, f: MetricFilter, pageSize = SIGNAL_PAGE_SIZE): Promise<SignalGroup[]> {
  const unitRows = await db
    .select({ id: units.id, noWorkplaceSignalDays: units.noWorkplaceSignalDays, sfiAttendanceThreshold: units.sfiAttendanceThreshold })
    .from(units)
    .where(eq(units.municipalityId, f.municipalityId));
  const byUnit = new Map(unitRows.map((u) => [u.id, u]));
  const defaults = { noWorkplaceSignalDays: 90, sfiAttendanceThreshold: 75 };
  const snoozes = snoozedKeys(
    await db
      .select({ participantId: signalSnoozes.participantId, signalKey: signalSnoozes.signalKey, until: signalSnoozes.until })
      .from(signalSnoozes)
      .innerJoin(participants, eq(participants.id, signalSnoozes.participantId))
      .where(and(eq(participants.municipalityId, f.municipalityId), gte(signalSnoozes.until, f.asOf))),
    f.asOf,
  );
  const groups = new Map<string, SignalGroup>();
  const size = Math.max(1, Math.floor(pageSize));
  // One query, read through a cursor (the plan of the whole query, not one per page).
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local cursor_tuple_fraction = 1`);
    await tx.execute(sql`declare signal_facts no scroll cursor for ${municipalityFactsQuery(f)}`);
    for (;;) {
      const result = await tx.execute(sql.raw(`fetch forward ${size} from signal_facts`));
      const raw = resultRows(result);
      const facts = toFacts(result, false);
      facts.forEach((x, i) => {
        const open = withoutSnoozed(signalsFor(x, f.asOf, (x.unitId && byUnit.get(x.unitId)) || defaults), snoozes, f.asOf).length;
        if (open === 0) return;
        const settlement = (raw[i].settlement as string | null) ?? null;
        const track = (raw[i].track as string | null) ?? null;
        const key = `${x.coordinatorId}|${x.unitId}|${x.educationLevel}|${settlement}|${track}`;
        const g = groups.get(key);
        if (g) g[5] += open;
        else groups.set(key, [x.coordinatorId, x.unitId, x.educationLevel, settlement, track, open]);
      });
      if (facts.length < size) break;
    }
    await tx.execute(sql`close signal_facts`);
  });
  return [...groups.values()];
}

/** The groups a dashboard filter selects, counted per coordinator and per unit. */
export function countSignalGroups(groups: SignalGroup[], f: MetricFilter): { counts: SignalCount[]; unitCounts: [string | null, number][] } {
  const byCoordinator = new Map<string | null, number>();
  const byUnit = new Map<string | null, number>();
  for (const [coordinatorId, unitId, educationLevel, settlement, track, n] of groups) {
    if (f.unitId && unitId !== f.unitId) continue;
    if (f.coordinatorId && coordinatorId !== f.coordinatorId) continue;
    if (f.educationLevel && educationLevel !== f.educationLevel) continue;
    if (f.settlement && settlement !== f.settlement) continue;
    if (f.track && track !== f.track) continue;
    byCoordinator.set(coordinatorId, (byCoordinator.get(coordinatorId) ?? 0) + n);
    byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + n);
  }
  return { counts: [...byCoordinator].map(([coordinatorId, signals]) => ({ coordinatorId, signals })), unitCounts: [...byUnit] };
}
