// Every figure of the dashboard and the report for one filter, from one snapshot of the
// participants' facts (lib/metrics/facts.ts): aggregates only, no participant named.
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { users } from "@/db/schema";
import { filterKey, isTransaction, keptForSnapshot } from "./cache";
import { caseload, completeness, workplaceNow, type CaseloadRow } from "./extra";
import { openSignalCounts, type Snapshot } from "./facts";
import { firstWorkplace, idle, outcome90 } from "./indicators";
import { healthCoverage, leadTimes, sfiResults } from "./more";
import { outcomeByActivityCounts } from "./worked";
import type { MetricFilter } from "./sql";

const byName = new Intl.Collator("sv");

/**
 * Active participants and open signals per coordinator, by name (nobody responsible last). A
 * coordinator can have signals (an outcome due after exit) without any active participant.
 * Only counts are kept: the open signals were reduced before they were cached.
 */
async function caseloadWithSignals(db: Executor, f: MetricFilter, cl: CaseloadRow[], open: Awaited<ReturnType<typeof openSignalCounts>>) {
  const signalsOf = new Map(open.counts.map((c) => [c.coordinatorId, c.signals]));
  const listed = new Set(cl.map((r) => r.coordinatorId));
  const missingIds = open.counts.flatMap((c) => (c.signals > 0 && c.coordinatorId && !listed.has(c.coordinatorId) ? [c.coordinatorId] : []));
  const names = missingIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, missingIds), eq(users.municipalityId, f.municipalityId)))
    : [];
  const nobodyMissing = !listed.has(null) && (signalsOf.get(null) ?? 0) > 0;
  const caseloadRows = [
    ...cl,
    ...names.map((n) => ({ coordinatorId: n.id as string | null, coordinatorName: n.name as string | null, active: 0 })),
    ...(nobodyMissing ? [{ coordinatorId: null, coordinatorName: null, active: 0 }] : []),
  ]
    .map((r) => ({ ...r, signals: signalsOf.get(r.coordinatorId) ?? 0 }))
    .sort((a, b) => (a.coordinatorName === null ? 1 : b.coordinatorName === null ? -1 : byName.compare(a.coordinatorName, b.coordinatorName)));
  return { caseloadRows, unitCounts: open.unitCounts };
}

/**
 * Runs the tasks at most `lanes` at a time (in order of the list) and returns their results by name.
 * The figures are separate queries; two or three at once keep both cores and the database busy
 * without taking the whole connection pool from other requests.
 */
async function inLanes<T extends Record<string, () => Promise<unknown>>>(tasks: T, lanes: number): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const names = Object.keys(tasks) as (keyof T)[];
  const out = {} as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const name = names[next++];
      out[name] = (await tasks[name]()) as Awaited<ReturnType<T[typeof name]>>;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return out;
}

const FIGURE_LANES = 3;

/** Every figure of the dashboard for one filter, from one snapshot of the facts (aggregates only). */
async function dashboardFigures(db: Executor, f: MetricFilter, snap: Snapshot) {
  const fig = <T,>(fn: (db: Executor, f: MetricFilter, snap: Snapshot) => Promise<T>) => () => fn(db, f, snap);
  // The slowest first, so that the lanes finish together. In a transaction (tests, one connection)
  // one at a time.
  const figs = await inLanes(
    {
      lead: fig(leadTimes),
      fw: fig(firstWorkplace),
      sfi: fig(sfiResults),
      health: fig(healthCoverage),
      o90: fig(outcome90),
      worked: fig(outcomeByActivityCounts),
      wn: fig(workplaceNow),
      idl: fig(idle),
      comp: fig(completeness),
      cl: fig(caseload),
      open: fig(openSignalCounts),
    },
    isTransaction(db) ? 1 : FIGURE_LANES,
  );
  const { open, cl, ...rest } = figs;
  return { ...rest, ...(await caseloadWithSignals(db, f, cl, open)) };
}

export type Figures = Awaited<ReturnType<typeof dashboardFigures>>;

/**
 * Every figure for one filter from one snapshot, computed once: a snapshot never changes, so its
 * figures are kept (in memory and in metric_cache, shared with the report and other processes)
 * until the snapshot is removed.
 */
export function figuresOf(db: Executor, f: MetricFilter, snap: Snapshot): Promise<Figures> {
  return keptForSnapshot(db, snap, `figures:${filterKey(f)}`, () => dashboardFigures(db, f, snap));
}

