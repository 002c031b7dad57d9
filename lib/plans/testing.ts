// For tests: a person's plan history straight from the database (newest first), without the
// scoping and audit of getPlan, so sfi, employer, follow-up and import tests can check it too.
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { activities, planRevisions, plans } from "@/db/schema";

export async function planHistoryOf(db: Executor, participantId: string) {
  return db
    .select({ kind: planRevisions.kind, activityId: planRevisions.activityId, version: planRevisions.version, changedBy: planRevisions.changedBy, summary: planRevisions.summary, snapshot: planRevisions.snapshot })
    .from(planRevisions)
    .innerJoin(plans, eq(plans.id, planRevisions.planId))
    .where(eq(plans.participantId, participantId))
    .orderBy(desc(planRevisions.changedAt), desc(planRevisions.seq));
}

type Activity = typeof activities.$inferSelect;

/** An activity row as the history's describers take it: a praktik at employer e1, changed by `over`. */
export const activityRow = (over: Partial<Activity>): Activity => ({
  id: "a",
  municipalityId: "m",
  participantId: "p",
  type: "praktik",
  status: "planerad",
  startDate: "2026-03-01",
  endDate: "2026-03-31",
  plannedStartDate: "2026-03-01",
  plannedEndDate: "2026-03-31",
  provider: null,
  responsibleUserId: null,
  employerId: "e1",
  hoursPerWeek: "20.0",
  interruptReason: null,
  resultNote: null,
  details: { occupation: "Kock", openingId: "o1" },
  importKey: null,
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});
