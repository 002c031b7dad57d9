// The facts behind the signals, for every participant of the coordinator's unit in one
// set-based query (no query per person), then the pure rules of rules.ts.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { signalSnoozes, units } from "@/db/schema";
import { WORKPLACE_TYPES } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";

import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";
import { signalsFor, sortSignals, withoutSnoozed, type ParticipantFacts, type Signal } from "./rules";

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const WORK_OR_STUDY = [...WORKPLACE_TYPES, "yrkes_sfi", "vuxenutbildning", "arbetsmarknadsutbildning", "rekryteringsutbildning", "validering"];

type Raw = Record<string, unknown>;

export async function participantFacts(actor: Actor, asOf: string, db: Executor = getDb(), opts: { onlyMine?: boolean } = {}): Promise<ParticipantFacts[]> {
  const d = sql`${asOf}::date`;
  const result = await db.execute(sql`
    select participants.id, participants.first_name || ' ' || participants.last_name as name, participants.coordinator_id, participants.reception_date, participants.programme_start,
      participants.programme_end, participants.exit_reason, participants.education_level,
      (select min(f.due_date) from followups f where f.participant_id = participants.id and f.status = 'planerad' and f.due_date < ${d}) as overdue_due,
      (select min(f.due_date) from followups f where f.participant_id = participants.id and f.status = 'planerad' and f.due_date >= ${d}) as next_due,
      (select min(a.end_date) from activities a where a.participant_id = participants.id and a.status <> 'planerad'
          and a.end_date between ${d} and ${d} + 14
          and not exists (select 1 from activities b where b.participant_id = participants.id and b.id <> a.id and b.status <> 'avbruten'
                            and coalesce(b.end_date, 'infinity'::date) > a.end_date and b.start_date <= a.end_date + 14)) as ending_without_next,
      exists (select 1 from activities a where a.participant_id = participants.id and a.status <> 'planerad'
          and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d} - 30) as covered,
      (select max(coalesce(a.end_date, a.start_date)) from activities a where a.participant_id = participants.id and a.status <> 'planerad' and a.start_date <= ${d}) as last_end,
      (select min(a.start_date) from activities a where a.participant_id = participants.id and a.type in (${list(WORKPLACE_TYPES)})
          and a.status <> 'planerad' and a.start_date <= ${d}) as first_workplace,
      exists (select 1 from activities a where a.participant_id = participants.id and a.type = 'halsoundersokning') as has_health,
      exists (select 1 from outcomes o where o.participant_id = participants.id and o.kind = 'dag90') as has_outcome,
      exists (select 1 from activities a where a.participant_id = participants.id and a.type in (${list(WORK_OR_STUDY)})
          and a.status <> 'planerad' and a.start_date <= ${d} and coalesce(a.end_date, ${d}) >= ${d}) as work_or_study,
      (select case when sum(s.scheduled_hours) > 0 then sum(least(s.attended_hours, s.scheduled_hours)) / sum(s.scheduled_hours) end
         from sfi_attendance s where s.participant_id = participants.id and s.lesson_date between ${d} - 27 and ${d}) as sfi_share
    from participants
    where ${participantScope(actor)} and participants.closed_at is null and participants.reception_date <= ${d}
      ${opts.onlyMine ? sql`and participants.coordinator_id = ${actor.id}` : sql``}`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: Raw[] }).rows) as Raw[];
  const str = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return rows.map((r) => ({
    participantId: String(r.id),
    name: String(r.name),
    coordinatorId: str(r.coordinator_id),
    receptionDate: str(r.reception_date)!,
    programmeStart: str(r.programme_start),
    programmeEnd: str(r.programme_end),
    exitReason: str(r.exit_reason),
    educationLevel: str(r.education_level),
    overdueFollowupDue: str(r.overdue_due),
    nextFollowupDue: str(r.next_due),
    endingWithoutNext: str(r.ending_without_next),
    coveredLast30: Boolean(r.covered),
    lastActivityEnd: str(r.last_end),
    firstWorkplaceStart: str(r.first_workplace),
    hasHealthExam: Boolean(r.has_health),
    hasOutcome90: Boolean(r.has_outcome),
    hasOngoingWorkOrStudy: Boolean(r.work_or_study),
    sfiAttendance: r.sfi_share === null || r.sfi_share === undefined ? null : Number(r.sfi_share),
  }));
}

/** The coordinator's worklist: signals of their unit (own participants first), snoozed ones left out. */
export async function getWorklist(actor: Actor, asOf: string, opts: { onlyMine?: boolean } = {}, db: Executor = getDb()): Promise<Signal[]> {
  if (!hasPermission(actor, "worklist:read") || !actor.unitId) throw new NotFoundError("worklist");
  const [unit] = await db.select().from(units).where(eq(units.id, actor.unitId));
  // The default view (my own participants) is computed for those people only.
  const facts = await participantFacts(actor, asOf, db, { onlyMine: opts.onlyMine });
  const all = facts.flatMap((f) => signalsFor(f, asOf, unit));
  const ids = [...new Set(all.map((s) => s.participantId))];
  const snoozes = ids.length
    ? await db.select({ participantId: signalSnoozes.participantId, signalKey: signalSnoozes.signalKey, until: signalSnoozes.until }).from(signalSnoozes).where(and(inArray(signalSnoozes.participantId, ids), gte(signalSnoozes.until, asOf)))
    : [];
  const visible = sortSignals(withoutSnoozed(all, snoozes, asOf), actor.id).filter((s) => !opts.onlyMine || s.coordinatorId === actor.id);
  if (visible.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { source: "worklist", ids: [...new Set(visible.map((s) => s.participantId))] },
    });
  }
  return visible;
}

