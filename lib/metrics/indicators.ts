// The key figures of ../shared/spec/indicators.md (outcome90, firstWorkplace, idle), computed in
// SQL so they stay fast at hundreds of thousands of participants: each is an aggregate over the
// participants' facts of a snapshot (lib/metrics/facts.ts), where the definitions' per-person parts
// are written. The dashboard, its exports and `npm run report` all call these functions, so they
// always agree.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { factFilter, nowCounts, snapshotFor, type Snapshot } from "./facts";
import { num, rows, type MetricFilter, type Raw } from "./sql";

export { num, participantFilter, rows, type MetricFilter, type Raw } from "./sql";

export type Group = "total" | "K" | "M";
export const GROUPS: readonly Group[] = ["total", "K", "M"];
export const DEFAULT_MIN_N = 10;


export interface Outcome90Row {
  cohort: string;
  group: Group;
  n: number;
  recorded: number;
  work: number;
  studies: number;
  workAndStudies: number;
  share: number | null;
}

export interface FirstWorkplaceRow {
  cohort: string;
  group: Group;
  n: number;
  reached: number;
  medianDays: number | null;
  shareWithin365: number | null;
}

export interface IdleFigure {
  active: number;
  idle: number;
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** numerator / n, rounded; null when n is below the suppression threshold or zero. */
export function suppressedShare(numerator: number, n: number, minN: number): number | null {
  if (n < minN || n === 0) return null;
  return round4(numerator / n);
}

/**
 * The median of values given as [value, how many] pairs, exactly as PostgreSQL's
 * `percentile_cont(0.5)`: the middle value, or the mean of the two middle ones; null for none.
 */
export function medianOfCounts(pairs: [number, number][]): number | null {
  const sorted = pairs.filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((a, [, c]) => a + c, 0);
  if (n === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (index < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  const lo = Math.floor((n - 1) / 2);
  const hi = Math.ceil((n - 1) / 2);
  return lo === hi ? at(lo) : (at(lo) + at(hi)) / 2;
}

/** Rows come grouped by (cohort, gender) and by cohort alone (gender null = total). */
export function byCohortAndGroup<T>(raw: Raw[], make: (r: Raw | undefined, group: Group, cohort: string) => T): T[] {
  const cohorts = new Map<string, Map<string, Raw>>();
  for (const r of raw) {
    const cohort = String(r.cohort);
    const key = r.gender === null || r.gender === undefined ? "total" : String(r.gender);
    if (!cohorts.has(cohort)) cohorts.set(cohort, new Map());
    cohorts.get(cohort)!.set(key, r);
  }
  const out: T[] = [];
  for (const cohort of [...cohorts.keys()].sort()) {
    const g = cohorts.get(cohort)!;
    if (num(g.get("total")?.n) < 1) continue;
    for (const group of GROUPS) out.push(make(g.get(group), group, cohort));
  }
  return out;
}

export async function outcome90(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<Outcome90Row[]> {
  const minN = f.minN ?? DEFAULT_MIN_N;
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  const raw = await rows(
    db,
    sql`
    select extract(year from p.programme_end)::int::text as cohort,
           p.gender,
           count(*)::int as n,
           count(p.outcome90)::int as recorded,
           count(*) filter (where p.outcome90 = 'arbete')::int as work,
           count(*) filter (where p.outcome90 = 'studier')::int as studies,
           count(*) filter (where p.outcome90 = 'arbete_och_studier')::int as work_and_studies
    from metric_facts p
    where ${factFilter(f, snap)}
      and p.programme_end is not null
      and p.programme_end + 90 <= ${asOf}
    group by grouping sets ((1, 2), (1))`,
  );
  return byCohortAndGroup(raw, (r, group, cohort) => {
    const n = num(r?.n);
    const work = num(r?.work);
    const studies = num(r?.studies);
    const workAndStudies = num(r?.work_and_studies);
    return {
      cohort,
      group,
      n,
      recorded: num(r?.recorded),
      work,
      studies,
      workAndStudies,
      share: suppressedShare(work + studies + workAndStudies, n, minN),
    };
  });
}

export async function firstWorkplace(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<FirstWorkplaceRow[]> {
  const minN = f.minN ?? DEFAULT_MIN_N;
  const asOf = sql`${f.asOf}::date`;
  const snap = await snapshotFor(db, f, snapshot);
  // Days to the first workplace counted per value, cohort and gender (a hash over integers instead
  // of a sort of every person per group); the medians are taken from the counts (medianOfCounts).
  const counted = await rows(
    db,
    sql`
    select extract(year from p.reception_date)::int::text as cohort, p.gender,
           case when p.first_workplace is null then null
                else greatest(0, p.first_workplace - p.reception_date) end as d,
           count(*)::int as n
    from metric_facts p
    where ${factFilter(f, snap)} and p.reception_date <= ${asOf}
    group by 1, 2, 3`,
  );
  const groups = new Map<string, { cohort: string; gender: string | null; n: number; reached: number; within365: number; days: [number, number][] }>();
  for (const r of counted) {
    const cohort = String(r.cohort);
    for (const gender of [String(r.gender), null]) {
      const key = `${cohort}|${gender}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { cohort, gender, n: 0, reached: 0, within365: 0, days: [] }));
      const n = num(r.n);
      g.n += n;
      if (r.d !== null && r.d !== undefined) {
        g.reached += n;
        if (Number(r.d) <= 365) g.within365 += n;
        g.days.push([Number(r.d), n]);
      }
    }
  }
  const raw: Raw[] = [...groups.values()].map((g) => ({ cohort: g.cohort, gender: g.gender, n: g.n, reached: g.reached, within365: g.within365, median_days: medianOfCounts(g.days) }));
  return byCohortAndGroup(raw, (r, group, cohort) => {
    const n = num(r?.n);
    const reached = num(r?.reached);
    const median = r?.median_days;
    return {
      cohort,
      group,
      n,
      reached,
      medianDays: n < minN || reached === 0 || median === null || median === undefined ? null : round4(Number(median)),
      shareWithin365: suppressedShare(num(r?.within365), n, minN),
    };
  });
}

export async function idle(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<IdleFigure> {
  const c = await nowCounts(db, f, await snapshotFor(db, f, snapshot));
  return { active: c.active, idle: c.idle };
}
