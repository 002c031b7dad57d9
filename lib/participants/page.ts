// Everything the participant page shows, read for one request: the person (which checks that they
// are in the actor's scope, and audits the read), then every section's data at once. The page
// renders from this in one pass (each section drawn as its own read returned cost a suspension and
// a flush through both of React's renderers, more than the reads), and the benchmark runs the same
// function as the page's database floor.
import { getDb, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/permissions";
import { getParticipant, getParticipantHistory, getSkillMappings } from "./queries";
import { getPlan } from "@/lib/plans/queries";
import { listFollowups } from "@/lib/followups/queries";
import { getExitAndOutcome } from "@/lib/outcomes/queries";
import { getSfiSummary } from "@/lib/sfi/queries";
import { listConsents } from "@/lib/consent";

export async function getParticipantPage(actor: Actor, id: string, db: Executor = getDb()) {
  const participant = await getParticipant(actor, id, db);
  const [history, mappings, plan, followups, exit, sfi, consents] = await Promise.all([
    getParticipantHistory(actor, participant.id, db),
    getSkillMappings(actor, participant.id, db),
    getPlan(actor, participant.id, db),
    listFollowups(actor, participant.id, db),
    getExitAndOutcome(actor, participant.id, db),
    getSfiSummary(actor, participant.id, undefined, db),
    listConsents(actor, participant.id, db),
  ]);
  return { participant, history, mappings, plan, followups, exit, sfi, consents };
}
