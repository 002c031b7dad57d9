// What worked: the 90-day outcome of those who have left the programme, by the activities they had
// in it (Kronoberg could not say which activities made the difference; DOMAIN.md). Definitions in
// lib/metrics/INDICATORS.md. The counts come from the participants' facts per cohort, gender and
// activity type; the dashboard sums them for its cohorts and gender, so no filter needs a new query.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { ACTIVITY_TYPES, type ActivityType } from "@/db/schema/enums";
import { factFilter, snapshotFor, type Snapshot } from "./facts";
import { round4, suppressedShare, type Group } from "./indicators";
import { num, rows, type MetricFilter } from "./sql";

/** Leavers of one cohort and gender (null: all), in all (type null) or with one activity type. */
export interface ActivityOutcomeCount {
  cohort: string;
  gender: string | null;
  type: string | null;
  n: number;
  /** In work, studies or both at 90 days. */
  positive: number;
}

const POSITIVE = sql.raw(`('arbete', 'studier', 'arbete_och_studier')`);

/**
 * The population of outcome90 (programme_end + 90 days <= asOf), counted per cohort (year of
 * programme_end) and gender and per cohort alone: everyone (type null) and once per activity type
 * they had in the programme.
 */
export async function outcomeByActivityCounts(db: Executor, f: MetricFilter, snapshot?: Snapshot): Promise<ActivityOutcomeCount[]> {
  const snap = await snapshotFor(db, f, snapshot);
  const raw = await rows(
    db,
    sql`
    select extract(year from p.programme_end)::int::text as cohort, p.gender, t.type,
           count(*)::int as n,
           count(*) filter (where p.outcome90 in ${POSITIVE})::int as positive
    from metric_facts p
    cross join lateral (select null::text as type union all select unnest(coalesce(p.programme_types, '{}'::text[]))) t
    where ${factFilter(f, snap)}
      and p.programme_end is not null
      and p.programme_end + 90 <= ${f.asOf}::date
    group by grouping sets ((1, 2, 3), (1, 3))`,
  );
  return raw.map((r) => ({ cohort: String(r.cohort), gender: (r.gender as string | null) ?? null, type: (r.type as string | null) ?? null, n: num(r.n), positive: num(r.positive) }));
}

export interface ActivityOutcomeRow {
  type: ActivityType;
  /** Leavers who had the activity, and the share of them in work or studies at 90 days. */
  withN: number;
  withPositive: number;
  withShare: number | null;
  /** Leavers who did not have it. */
  withoutN: number;
  withoutPositive: number;
  withoutShare: number | null;
  /** withShare − withoutShare, when both are shown. */
  difference: number | null;
}

export interface ActivityOutcomes {
  /** All leavers of the selection, and their share in work or studies at 90 days. */
  n: number;
  positive: number;
  share: number | null;
  rows: ActivityOutcomeRow[];
}

/**
 * The outcome by activity for the chosen cohorts (none: all) and gender (none: everyone): every
 * activity type somebody had, in the order of the activity list; a row's shares and difference are
 * suppressed when either group (with or without the activity) is below minN.
 */
export function activityOutcomes(counts: ActivityOutcomeCount[], pick: { cohorts: string[]; gender?: Group }, minN: number): ActivityOutcomes {
  const gender = pick.gender && pick.gender !== "total" ? pick.gender : null;
  const chosen = counts.filter((c) => (pick.cohorts.length === 0 || pick.cohorts.includes(c.cohort)) && c.gender === gender);
  const sum = (type: string | null) => chosen.filter((c) => c.type === type).reduce((a, c) => ({ n: a.n + c.n, positive: a.positive + c.positive }), { n: 0, positive: 0 });
  const all = sum(null);
  const out: ActivityOutcomeRow[] = [];
  for (const type of ACTIVITY_TYPES) {
    const had = sum(type);
    if (had.n === 0) continue;
    const withoutN = all.n - had.n;
    const withoutPositive = all.positive - had.positive;
    // Both groups' shares or neither: the share of all leavers is shown, so one group's share
    // and n would give away the other's (secondary suppression).
    const small = had.n < minN || withoutN < minN;
    const withShare = small ? null : suppressedShare(had.positive, had.n, minN);
    const withoutShare = small ? null : suppressedShare(withoutPositive, withoutN, minN);
    out.push({
      type,
      withN: had.n,
      withPositive: had.positive,
      withShare,
      withoutN,
      withoutPositive,
      withoutShare,
      difference: withShare === null || withoutShare === null ? null : round4(withShare - withoutShare),
    });
  }
  return { n: all.n, positive: all.positive, share: suppressedShare(all.positive, all.n, minN), rows: out };
}
