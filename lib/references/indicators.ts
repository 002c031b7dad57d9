// The key figures an admin can enter a reference value or a target for, with the unit each is
// entered in. Client-safe (no database): the admin form and the dashboard both read it.
export const REFERENCE_INDICATORS = [
  "outcome90.share",
  "firstWorkplace.medianDays",
  "firstWorkplace.shareWithin365",
  "idle.share",
  "workplaceNow.shareInWorkplace",
  "sfiResults.sharePassed",
  "healthCoverage.shareOffered",
  "healthCoverage.shareCompleted",
  "leadTimes.medianGapDays",
] as const;
export type ReferenceIndicator = (typeof REFERENCE_INDICATORS)[number];

/** A share is entered in percent and stored as a fraction (as the computed shares); days as days. */
export const INDICATOR_UNIT: Record<ReferenceIndicator, "share" | "days"> = {
  "outcome90.share": "share",
  "firstWorkplace.medianDays": "days",
  "firstWorkplace.shareWithin365": "share",
  "idle.share": "share",
  "workplaceNow.shareInWorkplace": "share",
  "sfiResults.sharePassed": "share",
  "healthCoverage.shareOffered": "share",
  "healthCoverage.shareCompleted": "share",
  "leadTimes.medianGapDays": "days",
};

/**
 * Cohort figures are compared year by cohort year; the others ("now" figures on the as-of date)
 * with the year of the as-of date.
 */
export const COHORT_INDICATORS: ReadonlySet<ReferenceIndicator> = new Set([
  "outcome90.share",
  "firstWorkplace.medianDays",
  "firstWorkplace.shareWithin365",
  "sfiResults.sharePassed",
  "healthCoverage.shareOffered",
  "healthCoverage.shareCompleted",
]);

export function isReferenceIndicator(x: string): x is ReferenceIndicator {
  return (REFERENCE_INDICATORS as readonly string[]).includes(x);
}

/** The entered number (percent for shares) as stored. */
export function toStored(indicator: ReferenceIndicator, entered: number): number {
  return INDICATOR_UNIT[indicator] === "share" ? Math.round(entered * 100) / 10_000 : entered;
}

/** The stored number as the admin enters it again (percent for shares). */
export function toEntered(indicator: string, stored: number): number {
  return isReferenceIndicator(indicator) && INDICATOR_UNIT[indicator] === "share" ? Math.round(stored * 1_000_000) / 10_000 : stored;
}

/** For display: "48 %" or "120 dagar"-style number, without the unit word for days. */
export function formatReference(indicator: string, stored: number): string {
  if (isReferenceIndicator(indicator) && INDICATOR_UNIT[indicator] === "share") {
    const pct = Math.round(stored * 1000) / 10;
    return `${String(pct).replace(".", ",")} %`;
  }
  return String(Math.round(stored * 10) / 10).replace(".", ",");
}
