// Reference values and targets beside the municipality's own figures. The values are entered by
// an admin (lib/references), never computed; this only pairs each with the local figure of the
// same indicator and year as the dashboard shows it (same filters, same suppression).
import { COHORT_INDICATORS, isReferenceIndicator, type ReferenceIndicator } from "@/lib/references/indicators";
import type { Group, IdleFigure } from "./indicators";
import { suppressedShare } from "./indicators";
import type { Dashboard } from "./dashboard";

export interface ReferenceEntry {
  id: string;
  indicator: ReferenceIndicator;
  year: number;
  kind: "reference" | "target";
  /** In the indicator's unit: a share as a fraction, days as days. */
  value: number;
  source: string | null;
}

export interface Comparison {
  indicator: ReferenceIndicator;
  year: number;
  /** The local figure for the year (the chosen gender group, else total); null when suppressed or absent. */
  local: number | null;
  reference: ReferenceEntry | null;
  target: ReferenceEntry | null;
}

type Figures = Pick<Dashboard, "outcome90" | "firstWorkplace" | "sfiResults" | "healthCoverage" | "idle" | "workplaceNow" | "leadTimes" | "asOf" | "minN" | "filter">;

function idleShare(idle: IdleFigure, minN: number): number | null {
  return suppressedShare(idle.idle, idle.active, minN);
}

/** The local figure the dashboard shows for `indicator` in `year`, or null. */
export function localFigure(d: Figures, indicator: ReferenceIndicator, year: number): number | null {
  const cohort = String(year);
  const group: Group = d.filter.gender ?? "total";
  const row = <T extends { cohort: string; group: Group }>(rows: T[]) => rows.find((r) => r.cohort === cohort && r.group === group);
  switch (indicator) {
    case "outcome90.share":
      return row(d.outcome90)?.share ?? null;
    case "firstWorkplace.medianDays":
      return row(d.firstWorkplace)?.medianDays ?? null;
    case "firstWorkplace.shareWithin365":
      return row(d.firstWorkplace)?.shareWithin365 ?? null;
    case "sfiResults.sharePassed":
      return row(d.sfiResults)?.sharePassed ?? null;
    case "healthCoverage.shareOffered":
      return row(d.healthCoverage)?.shareOffered ?? null;
    case "healthCoverage.shareCompleted":
      return row(d.healthCoverage)?.shareCompleted ?? null;
  }
  // The "now" figures exist for the as-of date only.
  if (Number(d.asOf.slice(0, 4)) !== year) return null;
  switch (indicator) {
    case "idle.share":
      return idleShare(d.idle, d.minN);
    case "workplaceNow.shareInWorkplace":
      return d.workplaceNow.shareInWorkplace;
    case "leadTimes.medianGapDays":
      return d.leadTimes.medianGapDays;
  }
}

/**
 * The entered values that concern what the dashboard shows: for cohort figures the chosen
 * cohorts (all when none is chosen), for the others the year of the as-of date; a reference
 * and a target of the same indicator and year side by side.
 */
export function compareWithLocal(d: Figures, entries: ReferenceEntry[]): Comparison[] {
  const asOfYear = Number(d.asOf.slice(0, 4));
  const shown = entries.filter((e) =>
    COHORT_INDICATORS.has(e.indicator) ? d.filter.cohorts.length === 0 || d.filter.cohorts.includes(String(e.year)) : e.year === asOfYear,
  );
  const byKey = new Map<string, Comparison>();
  for (const e of shown) {
    const key = `${e.indicator}|${e.year}`;
    const c = byKey.get(key) ?? { indicator: e.indicator, year: e.year, local: localFigure(d, e.indicator, e.year), reference: null, target: null };
    c[e.kind] = e;
    byKey.set(key, c);
  }
  return [...byKey.values()];
}

/** Rows of the table as stored, narrowed to known indicators (an unknown key is left out, not shown raw). */
export function asEntries(rows: { id: string; indicator: string; year: number; kind: "reference" | "target"; value: number; source: string | null }[]): ReferenceEntry[] {
  return rows.flatMap((r) => (isReferenceIndicator(r.indicator) ? [{ id: r.id, indicator: r.indicator, year: r.year, kind: r.kind, value: r.value, source: r.source }] : []));
}
