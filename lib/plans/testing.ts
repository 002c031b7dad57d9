// For tests: a person's plan history straight from the database (newest first), without the
// scoping and audit of getPlan, so sfi, employer, follow-up and import tests can check it too.
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { planRevisions, plans } from "@/db/schema";

export async function planHistoryOf(db: Executor, participantId: string) {
  return db
    .select({ kind: planRevisions.kind, activityId: planRevisions.activityId, version: planRevisions.version, changedBy: planRevisions.changedBy, summary: planRevisions.summary, snapshot: planRevisions.snapshot })
    .from(planRevisions)
    .innerJoin(plans, eq(plans.id, planRevisions.planId))
    .where(eq(plans.participantId, participantId))
    .orderBy(desc(planRevisions.changedAt), desc(planRevisions.seq));
}
