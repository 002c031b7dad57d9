// The three-party meetings (trepartssamtal med arbetsgivare) a praktik calls for: one at its
// midpoint and one at its end. Pure, so the rule is tested on fixed dates; the follow-up section
// shows the proposals and the booking command re-checks them at the moment of booking.
import { addDays, daysBetween, type IsoDate } from "@/lib/dates";

/** A booked or held three-party meeting this close to a proposed date counts as that meeting. */
export const THREE_PARTY_WINDOW_DAYS = 3;

export const PRAKTIK_MOMENTS = ["mitt", "slut"] as const;
export type PraktikMoment = (typeof PRAKTIK_MOMENTS)[number];

export interface PraktikLike {
  id: string;
  type: string;
  status: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface FollowupLike {
  type: string;
  status: string;
  dueDate: IsoDate;
  heldDate: IsoDate | null;
  activityId: string | null;
}

export interface ThreePartyProposal {
  activityId: string;
  moment: PraktikMoment;
  dueDate: IsoDate;
}

/** The midpoint of a period, rounded down to a whole day. */
export function midpoint(start: IsoDate, end: IsoDate): IsoDate {
  return addDays(start, Math.floor(daysBetween(start, end) / 2));
}

/**
 * Proposals for every planned or ongoing praktik with both dates: its midpoint and its end,
 * unless a three-party meeting (planned or held, for this praktik or for none in particular) is
 * within THREE_PARTY_WINDOW_DAYS of that date. Dates already passed are not proposed: a meeting
 * "at the midpoint" booked after it is no longer that meeting, and the end one still comes.
 */
export function proposeThreePartyMeetings(activities: readonly PraktikLike[], followups: readonly FollowupLike[], asOf: IsoDate): ThreePartyProposal[] {
  const out: ThreePartyProposal[] = [];
  for (const a of activities) {
    if (a.type !== "praktik" || (a.status !== "planerad" && a.status !== "pagaende") || !a.endDate || a.endDate < a.startDate) continue;
    const meetings = followups.filter((f) => f.type === "trepartssamtal" && f.status !== "installd" && (f.activityId === null || f.activityId === a.id));
    const targets: [PraktikMoment, IsoDate][] = [
      ["mitt", midpoint(a.startDate, a.endDate)],
      ["slut", a.endDate],
    ];
    for (const [moment, dueDate] of targets) {
      if (dueDate < asOf) continue;
      if (out.some((p) => p.activityId === a.id && p.dueDate === dueDate)) continue;
      const booked = meetings.some((f) => Math.abs(daysBetween(dueDate, f.heldDate ?? f.dueDate)) <= THREE_PARTY_WINDOW_DAYS);
      if (!booked) out.push({ activityId: a.id, moment, dueDate });
    }
  }
  return out.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.activityId.localeCompare(y.activityId));
}
