// Scheduling and recording follow-up meetings. Recording one can book the next at the unit's
// cadence in the same step; a stale form (someone else recorded it) is a conflict, not an overwrite.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { followups, participants } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordFollowupSchema, scheduleFollowupSchema } from "./schema";

async function participantResource(tx: Tx, participantId: string) {
  const [p] = await tx.select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId }).from(participants).where(eq(participants.id, participantId));
  return p;
}

type Followup = typeof followups.$inferSelect;

export const scheduleFollowupDef = {
  schema: scheduleFollowupSchema,
  permission: "followup:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof scheduleFollowupSchema>>): Promise<Followup> {
    const p = await participantResource(tx, input.participantId);
    authorize(p);
    const [row] = await tx.insert(followups).values({ municipalityId: p.municipalityId, participantId: p.id, type: input.type, dueDate: input.dueDate, responsibleUserId: user.id }).returning();
    return row;
  },
  audit: (r: Followup) => ({ action: "followup.schedule", entityType: "followup", entityId: r.id, participantId: r.participantId, details: { type: r.type, dueDate: r.dueDate } }),
} satisfies ActionDefinition<typeof scheduleFollowupSchema, Followup>;

export const recordFollowupDef = {
  schema: recordFollowupSchema,
  permission: "followup:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof recordFollowupSchema>>) {
    const [f] = await tx.select().from(followups).where(eq(followups.id, input.followupId));
    if (!f) throw new NotFoundError("followup");
    authorize(await participantResource(tx, f.participantId));
    const [updated] = await tx
      .update(followups)
      .set({ status: "genomford", heldDate: input.heldDate, attendees: input.attendees, notes: input.notes || null, nextSteps: input.nextSteps || null, version: sql`${followups.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(followups.id, f.id), eq(followups.version, input.version)))
      .returning();
    if (!updated) throw new ConflictError(f);
    let next: Followup | null = null;
    if (input.scheduleNext) {
      [next] = await tx.insert(followups).values({ municipalityId: f.municipalityId, participantId: f.participantId, type: f.type, dueDate: input.nextDueDate, responsibleUserId: user.id }).returning();
    }
    return { followup: updated, next };
  },
  audit: (r: { followup: Followup; next: Followup | null }) => [
    { action: "followup.record", entityType: "followup", entityId: r.followup.id, participantId: r.followup.participantId, details: { heldDate: r.followup.heldDate } },
    ...(r.next ? [{ action: "followup.schedule", entityType: "followup", entityId: r.next.id, participantId: r.next.participantId, details: { dueDate: r.next.dueDate } }] : []),
  ],
} satisfies ActionDefinition<typeof recordFollowupSchema, { followup: Followup; next: Followup | null }>;

export const scheduleFollowup = defineAction(scheduleFollowupDef);
export const recordFollowup = defineAction(recordFollowupDef);
