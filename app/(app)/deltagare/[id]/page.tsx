import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getParticipantPage } from "@/lib/participants/page";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { formatPersonnummer } from "@/lib/validation/personnummer";
import { ConsentSection } from "./_sections/ConsentSection";
import { SfiSection } from "./_sections/SfiSection";
import { PlanSection } from "./_sections/PlanSection";
import { FollowupSection } from "./_sections/FollowupSection";
import { ExitOutcomeSection } from "./_sections/ExitOutcomeSection";
import { DetailsSection } from "./_sections/DetailsSection";
import { SkillMappingSection } from "./_sections/SkillMappingSection";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("participant"); }

export default async function ParticipantPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  const t = await getMessages();
  const r = await getAreaMessages(resultsMessages);
  const { id } = await params;
  let data;
  try {
    data = await getParticipantPage(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const { participant: p, history, mappings, plan, followups, exit, sfi, consents } = data;
  return (
    <>
      <h1>
        {p.firstName} {p.lastName}
      </h1>
      <dl className="facts">
        <dt>{t.participant.personnummer}</dt>
        <dd>{p.personnummer ? formatPersonnummer(p.personnummer) : t.common.none}</dd>
        <dt>{t.participants.birthDate}</dt>
        <dd>{p.birthDate}</dd>
        <dt>{t.participant.gender}</dt>
        <dd>{r.genders[p.gender] ?? p.gender}</dd>
        <dt>{t.participants.received}</dt>
        <dd>{p.receptionDate}</dd>
        <dt>{t.participant.education}</dt>
        <dd>{p.educationLevel ? r.educationLevels[p.educationLevel] : t.common.none}</dd>
        <dt>{t.participant.track}</dt>
        <dd>{r.tracks[p.track] ?? p.track}</dd>
      </dl>
      <DetailsSection user={user} participant={p} history={history} />
      <SkillMappingSection user={user} participantId={p.id} data={mappings} />
      <PlanSection participantId={p.id} data={plan} />
      <FollowupSection participantId={p.id} data={followups} />
      <ExitOutcomeSection participantId={p.id} data={exit} />
      <SfiSection summary={sfi} />
      <ConsentSection participantId={p.id} rows={consents} />
    </>
  );
}
