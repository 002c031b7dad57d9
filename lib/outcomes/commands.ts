// Programme exit and the outcomes after it. Exit schedules the 90-day follow-up; the 90-day
// outcome is refused before exit + 90 days, the optional 12-month one before exit + 365 days, and
// a correction of either keeps the earlier value in outcome_history. A recorded exit's date and
// reason can be corrected (the worklist asks for a missing reason), which moves the booked 90-day
// follow-up with it; no exit is in the future.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { followups, outcomeHistory, outcomes, participants } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import type { AuditEntry } from "@/lib/audit/commands";
import { addDays, todayIso } from "@/lib/dates";
import { ConflictError, FieldError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { correctExitSchema, EXIT_IN_FUTURE, exitSchema, OUTCOME_EARLIEST_DAYS, outcomeSchema } from "./schema";

type Participant = typeof participants.$inferSelect;
type Outcome = typeof outcomes.$inferSelect;

/**
 * The note the follow-up booked at exit carries: with its type it tells that booking from the
 * unit's other follow-ups (the table has no link to the exit), so a corrected exit can move it.
 */
export const EXIT_FOLLOWUP_NOTE = "Utfall 90 dagar efter etableringsprogrammet";

/**
 * The day the 90-day follow-up is booked on: exit + 90 calendar days, the first day the outcome
 * can be recorded. Plain date arithmetic (ISO dates, no time of day), weekends included, as the
 * outcome's own earliest date is; both the booking and a correction use this.
 */
export function exitFollowupDueDate(programmeEnd: string): string {
  return addDays(programmeEnd, OUTCOME_EARLIEST_DAYS.dag90);
}

/** An exit's date against the person's own dates and today (Swedish time); the schema checks today too. */
function checkExitDate(p: Participant, programmeEnd: string) {
  if (programmeEnd > todayIso()) throw new FieldError({ programmeEnd: [EXIT_IN_FUTURE] });
  if (p.programmeStart && programmeEnd < p.programmeStart) throw new FieldError({ programmeEnd: [errorText("exitBeforeStart", { date: p.programmeStart })] });
  if (programmeEnd < p.receptionDate) throw new FieldError({ programmeEnd: [errorText("exitBeforeReception", { date: p.receptionDate })] });
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
      .values({ municipalityId: p.municipalityId, participantId: p.id, type: "uppfoljning", dueDate: exitFollowupDueDate(input.programmeEnd), notes: EXIT_FOLLOWUP_NOTE, responsibleUserId: user.id })
      .returning();
    return { participant: updated, followupId: followup.id };
  },
  audit: (r: { participant: Participant; followupId: string }) => [
    { action: "participant.exit", entityType: "participant", entityId: r.participant.id, participantId: r.participant.id, details: { programmeEnd: r.participant.programmeEnd, exitReason: r.participant.exitReason } },
    { action: "followup.schedule", entityType: "followup", entityId: r.followupId, participantId: r.participant.id },
  ],
} satisfies ActionDefinition<typeof exitSchema, { participant: Participant; followupId: string }>;

/** A follow-up moved by a corrected exit: from the old exit's day 90 to the new one's. */
type MovedFollowup = { id: string; participantId: string; from: string; to: string };
type CorrectedExit = {
  participant: Participant;
  changed: ("programmeEnd" | "exitReason")[];
  /** The booked 90-day follow-ups moved to the new date. */
  movedFollowups: MovedFollowup[];
  /** Open 90-day follow-ups left where they are: their date was not the old exit + 90 (moved by hand). */
  keptFollowups: number;
};

/**
 * Moves the 90-day follow-up booked at exit (recordExitDef) along with a corrected exit date. The
 * rule: a follow-up moves when it is that booking (type uppföljning with EXIT_FOLLOWUP_NOTE), still
 * open (planerad: a held or cancelled one is history and stays as it was) and still on the old
 * exit + 90 days. One on another day was moved by the coordinator (or belongs to an earlier exit)
 * and is left alone, only counted, so the confirmation can say it kept its date. A new date in the
 * past is kept too: the follow-up then shows as overdue, which it is. The app books no 12-month
 * follow-up, so there is none to move. Each move bumps the follow-up's version (a record form opened
 * before is stale) and is audited as followup.reschedule by the caller's audit.
 */
async function moveExitFollowups(tx: Tx, participantId: string, oldEnd: string, newEnd: string): Promise<{ moved: MovedFollowup[]; kept: number }> {
  const from = exitFollowupDueDate(oldEnd);
  const to = exitFollowupDueDate(newEnd);
  const booked = await tx
    .select({ id: followups.id, dueDate: followups.dueDate })
    .from(followups)
    .where(and(eq(followups.participantId, participantId), eq(followups.type, "uppfoljning"), eq(followups.status, "planerad"), eq(followups.notes, EXIT_FOLLOWUP_NOTE)));
  const onOldDate = booked.filter((f) => f.dueDate === from).map((f) => f.id);
  const kept = booked.length - onOldDate.length;
  if (onOldDate.length === 0 || from === to) return { moved: [], kept };
  const moved = await tx
    .update(followups)
    .set({ dueDate: to, version: sql`${followups.version} + 1`, updatedAt: sql`now()` })
    // Still open and on the old date when written: the rows are those just read, in this transaction.
    .where(and(inArray(followups.id, onOldDate), eq(followups.status, "planerad"), eq(followups.dueDate, from)))
    .returning({ id: followups.id, participantId: followups.participantId });
  return { moved: moved.map((f) => ({ ...f, from, to })), kept };
}

/**
 * Correct a recorded exit's date or reason. Audited as the other changes of the participant's
 * details (participant.update, the fields that changed); a stale form is a conflict. A new date may
 * not leave an outcome already recorded before it could be (exit + 90 days, + 365 days). A new date
 * moves the booked 90-day follow-up with it (moveExitFollowups), in the same transaction.
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
    if (changed.length === 0) return { participant: p, changed, movedFollowups: [], keptFollowups: 0 };
    if (changed.includes("programmeEnd")) {
      const recorded = await tx.select({ kind: outcomes.kind, recordedDate: outcomes.recordedDate }).from(outcomes).where(eq(outcomes.participantId, p.id));
      for (const o of recorded) {
        const earliest = addDays(input.programmeEnd, OUTCOME_EARLIEST_DAYS[o.kind]);
        if (o.recordedDate < earliest) {
          const message = errorText(o.kind === "dag90" ? "outcomeBeforeNewExitDag90" : "outcomeBeforeNewExitManad12", { recorded: o.recordedDate, earliest });
          throw new FieldError({ programmeEnd: [message] });
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
    // After the participant's row is written (and so locked against a second correction), as the exit's own booking is.
    const { moved, kept } = changed.includes("programmeEnd") ? await moveExitFollowups(tx, p.id, p.programmeEnd, input.programmeEnd) : { moved: [], kept: 0 };
    return { participant: updated, changed, movedFollowups: moved, keptFollowups: kept };
  },
  // The same code and details as an edit of the participant's details: which fields, never their
  // values. Each moved follow-up: its old and new date, and why it moved.
  audit: (r: CorrectedExit): AuditEntry[] => [
    ...(r.changed.length ? [{ action: "participant.update", entityType: "participant", entityId: r.participant.id, participantId: r.participant.id, details: { changed: r.changed, version: r.participant.version } }] : []),
    ...r.movedFollowups.map((f) => ({ action: "followup.reschedule", entityType: "followup", entityId: f.id, participantId: f.participantId, details: { from: f.from, to: f.to, by: "exit.correct" } })),
  ],
} satisfies ActionDefinition<typeof correctExitSchema, CorrectedExit>;

export const recordOutcomeDef = {
  schema: outcomeSchema,
  permission: "outcome:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof outcomeSchema>>): Promise<Outcome> {
    const [p] = await tx.select().from(participants).where(eq(participants.id, input.participantId));
    authorize(p);
    if (!p.programmeEnd) throw new FieldError({}, "Registrera först att personen har lämnat etableringsprogrammet.");
    const earliest = addDays(p.programmeEnd, OUTCOME_EARLIEST_DAYS[input.kind]);
    if (input.recordedDate < earliest) throw new FieldError({ recordedDate: [errorText(input.kind === "dag90" ? "outcomeTooEarlyDag90" : "outcomeTooEarlyManad12", { date: earliest })] });
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
