// The plan's timeline: activities as bars over time, parallel ones in their own lanes,
// workplace-based ones marked, and the gaps between them. Pure, so it is tested without a page.
import { addDays, daysBetween } from "@/lib/dates";
import { WORKPLACE_TYPES, type ActivityStatus, type ActivityType } from "@/db/schema/enums";

export interface TimelineActivity {
  id: string;
  type: ActivityType;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  provider: string | null;
}

export interface Bar extends TimelineActivity {
  lane: number;
  /** Position and width as shares (0–1) of the timeline. */
  left: number;
  width: number;
  workplace: boolean;
  open: boolean;
}

export interface Gap {
  from: string;
  to: string;
  days: number;
}

export interface Timeline {
  from: string;
  to: string;
  bars: Bar[];
  lanes: number;
  gaps: Gap[];
  longestGap: Gap | null;
}

export const isWorkplace = (t: ActivityType) => (WORKPLACE_TYPES as readonly string[]).includes(t);

/** How far past its start an open-ended activity that has not begun yet is drawn. */
const OPEN_AHEAD_DAYS = 30;

/** Lays the activities out from reception to a little after asOf (or the last planned end). */
export function buildTimeline(activities: TimelineActivity[], receptionDate: string, asOf: string): Timeline {
  const sorted = [...activities].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  // An open-ended activity is drawn up to asOf; one that starts later, for a while from its start,
  // and the range reaches that far: ending it at asOf left a later start outside, its bar undrawn.
  const barEnd = (a: TimelineActivity) => a.endDate ?? (a.startDate > asOf ? addDays(a.startDate, OPEN_AHEAD_DAYS) : asOf);
  const ends = sorted.map(barEnd);
  const from = [receptionDate, ...sorted.map((a) => a.startDate)].sort()[0];
  const to = [addDays(asOf, 30), ...ends].sort().at(-1)!;
  const span = Math.max(1, daysBetween(from, to));
  const laneEnds: string[] = [];
  const bars: Bar[] = sorted.map((a) => {
    const end = barEnd(a);
    let lane = laneEnds.findIndex((e) => e < a.startDate);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    return {
      ...a,
      lane,
      left: daysBetween(from, a.startDate) / span,
      width: Math.max(1, daysBetween(a.startDate, end) + 1) / span,
      workplace: isWorkplace(a.type),
      open: a.endDate === null,
    };
  });
  // Gaps: days no activity (planned ones excluded) covers, from the first start to asOf.
  const gaps: Gap[] = [];
  let coveredUntil: string | null = null;
  for (const a of sorted.filter((x) => x.status !== "planerad" && x.startDate <= asOf)) {
    const end = a.endDate && a.endDate < asOf ? a.endDate : asOf;
    if (coveredUntil !== null && a.startDate > addDays(coveredUntil, 1)) {
      gaps.push({ from: addDays(coveredUntil, 1), to: addDays(a.startDate, -1), days: daysBetween(coveredUntil, a.startDate) - 1 });
    }
    if (coveredUntil === null || end > coveredUntil) coveredUntil = end;
  }
  if (coveredUntil !== null && coveredUntil < asOf) gaps.push({ from: addDays(coveredUntil, 1), to: asOf, days: daysBetween(coveredUntil, asOf) });
  const longestGap = gaps.reduce<Gap | null>((best, g) => (!best || g.days > best.days ? g : best), null);
  return { from, to, bars, lanes: laneEnds.length, gaps, longestGap };
}

/**
 * How the period of an activity without an end date ends, in words: one under way "pågår"; one
 * planned or not begun yet runs "tills vidare" (it is not ongoing), as the plan's history says.
 */
export function openEndOf(a: Pick<TimelineActivity, "status" | "startDate">, asOf: string): "ongoing" | "untilFurtherNotice" {
  return a.status === "planerad" || a.startDate > asOf ? "untilFurtherNotice" : "ongoing";
}

export type WorkplaceFirst =
  | { kind: "ongoing"; since: string }
  | { kind: "planned"; from: string }
  | { kind: "ended"; lastEnd: string; daysSinceEnd: number }
  | { kind: "none"; daysSinceReception: number };

/** "Arbetsplats först": is a workplace-based activity under way or planned, or how long without one. */
export function workplaceFirst(activities: TimelineActivity[], receptionDate: string, asOf: string): WorkplaceFirst {
  const wp = activities.filter((a) => isWorkplace(a.type) && a.status !== "avbruten");
  const ongoing = wp.find((a) => a.status !== "planerad" && a.startDate <= asOf && (a.endDate === null || a.endDate >= asOf));
  if (ongoing) return { kind: "ongoing", since: ongoing.startDate };
  const planned = wp.filter((a) => a.startDate > asOf || a.status === "planerad").sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (planned) return { kind: "planned", from: planned.startDate };
  const lastEnd = activities
    .filter((a) => isWorkplace(a.type) && a.status !== "planerad" && a.endDate !== null && a.endDate < asOf)
    .map((a) => a.endDate!)
    .sort()
    .at(-1);
  if (lastEnd) return { kind: "ended", lastEnd, daysSinceEnd: daysBetween(lastEnd, asOf) };
  return { kind: "none", daysSinceReception: Math.max(0, daysBetween(receptionDate, asOf)) };
}
