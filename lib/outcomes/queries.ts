// Exit and outcomes (90 days, 12 months) as the coordinator of the participant's unit sees them.
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { outcomeHistory, outcomes, participants } from "@/db/schema";
import type { OUTCOME_KINDS } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export async function getExitAndOutcome(actor: Actor, participantId: string, db: Executor = getDb()) {
  const [p] = await db
    .select({ id: participants.id, version: participants.version, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd, exitReason: participants.exitReason })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("participant");
  const rows = await db.select().from(outcomes).where(eq(outcomes.participantId, participantId));
  const withHistory = async (kind: OutcomeKind) => {
    const outcome = rows.find((o) => o.kind === kind) ?? null;
    const history = outcome ? await db.select().from(outcomeHistory).where(eq(outcomeHistory.outcomeId, outcome.id)).orderBy(desc(outcomeHistory.changedAt)) : [];
    return { outcome, history };
  };
  const day90 = await withHistory("dag90");
  return { participant: p, outcome: day90.outcome, history: day90.history, month12: await withHistory("manad12") };
}
