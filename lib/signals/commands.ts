// Snoozing a signal: with a reason and a date, audited; the worklist hides it until then.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { participants, signalSnoozes } from "@/db/schema";
import type { ActionContext, ActionDefinition } from "@/lib/auth/action";
import { defineAction } from "@/lib/auth/action";
import { snoozeSchema } from "./schema";



export const snoozeSignalDef = {
  schema: snoozeSchema,
  permission: "followup:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof snoozeSchema>>) {
    const [p] = await tx.select({ municipalityId: participants.municipalityId, unitId: participants.unitId }).from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    await tx
      .insert(signalSnoozes)
      .values({ participantId: input.participantId, signalKey: input.signalKey, until: input.until, reason: input.reason, createdBy: user.id })
      .onConflictDoUpdate({
        target: [signalSnoozes.participantId, signalSnoozes.signalKey],
        set: { until: sql`excluded.until`, reason: sql`excluded.reason`, createdBy: sql`excluded.created_by`, createdAt: sql`now()` },
      });
    const [row] = await tx.select().from(signalSnoozes).where(and(eq(signalSnoozes.participantId, input.participantId), eq(signalSnoozes.signalKey, input.signalKey)));
    return row;
  },
  audit: (r: typeof signalSnoozes.$inferSelect) => ({ action: "signal.snooze", entityType: "signal", entityId: r.signalKey, participantId: r.participantId, details: { until: r.until, reason: r.reason } }),
} satisfies ActionDefinition<typeof snoozeSchema, typeof signalSnoozes.$inferSelect>;

export const snoozeSignal = defineAction(snoozeSignalDef);
