// Programme exit and the outcomes after it. Exit schedules the 90-day follow-up; the 90-day
// outcome is refused before exit + 90 days, the optional 12-month one before exit + 365 days, and
// a correction of either keeps the earlier value in outcome_history.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { followups, outcomeHistory, outcomes, participants } from "@/db/schema";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { addDays } from "@/lib/dates";
import { ConflictError, FieldError } from "@/lib/errors";
import { exitSchema, OUTCOME_EARLIEST_DAYS, outcomeSchema } from "./schema";

type Participant = typeof participants.$inferSelect;
type Outcome = typeof outcomes.$inferSelect;

export const recordExitDef = {
  schema: exitSchema,
  permission: "outcome:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof exitSchema>>) {
    const [p] = await tx.select().from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    if (p.programmeStart && input.programmeEnd < p.programmeStart) throw new FieldError({ programmeEnd: [`Avslutet kan inte vara före programstarten (${p.programmeStart}).`] });
    if (input.programmeEnd < p.receptionDate) throw new FieldError({ programmeEnd: [`Avslutet kan inte vara före mottagandet (${p.receptionDate}).`] });
    const [updated] = await tx
      .update(participants)
      .set({ programmeEnd: input.programmeEnd, exitReason: input.exitReason, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(participants.id, p.id), eq(participants.version, input.version)))
      .returning();
    if (!updated) throw new ConflictError({ programmeEnd: p.programmeEnd, exitReason: p.exitReason });
    const [followup] = await tx
      .insert(followups)
      .values({ municipalityId: p.municipalityId, participantId: p.id, type: "uppfoljning", dueDate: addDays(input.programmeEnd, 90), notes: "Utfall 90 dagar efter etableringsprogrammet", responsibleUserId: user.id })
      .returning();
    return { participant: updated, followupId: followup.id };
  },
  audit: (r: { participant: Participant; followupId: string }) => [
    { action: "participant.exit", entityType: "participant", entityId: r.participant.id, participantId: r.participant.id, details: { programmeEnd: r.participant.programmeEnd, exitReason: r.participant.exitReason } },
    { action: "followup.schedule", entityType: "followup", entityId: r.followupId, participantId: r.participant.id },
  ],
} satisfies ActionDefinition<typeof exitSchema, { participant: Participant; followupId: string }>;

export const recordOutcomeDef = {
  schema: outcomeSchema,
  permission: "outcome:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof outcomeSchema>>): Promise<Outcome> {
    const [p] = await tx.select().from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    if (!p.programmeEnd) throw new FieldError({}, "Registrera först att personen har lämnat etableringsprogrammet.");
    const earliest = addDays(p.programmeEnd, OUTCOME_EARLIEST_DAYS[input.kind]);
    const after = input.kind === "dag90" ? "90 dagar" : "12 månader";
    if (input.recordedDate < earliest) throw new FieldError({ recordedDate: [`Utfallet kan fastställas tidigast ${earliest} (${after} efter avslutet).`] });
    const values = { status: input.status, subsidized: input.status === "arbete" && input.subsidized ? input.subsidized === "ja" : null, recordedDate: input.recordedDate, source: input.source };
    const [current] = await tx.select().from(outcomes).where(and(eq(outcomes.participantId, p.id), eq(outcomes.kind, input.kind)));
    if (!current) {
      if (input.version !== 0) throw new ConflictError(null);
      const [row] = await tx.insert(outcomes).values({ municipalityId: p.municipalityId, participantId: p.id, kind: input.kind, createdBy: user.id, ...values }).returning();
      return row;
    }
    if (current.version !== input.version) throw new ConflictError(current);
    await tx.insert(outcomeHistory).values({ outcomeId: current.id, status: current.status, subsidized: current.subsidized, recordedDate: current.recordedDate, source: current.source, changedBy: user.id });
    const [row] = await tx.update(outcomes).set({ ...values, version: sql`${outcomes.version} + 1`, updatedAt: sql`now()` }).where(eq(outcomes.id, current.id)).returning();
    return row;
  },
  audit: (r: Outcome) => ({ action: r.version > 1 ? "outcome.correct" : "outcome.record", entityType: "outcome", entityId: r.id, participantId: r.participantId, details: { kind: r.kind, status: r.status, recordedDate: r.recordedDate } }),
} satisfies ActionDefinition<typeof outcomeSchema, Outcome>;

export const recordExit = defineAction(recordExitDef);
export const recordOutcome = defineAction(recordOutcomeDef);
