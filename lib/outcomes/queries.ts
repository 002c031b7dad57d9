// Exit and outcome as the coordinator of the participant's unit sees them.
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { outcomeHistory, outcomes, participants } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";

export async function getExitAndOutcome(actor: Actor, participantId: string, db: Executor = getDb()) {
  const [p] = await db
    .select({ id: participants.id, version: participants.version, programmeStart: participants.programmeStart, programmeEnd: participants.programmeEnd, exitReason: participants.exitReason })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("participant");
  const [outcome] = await db.select().from(outcomes).where(and(eq(outcomes.participantId, participantId), eq(outcomes.kind, "dag90")));
  const history = outcome ? await db.select().from(outcomeHistory).where(eq(outcomeHistory.outcomeId, outcome.id)).orderBy(desc(outcomeHistory.changedAt)) : [];
  return { participant: p, outcome: outcome ?? null, history };
}
