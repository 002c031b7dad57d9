// The key figures of ../shared/spec/indicators.md (outcome90, firstWorkplace, idle), computed in
// SQL so they stay fast at hundreds of thousands of participants. The dashboard, its exports and
// `npm run report` all call these functions, so they always agree.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { WORKPLACE_TYPES } from "@/db/schema/enums";

export type Group = "total" | "K" | "M";
export const GROUPS: readonly Group[] = ["total", "K", "M"];
export const DEFAULT_MIN_N = 10;

export interface MetricFilter {
  municipalityId: string;
  asOf: string;
  minN?: number;
  /** Optional narrowing used by the dashboard; the report uses none of them. */
  unitId?: string;
  coordinatorId?: string;
  educationLevel?: string;
  settlement?: string;
  track?: string;
}

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

/** Active participants of the municipality, narrowed by the dashboard's filters. */
export function participantFilter(f: MetricFilter, alias = "p"): SQL {
  const p = sql.raw(alias);
  const parts: SQL[] = [
    sql`${p}.municipality_id = ${f.municipalityId}`,
    sql`${p}.deleted_at is null`,
    sql`${p}.erased_at is null`,
  ];
  if (f.unitId) parts.push(sql`${p}.unit_id = ${f.unitId}`);
  if (f.coordinatorId) parts.push(sql`${p}.coordinator_id = ${f.coordinatorId}`);
  if (f.educationLevel) parts.push(sql`${p}.education_level = ${f.educationLevel}`);
  if (f.settlement) parts.push(sql`${p}.settlement = ${f.settlement}`);
  if (f.track) parts.push(sql`${p}.track = ${f.track}`);
  return sql.join(parts, sql` and `);
}

const WORKPLACE_LIST = sql.join(
  WORKPLACE_TYPES.map((t) => sql`${t}`),
  sql`, `,
);

export type Raw = Record<string, unknown>;

/** Rows of a raw query on either driver. */
export async function rows(db: Executor, query: SQL): Promise<Raw[]> {
  const result = await db.execute(query);
  // postgres-js returns an array; PGlite returns { rows }.
  return (Array.isArray(result) ? result : (result as unknown as { rows: Raw[] }).rows) as Raw[];
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

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

export async function outcome90(db: Executor, f: MetricFilter): Promise<Outcome90Row[]> {
  const minN = f.minN ?? DEFAULT_MIN_N;
  const asOf = sql`${f.asOf}::date`;
  const raw = await rows(
    db,
    sql`
    select extract(year from p.programme_end)::int::text as cohort,
           p.gender::text as gender,
           count(*)::int as n,
           count(o.id)::int as recorded,
           count(*) filter (where o.status = 'arbete')::int as work,
           count(*) filter (where o.status = 'studier')::int as studies,
           count(*) filter (where o.status = 'arbete_och_studier')::int as work_and_studies
    from participants p
    left join outcomes o
      on o.participant_id = p.id and o.kind = 'dag90' and o.recorded_date <= ${asOf}
    where ${participantFilter(f)}
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

export async function firstWorkplace(db: Executor, f: MetricFilter): Promise<FirstWorkplaceRow[]> {
  const minN = f.minN ?? DEFAULT_MIN_N;
  const asOf = sql`${f.asOf}::date`;
  const raw = await rows(
    db,
    sql`
    with first_workplace as (
      -- The municipality's workplace-based activities read once (activities_municipality_type_idx),
      -- not probed person by person.
      select a.participant_id, min(a.start_date) as first_start
        from activities a
       where a.municipality_id = ${f.municipalityId}
         and a.type in (${WORKPLACE_LIST})
         and a.status <> 'planerad'
         and a.start_date <= ${asOf}
       group by a.participant_id
    ), population as (
      select p.id, p.gender, p.reception_date, fw.first_start
      from participants p left join first_workplace fw on fw.participant_id = p.id
      where ${participantFilter(f)}
        and p.reception_date <= ${asOf}
    ), days as (
      select extract(year from reception_date)::int::text as cohort, gender,
             case when first_start is null then null
                  else greatest(0, first_start - reception_date) end as d
      from population
    )
    select cohort, gender::text as gender,
           count(*)::int as n,
           count(d)::int as reached,
           percentile_cont(0.5) within group (order by d) as median_days,
           count(*) filter (where d <= 365)::int as within365
    from days
    group by grouping sets ((cohort, gender), (cohort))`,
  );
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

export async function idle(db: Executor, f: MetricFilter): Promise<IdleFigure> {
  const asOf = sql`${f.asOf}::date`;
  const [r] = await rows(
    db,
    sql`
    select count(*)::int as active,
           count(*) filter (where not exists (
             select 1 from activities a
              where a.participant_id = p.id
                and a.status <> 'planerad'
                and a.start_date <= ${asOf}
                and coalesce(a.end_date, ${asOf}) >= ${asOf} - 30
           ))::int as idle
    from participants p
    where ${participantFilter(f)}
      and p.reception_date <= ${asOf}
      and (p.programme_end is null or p.programme_end >= ${asOf})`,
  );
  return { active: num(r?.active), idle: num(r?.idle) };
}
