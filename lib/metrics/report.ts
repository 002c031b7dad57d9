// The outcome report of ../shared/spec/indicators.md: one object for `npm run report`, the
// dashboard's export and anything else that needs the key figures together.
import type { Executor } from "@/db";
import { metricSnapshot } from "./facts";
import { figuresOf } from "./figures";
import type { Completeness, WorkplaceNow } from "./extra";
import type { HealthCoverageRow, LeadTimes, SfiResultRow } from "./more";
import { DEFAULT_MIN_N, type FirstWorkplaceRow, type IdleFigure, type MetricFilter, type Outcome90Row } from "./indicators";

export interface Report {
  asOf: string;
  municipality: string;
  minN: number;
  outcome90: Outcome90Row[];
  firstWorkplace: FirstWorkplaceRow[];
  idle: IdleFigure;
  /** Further indicators (lib/metrics/INDICATORS.md), added as new keys as the spec allows. */
  workplaceNow: WorkplaceNow;
  completeness: Completeness;
  sfiResults: SfiResultRow[];
  healthCoverage: HealthCoverageRow[];
  leadTimes: LeadTimes;
}

export async function buildReport(
  db: Executor,
  opts: { municipality: { id: string; code: string }; asOf: string; minN?: number; filter?: Omit<MetricFilter, "municipalityId" | "asOf" | "minN"> },
): Promise<Report> {
  const minN = opts.minN ?? DEFAULT_MIN_N;
  const f: MetricFilter = { ...opts.filter, municipalityId: opts.municipality.id, asOf: opts.asOf, minN };
  // Every figure from one snapshot of the facts (the data as it is now), the same figures as the
  // dashboard's for the same filter (and computed once for both).
  const { o90: o, fw, idl: i, wn, comp: c, sfi, health, lead } = await figuresOf(db, f, await metricSnapshot(db, f.municipalityId, f.asOf));
  return {
    asOf: opts.asOf,
    municipality: opts.municipality.code,
    minN,
    outcome90: o,
    firstWorkplace: fw,
    idle: i,
    workplaceNow: wn,
    completeness: c,
    sfiResults: sfi,
    healthCoverage: health,
    leadTimes: lead,
  };
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvTable(name: string, columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [["indicator", ...columns].join(",")];
  for (const r of rows) lines.push([name, ...columns.map((c) => csvCell(r[c]))].join(","));
  return lines.join("\n");
}

/** The same rows as CSV, one table after the other, separated by an empty line. */
export function reportToCsv(report: Report): string {
  return (
    [
      csvTable("outcome90", ["cohort", "group", "n", "recorded", "work", "studies", "workAndStudies", "share"], report.outcome90 as unknown as Record<string, unknown>[]),
      csvTable("firstWorkplace", ["cohort", "group", "n", "reached", "medianDays", "shareWithin365"], report.firstWorkplace as unknown as Record<string, unknown>[]),
      csvTable("idle", ["active", "idle"], [report.idle as unknown as Record<string, unknown>]),
    ].join("\n\n") + "\n"
  );
}
