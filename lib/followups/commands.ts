// Scheduling and recording follow-up meetings. Recording one can book the next at the unit's
// cadence and add one planned activity to the plan in the same step; a stale form (someone else
// recorded it) is a conflict, not an overwrite. A praktik's proposed three-party meetings are
// booked with one click, the proposal worked out again at that moment.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { activities, followups, participants } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import type { AuditEntry } from "@/lib/audit/commands";
import { todayIso } from "@/lib/dates";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { insertActivity } from "@/lib/plans/commands";
import { proposeThreePartyMeetings } from "./praktik";
import { bookThreePartySchema, recordFollowupSchema, scheduleFollowupSchema } from "./schema";

async function participantResource(tx: Tx, participantId: string) {
  const [p] = await tx.select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId }).from(participants).where(eq(participants.id, participantId));
  return p;
}

type Followup = typeof followups.$inferSelect;
type Activity = typeof activities.$inferSelect;
type Recorded = { followup: Followup; next: Followup | null; activity: Activity | null };

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
    let activity: Activity | null = null;
    if (input.addActivity && input.activityType) {
      // A planned activity carries its planned dates as its dates until it starts (db/schema/activities.ts).
      const end = input.activityEnd || null;
      activity = await insertActivity(tx, {
        municipalityId: f.municipalityId,
        participantId: f.participantId,
        type: input.activityType,
        status: "planerad",
        startDate: input.activityStart,
        endDate: end,
        provider: input.activityProvider || null,
        responsibleUserId: user.id,
      }, { userId: user.id, note: `från uppföljningen ${input.heldDate}` });
    }
    return { followup: updated, next, activity };
  },
  audit: (r: Recorded): AuditEntry[] => [
    { action: "followup.record", entityType: "followup", entityId: r.followup.id, participantId: r.followup.participantId, details: { heldDate: r.followup.heldDate } },
    ...(r.next ? [{ action: "followup.schedule", entityType: "followup", entityId: r.next.id, participantId: r.next.participantId, details: { dueDate: r.next.dueDate } }] : []),
    ...(r.activity
      ? [{ action: "activity.create", entityType: "activity", entityId: r.activity.id, participantId: r.activity.participantId, details: { type: r.activity.type, status: r.activity.status, startDate: r.activity.startDate, endDate: r.activity.endDate, source: "followup", followupId: r.followup.id } }]
      : []),
  ],
} satisfies ActionDefinition<typeof recordFollowupSchema, Recorded>;

export const bookThreePartyDef = {
  schema: bookThreePartySchema,
  permission: "followup:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof bookThreePartySchema>>): Promise<Followup & { moment: string }> {
    const [a] = await tx.select().from(activities).where(eq(activities.id, input.activityId));
    if (!a) throw new NotFoundError("activity");
    authorize(await participantResource(tx, a.participantId));
    const existing = await tx.select().from(followups).where(eq(followups.participantId, a.participantId));
    const proposal = proposeThreePartyMeetings([a], existing, todayIso()).find((p) => p.moment === input.moment);
    // Booked meanwhile (or the praktik changed): nothing to book, the page shows what is there.
    if (!proposal) throw new ConflictError(null);
    const [row] = await tx
      .insert(followups)
      .values({ municipalityId: a.municipalityId, participantId: a.participantId, activityId: a.id, type: "trepartssamtal", dueDate: proposal.dueDate, responsibleUserId: user.id })
      .returning();
    return { ...row, moment: proposal.moment };
  },
  audit: (r: Followup & { moment: string }) => ({ action: "followup.schedule", entityType: "followup", entityId: r.id, participantId: r.participantId, details: { type: r.type, dueDate: r.dueDate, activityId: r.activityId, moment: r.moment } }),
} satisfies ActionDefinition<typeof bookThreePartySchema, Followup & { moment: string }>;

export const scheduleFollowup = defineAction(scheduleFollowupDef);
export const recordFollowup = defineAction(recordFollowupDef);
export const bookThreeParty = defineAction(bookThreePartyDef);
