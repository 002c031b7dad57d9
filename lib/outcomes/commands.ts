// Programme exit and the outcomes after it. Exit schedules the 90-day follow-up; the 90-day
// outcome is refused before exit + 90 days, the optional 12-month one before exit + 365 days, and
// a correction of either keeps the earlier value in outcome_history. A recorded exit's date and
// reason can be corrected (the worklist asks for a missing reason); no exit is in the future.
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { followups, outcomeHistory, outcomes, participants } from "@/db/schema";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { addDays, todayIso } from "@/lib/dates";
import { ConflictError, FieldError } from "@/lib/errors";
import { correctExitSchema, EXIT_IN_FUTURE, exitSchema, OUTCOME_EARLIEST_DAYS, outcomeSchema } from "./schema";

type Participant = typeof participants.$inferSelect;
type Outcome = typeof outcomes.$inferSelect;

/** An exit's date against the person's own dates and today (Swedish time); the schema checks today too. */
function checkExitDate(p: Participant, programmeEnd: string) {
  if (programmeEnd > todayIso()) throw new FieldError({ programmeEnd: [EXIT_IN_FUTURE] });
  if (p.programmeStart && programmeEnd < p.programmeStart) throw new FieldError({ programmeEnd: [`Avslutet kan inte vara före programstarten (${p.programmeStart}).`] });
  if (programmeEnd < p.receptionDate) throw new FieldError({ programmeEnd: [`Avslutet kan inte vara före mottagandet (${p.receptionDate}).`] });
}

export const recordExitDef = {
  schema: exitSchema,
  permission: "outcome:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof exitSchema>>) {
    const [p] = await tx.select().from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    checkExitDate(p, input.programmeEnd);
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

type CorrectedExit = { participant: Participant; changed: ("programmeEnd" | "exitReason")[] };

/**
 * Correct a recorded exit's date or reason. Audited as the other changes of the participant's
 * details (participant.update, the fields that changed); a stale form is a conflict. A new date may
 * not leave an outcome already recorded before it could be (exit + 90 days, + 365 days).
 */
export const correctExitDef = {
  schema: correctExitSchema,
  permission: "outcome:write",
  async run({ tx, input, authorize }: ActionContext<z.infer<typeof correctExitSchema>>): Promise<CorrectedExit> {
    const [p] = await tx.select().from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    if (p.version !== input.version) throw new ConflictError({ programmeEnd: p.programmeEnd, exitReason: p.exitReason, version: p.version });
    if (!p.programmeEnd) throw new FieldError({}, "Registrera först att personen har lämnat etableringsprogrammet.");
    checkExitDate(p, input.programmeEnd);
    const changed: CorrectedExit["changed"] = [];
    if (input.programmeEnd !== p.programmeEnd) changed.push("programmeEnd");
    if (input.exitReason !== p.exitReason) changed.push("exitReason");
    if (changed.length === 0) return { participant: p, changed };
    if (changed.includes("programmeEnd")) {
      const recorded = await tx.select({ kind: outcomes.kind, recordedDate: outcomes.recordedDate }).from(outcomes).where(eq(outcomes.participantId, p.id));
      for (const o of recorded) {
        const earliest = addDays(input.programmeEnd, OUTCOME_EARLIEST_DAYS[o.kind]);
        if (o.recordedDate < earliest) {
          const which = o.kind === "dag90" ? "90 dagar" : "12 månader";
          throw new FieldError({ programmeEnd: [`Utfallet efter ${which} är fastställt ${o.recordedDate}, före ${earliest}, som det nya datumet skulle ge. Rätta utfallet först, eller välj ett tidigare datum.`] });
        }
      }
    }
    const [updated] = await tx
      .update(participants)
      .set({ programmeEnd: input.programmeEnd, exitReason: input.exitReason, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(participants.id, p.id), eq(participants.version, input.version)))
      .returning();
    if (!updated) {
      const [now] = await tx.select().from(participants).where(eq(participants.id, p.id));
      throw new ConflictError({ programmeEnd: now.programmeEnd, exitReason: now.exitReason, version: now.version });
    }
    return { participant: updated, changed };
  },
  // The same code and details as an edit of the participant's details: which fields, never their values.
  audit: (r: CorrectedExit) => (r.changed.length ? { action: "participant.update", entityType: "participant", entityId: r.participant.id, participantId: r.participant.id, details: { changed: r.changed, version: r.participant.version } } : []),
} satisfies ActionDefinition<typeof correctExitSchema, CorrectedExit>;

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
export const correctExit = defineAction(correctExitDef);
