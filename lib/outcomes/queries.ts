// Exit and outcomes (90 days, 12 months) as the coordinator of the participant's unit sees them.
import { desc, getTableColumns, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { frozen, fromJson, jsonList, jsonObject, listFromJson, type Raw } from "@/db/json";
import { outcomeHistory, outcomes, participants } from "@/db/schema";
import type { OUTCOME_KINDS } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { scopedParticipantRow } from "@/lib/participants/scope";

type OutcomeKind = (typeof OUTCOME_KINDS)[number];

const exitFields = { id: participants.id, version: participants.version, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd, exitReason: participants.exitReason };
const outcomeFields = getTableColumns(outcomes);
const historyFields = getTableColumns(outcomeHistory);

/** An outcome's earlier values, newest first: a subquery of the person's row. */
const historyOf = (kind: OutcomeKind) =>
  jsonList(
    historyFields,
    sql`from ${outcomeHistory} join ${outcomes} on ${outcomes.id} = ${outcomeHistory.outcomeId}
      where ${outcomes.participantId} = ${participants.id} and ${outcomes.kind} = ${sql.raw(`'${kind}'`)}`,
    [desc(outcomeHistory.changedAt)],
  );

/** The select list of getExitAndOutcome, as subqueries of the person's row. */
const exitSelect = frozen(sql`${jsonObject(exitFields)} as "participant",
  ${jsonList(outcomeFields, sql`from ${outcomes} where ${outcomes.participantId} = ${participants.id}`, [])} as "outcomes",
  ${historyOf("dag90")} as "day90", ${historyOf("manad12")} as "month12"`);

/** One statement: the scope check, the programme's end, the outcomes and each one's earlier values (newest first). */
export async function getExitAndOutcome(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  const row = await scopedParticipantRow(db, actor, "exit_and_outcome", () => exitSelect, participantId);
  if (!row) throw new NotFoundError("participant");
  const list = listFromJson(outcomeFields, row.outcomes);
  const of = (kind: OutcomeKind) => list.find((o) => o.kind === kind) ?? null;
  const day90 = of("dag90");
  const month12 = of("manad12");
  return {
    participant: fromJson(exitFields, row.participant as Raw),
    outcome: day90,
    history: day90 ? listFromJson(historyFields, row.day90) : [],
    month12: { outcome: month12, history: month12 ? listFromJson(historyFields, row.month12) : [] },
  };
}
