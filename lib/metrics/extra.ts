// Further key figures for the dashboard and the report (defined in lib/metrics/INDICATORS.md):
// workplace first now, data completeness and caseload per coordinator: aggregates over the
// participants' facts (lib/metrics/facts.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { factFilter, nowCounts, snapshotFor, type Snapshot } from "./facts";
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
  const c = await nowCounts(db, f, await snapshotFor(db, f, snapshot));
  const minN = f.minN ?? 10;
  return {
    active: c.active,
    inWorkplace: c.inWorkplace,
    sfiAndWorkplace: c.sfiAndWorkplace,
    shareInWorkplace: suppressedShare(c.inWorkplace, c.active, minN),
    shareSfiAndWorkplace: suppressedShare(c.sfiAndWorkplace, c.active, minN),
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
  const c = await nowCounts(db, f, await snapshotFor(db, f, snapshot));
  return {
    exitsWithoutOutcome: c.exitsWithoutOutcome,
    withoutEducationLevel: c.withoutEducationLevel,
    exitsWithoutReason: c.exitsWithoutReason,
    withoutCoordinator: c.withoutCoordinator,
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
    select c.coordinator_id, u.name as coordinator_name, c.active
    from (
      -- Counted first, named after: one look-up per coordinator, not per person.
      select p.coordinator_id, count(*)::int as active
      from metric_facts p
      where ${factFilter(f, snap)}
        and p.reception_date <= ${asOf}
        and (p.programme_end is null or p.programme_end >= ${asOf})
      group by p.coordinator_id
    ) c
    left join users u on u.id = c.coordinator_id
    order by u.name nulls last`,
  );
  return raw.map((r) => ({ coordinatorId: (r.coordinator_id as string | null) ?? null, coordinatorName: (r.coordinator_name as string | null) ?? null, active: num(r.active) }));
}
