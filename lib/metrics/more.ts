// Further key figures (definitions in lib/metrics/INDICATORS.md): the SKL sfi result after two
// years, health-examination coverage within 60 days, and lead times between activities: aggregates
// over the participants' facts (lib/metrics/facts.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { factFilter, snapshotFor, type Snapshot } from "./facts";
import { byCohortAndGroup, medianOfCounts, round4, suppressedShare, type Group } from "./indicators";
import { num, rows, type MetricFilter } from "./sql";


export interface SfiResultRow {
  cohort: string;
  group: Group;
  n: number;
  passed: number;
  interrupted: number;
  studying: number;
  interruptedToWorkOrStudies: number;
  sharePassed: number | null;
  shareInterrupted: number | null;
  shareStudying: number | null;
  /** Of the interrupters: the share who left sfi for work or studies. */
  shareInterruptedToWorkOrStudies: number | null;
}

export async function sfiResults(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<SfiResultRow[]> {
  const minN = f.minN ?? 10;
  const snap = await snapshotFor(db, f, snapshot);
  const raw = await rows(
    db,
    sql`
    select extract(year from p.first_sfi)::int::text as cohort, p.gender,
           count(*)::int as n,
           count(*) filter (where p.sfi_passed)::int as passed,
           count(*) filter (where not p.sfi_passed and p.sfi_interrupted)::int as interrupted,
           count(*) filter (where not p.sfi_passed and not p.sfi_interrupted)::int as studying,
           count(*) filter (where not p.sfi_passed and p.sfi_interrupted and p.sfi_break_reason in ('arbete', 'studier'))::int as to_work
    from metric_facts p
    where ${factFilter(f, snap)} and p.first_sfi is not null
    group by grouping sets ((1, 2), (1))`,
  );
  return byCohortAndGroup(raw, (r, group, cohort) => {
    const n = num(r?.n);
    const interrupted = num(r?.interrupted);
    return {
      cohort,
      group,
      n,
      passed: num(r?.passed),
      interrupted,
      studying: num(r?.studying),
      interruptedToWorkOrStudies: num(r?.to_work),
      sharePassed: suppressedShare(num(r?.passed), n, minN),
      shareInterrupted: suppressedShare(interrupted, n, minN),
      shareStudying: suppressedShare(num(r?.studying), n, minN),
      // A share of the interrupted: suppressed when they are few, whatever the row's n.
      shareInterruptedToWorkOrStudies: suppressedShare(num(r?.to_work), interrupted, minN),
    };
  });
}

export interface HealthCoverageRow {
  cohort: string;
  group: Group;
  n: number;
  offered: number;
  completed: number;
  shareOffered: number | null;
  shareCompleted: number | null;
}

/** Received in the cohort year; a hälsoundersökning offered (any record) / completed within 60 days. */
export async function healthCoverage(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<HealthCoverageRow[]> {
  const minN = f.minN ?? 10;
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  const raw = await rows(
    db,
    sql`
    select extract(year from p.reception_date)::int::text as cohort, p.gender,
           count(*)::int as n,
           count(*) filter (where p.health_offered)::int as offered,
           count(*) filter (where p.health_completed)::int as completed
    from metric_facts p
    where ${factFilter(f, snap)} and p.reception_date <= ${asOf}
    group by grouping sets ((1, 2), (1))`,
  );
  return byCohortAndGroup(raw, (r, group, cohort) => {
    const n = num(r?.n);
    return { cohort, group, n, offered: num(r?.offered), completed: num(r?.completed), shareOffered: suppressedShare(num(r?.offered), n, minN), shareCompleted: suppressedShare(num(r?.completed), n, minN) };
  });
}

export interface LeadTimes {
  /** Consecutive activities (by start) of the same person. */
  transitions: number;
  medianGapDays: number | null;
  /** Transitions with more than 30 days between the end of everything before and the next start. */
  gapsOver30: number;
}

/**
 * Gap before an activity = its start minus the latest end (open ends count as asOf) of the same
 * person's earlier activities; 0 when it starts in parallel. Planned activities are left out.
 */
export async function leadTimes(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<LeadTimes> {
  const minN = f.minN ?? 10;
  const snap = await snapshotFor(db, f, snapshot);
  // The gaps counted per value (a hash over integers instead of a sort of every gap); the median
  // from the counts (medianOfCounts, the same as percentile_cont(0.5)).
  const counted = await rows(
    db,
    sql`
    select g.gap, count(*)::int as n
    from metric_facts p cross join lateral unnest(p.gaps) as g(gap)
    where ${factFilter(f, snap)}
    group by g.gap`,
  );
  const gaps = counted.map((r): [number, number] => [Number(r.gap), num(r.n)]);
  const transitions = gaps.reduce((a, [, n]) => a + n, 0);
  const median = medianOfCounts(gaps);
  return {
    transitions,
    medianGapDays: transitions < minN || median === null ? null : round4(median),
    gapsOver30: gaps.reduce((a, [gap, n]) => a + (gap > 30 ? n : 0), 0),
  };
}
