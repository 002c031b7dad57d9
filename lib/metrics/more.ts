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
    with starts as (
      select p.id, p.gender, least(
        (select min(e.start_date) from sfi_enrolments e where e.participant_id = p.id and e.start_date <= ${asOf}),
        (select min(a.start_date) from activities a where a.participant_id = p.id and a.type = 'sfi' and a.status <> 'planerad' and a.start_date <= ${asOf})
      ) as first_start
      from participants p
      where ${participantFilter(f)}
    ), judged as (
      select s.id, s.gender, extract(year from s.first_start)::int::text as cohort,
        exists (select 1 from sfi_results r where r.participant_id = s.id and r.kind = 'kursbetyg'
                  and r.grade in ('A','B','C','D','E')
                  and ((r.study_path = 1 and r.course = 'B') or (r.study_path = 2 and r.course = 'C') or (r.study_path = 3 and r.course = 'D'))
                  and r.result_date <= s.first_start + interval '2 years' and r.result_date <= ${asOf}) as passed,
        (select b.reason from sfi_breaks b where b.participant_id = s.id and b.kind = 'avbrott'
                  and b.from_date <= s.first_start + interval '2 years' and b.from_date <= ${asOf}
          order by b.from_date limit 1) as break_reason,
        exists (select 1 from sfi_breaks b where b.participant_id = s.id and b.kind = 'avbrott'
                  and b.from_date <= s.first_start + interval '2 years' and b.from_date <= ${asOf}) as interrupted
      from starts s
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
  const within = sql`a.participant_id = p.id and a.type = 'halsoundersokning' and a.start_date <= p.reception_date + 60 and a.start_date <= ${asOf}`;
  const raw = await rows(
    db,
    sql`
    select extract(year from p.reception_date)::int::text as cohort, p.gender::text as gender,
           count(*)::int as n,
           count(*) filter (where exists (select 1 from activities a where ${within}))::int as offered,
           count(*) filter (where exists (select 1 from activities a where ${within}
             and (a.status = 'avslutad' or a.details->>'healthStatus' = 'genomford')))::int as completed
    from participants p
    where ${participantFilter(f)} and p.reception_date <= ${asOf}
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
    with acts as (
      select a.participant_id, a.start_date, coalesce(least(a.end_date, ${asOf}), ${asOf}) as end_date,
             row_number() over (partition by a.participant_id order by a.start_date, a.id) as rn
      from activities a join participants p on p.id = a.participant_id
      where ${participantFilter(f)} and a.status <> 'planerad' and a.start_date <= ${asOf}
    ), prev as (
      select start_date, max(end_date) over (partition by participant_id order by rn rows between unbounded preceding and 1 preceding) as prev_end
      from acts
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
