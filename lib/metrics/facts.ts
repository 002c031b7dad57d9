// Every participant's facts for the key figures, computed once per municipality, as-of date and
// data version (a "snapshot") and kept in metric_facts. Each figure is then an aggregate over the
// snapshot's rows with the dashboard's filter applied (lib/metrics/indicators.ts, extra.ts,
// more.ts), so a filter combination nobody has asked for yet costs a pass over one narrow row per
// person instead of one over every activity, follow-up and sfi result. The dashboard, its exports
// and `npm run report` all read the figures this way: there is one implementation of each.
//
// A snapshot is right while the data version (lib/metrics/cache.ts) stays the one it was started
// at. One computed while another connection had a write in progress may miss that write, so it is
// trusted for BUSY_MAX_AGE_MS only. The dashboard may show the previous snapshot, marked stale,
// while a new one is computed (STALE_WHILE_COMPUTING in dashboard.ts).
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { WORKPLACE_TYPES } from "@/db/schema/enums";
import { countSignalGroups, openSignalGroups, type SignalCount, type SignalGroup } from "@/lib/signals/queries";
import { dataVersion, filterKey, inTimeOrStale, isTransaction, writerBusy, BUSY_MAX_AGE_MS, type CacheOptions } from "./cache";
import { narrowing, rows, type MetricFilter } from "./sql";

const WORKPLACE_LIST = sql.join(
  WORKPLACE_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

export interface Snapshot {
  id: number;
  municipalityId: string;
  asOf: string;
  dataVersion: string;
  /** When its computation started (ms since the epoch): the figures show the data as of then. */
  computedAt: number;
  /** The data has changed since; a newer snapshot is being computed. */
  stale: boolean;
}

/** The participants a filter selects within a snapshot (`p` is metric_facts). */
export function factFilter(f: MetricFilter, snapshot: Pick<Snapshot, "id">, alias = "p"): SQL {
  const p = sql.raw(alias);
  return sql.join([sql`${p}.snapshot_id = ${snapshot.id}`, ...narrowing(f, p)], sql` and `);
}

/**
 * Writes the facts of every participant of the municipality (not deleted or erased) as of asOf.
 * Each source is read once for the whole municipality (no probe per person); definitions in
 * lib/metrics/INDICATORS.md.
 */
async function writeFacts(db: Executor, snapshotId: number, municipalityId: string, asOfIso: string): Promise<number> {
  const asOf = sql`${asOfIso}::date`;
  const result = await db.execute(sql`
    insert into metric_facts (snapshot_id, participant_id, unit_id, coordinator_id, gender, education_level, settlement, track,
      reception_date, programme_end, exit_reason_missing, outcome90, first_workplace, idle, in_workplace, sfi_now,
      first_sfi, sfi_passed, sfi_interrupted, sfi_break_reason, health_offered, health_completed, gaps, programme_types)
    with pop as materialized (
      select p.id, p.unit_id, p.coordinator_id, p.gender::text as gender, p.education_level::text as education_level,
             p.settlement::text as settlement, p.track::text as track, p.reception_date, p.programme_end, p.exit_reason
        from participants p
       where p.municipality_id = ${municipalityId} and p.deleted_at is null and p.erased_at is null
    ), ordered as (
      -- Activities that have happened (not planned, started by asOf), each against the latest end
      -- among the person's earlier ones (in start order, ties by id; an open end or one after asOf
      -- counts as asOf): one window over one sort.
      select a.participant_id, a.type, a.start_date, a.end_date,
             max(coalesce(least(a.end_date, ${asOf}), ${asOf}))
               over (partition by a.participant_id order by a.start_date, a.id rows between unbounded preceding and 1 preceding) as prev_end
        from activities a
       where a.municipality_id = ${municipalityId} and a.status <> 'planerad' and a.start_date <= ${asOf}
    ), act as (
      select participant_id,
             min(start_date) filter (where type in (${WORKPLACE_LIST})) as first_workplace,
             bool_or(coalesce(end_date, ${asOf}) >= ${asOf} - 30) as recent,
             bool_or(type in (${WORKPLACE_LIST}) and coalesce(end_date, ${asOf}) >= ${asOf}) as in_workplace,
             bool_or(type in ('sfi', 'yrkes_sfi') and coalesce(end_date, ${asOf}) >= ${asOf}) as sfi_now,
             min(start_date) filter (where type = 'sfi') as first_sfi_activity,
             array_agg(greatest(0, start_date - prev_end) order by start_date) filter (where prev_end is not null) as gaps
        from ordered
       group by participant_id
    ), first_sfi as materialized (
      select x.participant_id, min(x.start_date) as first_start
        from (
          select e.participant_id, e.start_date from sfi_enrolments e join pop on pop.id = e.participant_id where e.start_date <= ${asOf}
          union all
          select participant_id, first_sfi_activity from act where first_sfi_activity is not null
        ) x
       group by x.participant_id
    ), passed as (
      select distinct r.participant_id from sfi_results r join first_sfi s on s.participant_id = r.participant_id
       where r.kind = 'kursbetyg' and r.grade in ('A','B','C','D','E')
         and ((r.study_path = 1 and r.course = 'B') or (r.study_path = 2 and r.course = 'C') or (r.study_path = 3 and r.course = 'D'))
         and r.result_date <= s.first_start + interval '2 years' and r.result_date <= ${asOf}
    ), first_break as (
      select distinct on (b.participant_id) b.participant_id, b.reason::text as reason from sfi_breaks b join first_sfi s on s.participant_id = b.participant_id
       where b.kind = 'avbrott' and b.from_date <= s.first_start + interval '2 years' and b.from_date <= ${asOf}
       order by b.participant_id, b.from_date
    ), exam as (
      -- A health examination of any status dated within 60 days of reception (and by asOf).
      select a.participant_id, bool_or(a.status = 'avslutad' or a.details->>'healthStatus' = 'genomford') as completed
        from activities a join pop on pop.id = a.participant_id
       where a.municipality_id = ${municipalityId} and a.type = 'halsoundersokning'
         and a.start_date <= pop.reception_date + 60 and a.start_date <= ${asOf}
       group by a.participant_id
    ), had as (
      -- Those who have left by asOf: the types of activity they had in the programme (not only
      -- planned, started by its end).
      select a.participant_id, array_agg(distinct a.type::text order by a.type::text) as types
        from activities a join pop on pop.id = a.participant_id
       where a.municipality_id = ${municipalityId} and pop.programme_end <= ${asOf} and a.status <> 'planerad'
         and a.start_date <= pop.programme_end
       group by a.participant_id
    )
    select ${snapshotId}::bigint, pop.id, pop.unit_id, pop.coordinator_id, pop.gender, pop.education_level, pop.settlement, pop.track,
           pop.reception_date, pop.programme_end, pop.exit_reason is null, o.status::text, act.first_workplace,
           act.recent is not true, coalesce(act.in_workplace, false), coalesce(act.sfi_now, false),
           first_sfi.first_start, passed.participant_id is not null, first_break.participant_id is not null, first_break.reason,
           exam.participant_id is not null, coalesce(exam.completed, false), act.gaps,
           case when pop.programme_end <= ${asOf} then coalesce(had.types, '{}') end
      from pop
      left join act on act.participant_id = pop.id
      left join outcomes o on o.participant_id = pop.id and o.kind = 'dag90' and o.recorded_date <= ${asOf}
      left join first_sfi on first_sfi.participant_id = pop.id
      left join passed on passed.participant_id = pop.id
      left join first_break on first_break.participant_id = pop.id
      left join exam on exam.participant_id = pop.id
      left join had on had.participant_id = pop.id`);
  return affectedRows(result);
}

/** The number of rows a write touched, on either driver. */
function affectedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return Number(r.count ?? r.affectedRows ?? 0);
}

/** Snapshots this large are followed by ANALYZE. */
const ANALYZE_AFTER_FACTS = 5_000;

interface SnapshotRow {
  id: number;
  dataVersion: string;
  trusted: boolean;
  startedAt: number;
  completedAt: number;
}

async function latestSnapshot(db: Executor, municipalityId: string, asOf: string): Promise<SnapshotRow | undefined> {
  const [r] = await rows(
    db,
    sql`select id, data_version::text as version, trusted, started_at, completed_at from metric_snapshots
         where municipality_id = ${municipalityId} and as_of = ${asOf}::date and completed_at is not null
         order by id desc limit 1`,
  );
  if (!r) return undefined;
  return {
    id: Number(r.id),
    dataVersion: String(r.version),
    trusted: Boolean(r.trusted),
    startedAt: new Date(r.started_at as string).getTime(),
    completedAt: new Date(r.completed_at as string).getTime(),
  };
}

/**
 * A snapshot by id, if it is still kept and is of this municipality and date (an export of what a
 * page showed); `stale` when the data has changed since it was started.
 */
export async function snapshotById(db: Executor, id: number, municipalityId: string, asOf: string): Promise<Snapshot | undefined> {
  const [r] = await rows(
    db,
    sql`select id, data_version::text as version, started_at from metric_snapshots
         where id = ${id} and municipality_id = ${municipalityId} and as_of = ${asOf}::date and completed_at is not null`,
  );
  if (!r) return undefined;
  const version = String(r.version);
  return { id: Number(r.id), municipalityId, asOf, dataVersion: version, computedAt: new Date(r.started_at as string).getTime(), stale: version !== (await dataVersion(db, municipalityId)) };
}

// The signal groups of the last snapshots read (they never change once written; a few MB each at
// regional scale, so only a few are kept).
// Per database handle: snapshot ids are numbered per database (tests open many in one process).
const parsedGroupsOf = new WeakMap<object, Map<number, SignalGroup[]>>();
function groupsStore(db: Executor): Map<number, SignalGroup[]> {
  let m = parsedGroupsOf.get(db);
  if (!m) parsedGroupsOf.set(db, (m = new Map()));
  return m;
}
function keepGroups(db: Executor, id: number, groups: SignalGroup[]) {
  const parsedGroups = groupsStore(db);
  parsedGroups.set(id, groups);
  while (parsedGroups.size > 4) parsedGroups.delete(parsedGroups.keys().next().value!);
}

/** The open signals of a snapshot in groups of alike participants, read when first needed. */
async function signalGroupsOf(db: Executor, snap: Snapshot): Promise<SignalGroup[]> {
  const known = groupsStore(db).get(snap.id);
  if (known) return known;
  const [r] = await rows(db, sql`select signal_groups from metric_snapshots where id = ${snap.id}`);
  if (!r) throw new Error("metrics: the snapshot has been removed");
  const groups = JSON.parse(String(r.signal_groups ?? "[]")) as SignalGroup[];
  keepGroups(db, snap.id, groups);
  return groups;
}

function asSnapshot(row: SnapshotRow, municipalityId: string, asOf: string, stale: boolean): Snapshot {
  return { id: row.id, municipalityId, asOf, dataVersion: row.dataVersion, computedAt: row.startedAt, stale };
}

/** A superseded snapshot stays this long, so that a request still reading it finishes first. */
const KEEP_SUPERSEDED_MS = 5 * 60_000;

/**
 * Removes the snapshots nobody needs: of this municipality and date all but the newest two
 * complete ones once superseded for KEEP_SUPERSEDED_MS, any of another date after a day, and
 * computations that never finished after an hour.
 */
async function removeOld(db: Executor, municipalityId: string, asOf: string) {
  await db.execute(sql`
    with gone as (
      delete from metric_snapshots s
       where (s.municipality_id = ${municipalityId} and s.as_of = ${asOf}::date and s.completed_at is not null
              and s.id < (select min(k.id) from (select id from metric_snapshots
                                                   where municipality_id = ${municipalityId} and as_of = ${asOf}::date and completed_at is not null
                                                   order by id desc limit 2) k)
              and exists (select 1 from metric_snapshots n where n.municipality_id = s.municipality_id and n.as_of = s.as_of
                            and n.id > s.id and n.completed_at < now() - ${`${KEEP_SUPERSEDED_MS / 1000} seconds`}::interval))
          or s.started_at < now() - interval '1 day'
          or (s.completed_at is null and s.started_at < now() - interval '1 hour')
      returning s.id
    )
    -- What was kept of their figures goes with them (lib/metrics/cache.ts, keptForSnapshot).
    delete from metric_cache c using gone where c.key like 'snapshot:' || gone.id || ':%'`);
}

/** Computes and keeps a new snapshot of the data as it is now. */
async function computeSnapshot(db: Executor, municipalityId: string, asOf: string): Promise<Snapshot> {
  const version = await dataVersion(db, municipalityId);
  const busy = isTransaction(db) ? false : await writerBusy(db, municipalityId);
  const [created] = await rows(
    db,
    sql`insert into metric_snapshots (municipality_id, as_of, data_version, trusted)
        values (${municipalityId}, ${asOf}::date, ${version}, ${!busy}) returning id, started_at`,
  );
  const id = Number(created.id);
  try {
    const written = await writeFacts(db, id, municipalityId, asOf);
    // The planner knows nothing of a new snapshot's rows until the table is analysed (it would sort
    // 200 000 rows on disk where it could hash them); a sample of the table takes a fraction of a second.
    if (written >= ANALYZE_AFTER_FACTS) await db.execute(sql`analyze metric_facts`);
    const groups = await openSignalGroups(db, { municipalityId, asOf });
    const signalGroups = JSON.stringify(groups);
    await db.execute(sql`update metric_snapshots set completed_at = now(), signal_groups = ${signalGroups} where id = ${id}`);
    keepGroups(db, id, groups);
  } catch (err) {
    if (!isTransaction(db)) await db.execute(sql`delete from metric_snapshots where id = ${id}`).catch(() => {});
    throw err;
  }
  if (!isTransaction(db)) await removeOld(db, municipalityId, asOf);
  const startedAt = new Date(created.started_at as string).getTime();
  return { id, municipalityId, asOf, dataVersion: version, computedAt: startedAt, stale: false };
}

// One computation at a time per database handle, municipality and date.
const pending = new WeakMap<object, Map<string, { version: string; work: Promise<Snapshot> }>>();

/**
 * The snapshot of the municipality's facts as of `asOf` at the current data version, computed if
 * there is none. With `staleForMs`, a computation that takes longer than `waitMs` is not waited
 * for: the previous snapshot (if younger than staleForMs) is returned, marked stale, and the new
 * one is ready for the next request. In a transaction (which sees its own writes) a new snapshot is
 * always computed and dies with the transaction.
 */
export async function metricSnapshot(db: Executor, municipalityId: string, asOf: string, opts: CacheOptions = {}): Promise<Snapshot> {
  if (isTransaction(db)) return computeSnapshot(db, municipalityId, asOf);
  const now = opts.now ?? Date.now;
  let perDb = pending.get(db);
  if (!perDb) pending.set(db, (perDb = new Map()));
  const key = `${municipalityId}|${asOf}`;
  for (;;) {
    const version = await dataVersion(db, municipalityId);
    const latest = await latestSnapshot(db, municipalityId, asOf);
    if (latest && latest.dataVersion === version && (latest.trusted || now() - latest.completedAt < BUSY_MAX_AGE_MS)) {
      return asSnapshot(latest, municipalityId, asOf, false);
    }
    let running = perDb.get(key);
    const alreadyRunning = Boolean(running);
    if (!running) {
      const work = computeSnapshot(db, municipalityId, asOf).finally(() => perDb.delete(key));
      running = { version, work };
      perDb.set(key, running);
    }
    if (opts.staleForMs && latest && now() - latest.startedAt < opts.staleForMs) {
      const answer = await inTimeOrStale(running.work, asSnapshot(latest, municipalityId, asOf, true), { waitMs: opts.waitMs, alreadyRunning });
      return answer.value;
    }
    const done = await running.work;
    // A computation started before the latest change does not see it: wait for one that does.
    if (done.dataVersion === version || running.version === version) return done;
  }
}

/** The snapshot a figure reads: the one given (the dashboard's, maybe stale) or the current one. */
export async function snapshotFor(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<Snapshot> {
  if (!snapshot) return metricSnapshot(db, f.municipalityId, f.asOf);
  if (snapshot.municipalityId !== f.municipalityId || snapshot.asOf !== f.asOf) throw new Error("metrics: the snapshot is of another municipality or date");
  return snapshot;
}

/**
 * Open signals per coordinator and per unit for a dashboard filter. The municipality's signals are
 * counted with its snapshot, in groups of alike participants (the slow part: every participant's
 * worklist facts), and any filter is then a sum over the groups.
 */
export async function openSignalCounts(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<{ counts: SignalCount[]; unitCounts: [string | null, number][] }> {
  const snap = await snapshotFor(db, f, snapshot);
  return countSignalGroups(await signalGroupsOf(db, snap), f);
}

/** The counts of participants on the as-of date that `idle`, `workplaceNow` and `completeness` report. */
export interface NowCounts {
  /** Received by asOf and not yet out of the programme. */
  active: number;
  idle: number;
  inWorkplace: number;
  sfiAndWorkplace: number;
  exitsWithoutOutcome: number;
  withoutEducationLevel: number;
  exitsWithoutReason: number;
  withoutCoordinator: number;
}

// Shared by the three figures of one filter (each would otherwise read the same rows again); per
// database handle, as snapshot ids are numbered per database.
const nowCountsOf = new WeakMap<object, Map<string, Promise<NowCounts>>>();

/**
 * The counts behind `idle`, `workplaceNow` and `completeness` in one pass over the snapshot's rows
 * for the filter (definitions in lib/metrics/INDICATORS.md): the population is everyone received
 * by asOf, and `active` those of them not yet out of the programme.
 */
export function nowCounts(db: Executor, f: MetricFilter, snap: Snapshot): Promise<NowCounts> {
  const key = `${snap.id}:${filterKey({ ...f, minN: undefined })}`;
  let nowCountsKept = nowCountsOf.get(db);
  if (!nowCountsKept) nowCountsOf.set(db, (nowCountsKept = new Map()));
  const kept = nowCountsKept;
  let work = kept.get(key);
  if (!work) {
    const asOf = sql`${f.asOf}::date`;
    work = rows(
      db,
      sql`
      select count(*) filter (where p.programme_end is null or p.programme_end >= ${asOf})::int as active,
             count(*) filter (where (p.programme_end is null or p.programme_end >= ${asOf}) and p.idle)::int as idle,
             count(*) filter (where (p.programme_end is null or p.programme_end >= ${asOf}) and p.in_workplace)::int as in_workplace,
             count(*) filter (where (p.programme_end is null or p.programme_end >= ${asOf}) and p.in_workplace and p.sfi_now)::int as sfi_and_workplace,
             count(*) filter (where p.programme_end is not null and p.programme_end + 90 <= ${asOf} and p.outcome90 is null)::int as exits_without_outcome,
             count(*) filter (where p.education_level is null)::int as without_education,
             count(*) filter (where p.programme_end is not null and p.programme_end <= ${asOf} and p.exit_reason_missing)::int as exits_without_reason,
             count(*) filter (where p.coordinator_id is null)::int as without_coordinator
      from metric_facts p
      where ${factFilter(f, snap)} and p.reception_date <= ${asOf}`,
    ).then(([r]) => ({
      active: Number(r?.active ?? 0),
      idle: Number(r?.idle ?? 0),
      inWorkplace: Number(r?.in_workplace ?? 0),
      sfiAndWorkplace: Number(r?.sfi_and_workplace ?? 0),
      exitsWithoutOutcome: Number(r?.exits_without_outcome ?? 0),
      withoutEducationLevel: Number(r?.without_education ?? 0),
      exitsWithoutReason: Number(r?.exits_without_reason ?? 0),
      withoutCoordinator: Number(r?.without_coordinator ?? 0),
    }));
    work.catch(() => kept.delete(key));
    kept.set(key, work);
    while (kept.size > 50) kept.delete(kept.keys().next().value!);
  }
  return work;
}
