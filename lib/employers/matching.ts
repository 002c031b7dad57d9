// Matching an opening to participants: does a goal occupation or an earlier occupation fit the
// opening's? Pure, so it is tested without a database.
import { foldName } from "@/lib/participants/search";
import type { ActivityType } from "@/db/schema/enums";

const words = (s: string) => foldName(s).split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Fits when one names the other ("Kock" in "Kock storkök"), or two of their words begin with
 * the same six letters or more ("Lagerarbetare" and "Lagerarbete"): occupations are typed by hand.
 */
export function occupationFits(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const fa = foldName(a);
  const fb = foldName(b);
  if (!fa || !fb) return false;
  if (fa.includes(fb) || fb.includes(fa)) return true;
  const wb = words(b);
  return words(a).some((x) => wb.some((y) => x === y || commonPrefix(x, y) >= 6));
}

/** The opening type's activity on the plan. */
export const ACTIVITY_FOR_OPENING: Record<string, ActivityType> = {
  praktik: "praktik",
  extratjanst: "extratjanst",
  jobb: "anstallning",
  rekryteringsutbildning: "rekryteringsutbildning",
};
