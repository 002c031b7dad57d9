// Further key figures (definitions in lib/metrics/INDICATORS.md): the SKL sfi result after two
// years, health-examination coverage within 60 days, and lead times between activities.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { byCohortAndGroup, num, participantFilter, round4, rows, suppressedShare, type Group, type MetricFilter } from "./indicators";


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

export async function sfiResults(db: Executor, f: MetricFilter): Promise<SfiResultRow[]> {
  const minN = f.minN ?? 10;
  const asOf = sql`${f.asOf}::date`;
  const raw = await rows(
    db,
    sql`
    with pop as (
      select p.id, p.gender from participants p where ${participantFilter(f)}
    ), first_sfi as (
      -- Each source read once (not a probe per person): enrolments of the selected people, and the
      -- municipality's sfi activities through activities_municipality_type_idx.
      select x.participant_id, min(x.start_date) as first_start
      from (
        select e.participant_id, e.start_date from sfi_enrolments e join pop on pop.id = e.participant_id where e.start_date <= ${asOf}
        union all
        select a.participant_id, a.start_date from activities a
         where a.municipality_id = ${f.municipalityId} and a.type = 'sfi' and a.status <> 'planerad' and a.start_date <= ${asOf}
      ) x
      group by x.participant_id
    ), starts as materialized (
      select pop.id, pop.gender, fs.first_start from pop join first_sfi fs on fs.participant_id = pop.id
    ), passed as (
      select distinct r.participant_id from sfi_results r join starts s on s.id = r.participant_id
       where r.kind = 'kursbetyg' and r.grade in ('A','B','C','D','E')
         and ((r.study_path = 1 and r.course = 'B') or (r.study_path = 2 and r.course = 'C') or (r.study_path = 3 and r.course = 'D'))
         and r.result_date <= s.first_start + interval '2 years' and r.result_date <= ${asOf}
    ), first_break as (
      select distinct on (b.participant_id) b.participant_id, b.reason from sfi_breaks b join starts s on s.id = b.participant_id
       where b.kind = 'avbrott' and b.from_date <= s.first_start + interval '2 years' and b.from_date <= ${asOf}
       order by b.participant_id, b.from_date
    ), judged as (
      select s.id, s.gender, extract(year from s.first_start)::int::text as cohort,
        passed.participant_id is not null as passed,
        first_break.reason as break_reason,
        first_break.participant_id is not null as interrupted
      from starts s
        left join passed on passed.participant_id = s.id
        left join first_break on first_break.participant_id = s.id
      where s.first_start is not null
    )
    select cohort, gender::text as gender,
           count(*)::int as n,
           count(*) filter (where passed)::int as passed,
           count(*) filter (where not passed and interrupted)::int as interrupted,
           count(*) filter (where not passed and not interrupted)::int as studying,
           count(*) filter (where not passed and interrupted and break_reason in ('arbete', 'studier'))::int as to_work
    from judged
    group by grouping sets ((cohort, gender), (cohort))`,
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
      shareInterruptedToWorkOrStudies: n < minN ? null : suppressedShare(num(r?.to_work), interrupted, 1),
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
export async function healthCoverage(db: Executor, f: MetricFilter): Promise<HealthCoverageRow[]> {
  const minN = f.minN ?? 10;
  const asOf = sql`${f.asOf}::date`;
  const raw = await rows(
    db,
    sql`
    with pop as (
      select p.id, p.gender, p.reception_date from participants p where ${participantFilter(f)} and p.reception_date <= ${asOf}
    ), exam as (
      -- The municipality's health examinations read once (activities_municipality_type_idx).
      select a.participant_id, bool_or(a.status = 'avslutad' or a.details->>'healthStatus' = 'genomford') as completed
      from activities a join pop on pop.id = a.participant_id
      where a.municipality_id = ${f.municipalityId} and a.type = 'halsoundersokning'
        and a.start_date <= pop.reception_date + 60 and a.start_date <= ${asOf}
      group by a.participant_id
    )
    select extract(year from pop.reception_date)::int::text as cohort, pop.gender::text as gender,
           count(*)::int as n,
           count(exam.participant_id)::int as offered,
           count(*) filter (where exam.completed)::int as completed
    from pop left join exam on exam.participant_id = pop.id
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
export async function leadTimes(db: Executor, f: MetricFilter): Promise<LeadTimes> {
  const minN = f.minN ?? 10;
  const asOf = sql`${f.asOf}::date`;
  const [r] = await rows(
    db,
    sql`
    with prev as (
      -- Each activity (in start order, ties by id) against the latest end among the person's
      -- earlier ones: one window over one sort.
      select a.start_date,
             max(coalesce(least(a.end_date, ${asOf}), ${asOf}))
               over (partition by a.participant_id order by a.start_date, a.id rows between unbounded preceding and 1 preceding) as prev_end
      from activities a join participants p on p.id = a.participant_id
      where ${participantFilter(f)} and a.status <> 'planerad' and a.start_date <= ${asOf}
    ), gaps as (
      -- greatest() ignores nulls, so a person's first activity must be left out explicitly.
      select case when prev_end is null then null else greatest(0, start_date - prev_end) end as gap from prev
    )
    select count(gap)::int as transitions,
           percentile_cont(0.5) within group (order by gap) as median_gap,
           count(*) filter (where gap > 30)::int as over30
    from gaps where gap is not null`,
  );
  const transitions = num(r?.transitions);
  return {
    transitions,
    medianGapDays: transitions < minN || r?.median_gap === null || r?.median_gap === undefined ? null : round4(Number(r.median_gap)),
    gapsOver30: num(r?.over30),
  };
}
