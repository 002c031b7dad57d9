// Further key figures for the dashboard and the report (defined in lib/metrics/INDICATORS.md):
// workplace first now, data completeness and caseload per coordinator: aggregates over the
// participants' facts (lib/metrics/facts.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { factFilter, snapshotFor, type Snapshot } from "./facts";
import { suppressedShare } from "./indicators";
import { num, rows, type MetricFilter } from "./sql";

export interface WorkplaceNow {
  active: number;
  inWorkplace: number;
  sfiAndWorkplace: number;
  shareInWorkplace: number | null;
  shareSfiAndWorkplace: number | null;
}

/** Active participants (as in `idle`) with a workplace-based activity covering asOf, and those with sfi beside it. */
export async function workplaceNow(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<WorkplaceNow> {
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  const [r] = await rows(
    db,
    sql`
    select count(*)::int as active,
           count(*) filter (where p.in_workplace)::int as in_workplace,
           count(*) filter (where p.in_workplace and p.sfi_now)::int as sfi_and_workplace
    from metric_facts p
    where ${factFilter(f, snap)}
      and p.reception_date <= ${asOf}
      and (p.programme_end is null or p.programme_end >= ${asOf})`,
  );
  const active = num(r?.active);
  const minN = f.minN ?? 10;
  return {
    active,
    inWorkplace: num(r?.in_workplace),
    sfiAndWorkplace: num(r?.sfi_and_workplace),
    shareInWorkplace: suppressedShare(num(r?.in_workplace), active, minN),
    shareSfiAndWorkplace: suppressedShare(num(r?.sfi_and_workplace), active, minN),
  };
}

export interface Completeness {
  /** Left the programme at least 90 days ago and no 90-day outcome registered by asOf. */
  exitsWithoutOutcome: number;
  /** Received by asOf and no education level registered. */
  withoutEducationLevel: number;
  /** Left the programme (programme_end <= asOf) without an exit reason. */
  exitsWithoutReason: number;
  /** Received by asOf without a responsible coordinator. */
  withoutCoordinator: number;
}

export async function completeness(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<Completeness> {
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  const [r] = await rows(
    db,
    sql`
    select
      count(*) filter (where p.programme_end is not null and p.programme_end + 90 <= ${asOf} and p.outcome90 is null)::int as exits_without_outcome,
      count(*) filter (where p.education_level is null)::int as without_education,
      count(*) filter (where p.programme_end is not null and p.programme_end <= ${asOf} and p.exit_reason_missing)::int as exits_without_reason,
      count(*) filter (where p.coordinator_id is null)::int as without_coordinator
    from metric_facts p
    where ${factFilter(f, snap)} and p.reception_date <= ${asOf}`,
  );
  return {
    exitsWithoutOutcome: num(r?.exits_without_outcome),
    withoutEducationLevel: num(r?.without_education),
    exitsWithoutReason: num(r?.exits_without_reason),
    withoutCoordinator: num(r?.without_coordinator),
  };
}

export interface CaseloadRow {
  coordinatorId: string | null;
  coordinatorName: string | null;
  active: number;
}

/** Active participants per responsible coordinator (null = nobody responsible). */
export async function caseload(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<CaseloadRow[]> {
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  const raw = await rows(
    db,
    sql`
    select p.coordinator_id, u.name as coordinator_name, count(*)::int as active
    from metric_facts p
    left join users u on u.id = p.coordinator_id
    where ${factFilter(f, snap)}
      and p.reception_date <= ${asOf}
      and (p.programme_end is null or p.programme_end >= ${asOf})
    group by p.coordinator_id, u.name
    order by u.name nulls last`,
  );
  return raw.map((r) => ({ coordinatorId: (r.coordinator_id as string | null) ?? null, coordinatorName: (r.coordinator_name as string | null) ?? null, active: num(r.active) }));
}
