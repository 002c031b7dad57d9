// Do or revise a participant's kartläggning; each save becomes a new version.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getParticipant, getSkillMappings } from "@/lib/participants/queries";
import { skillMappingFormOf } from "@/lib/participants/schema";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { SkillMappingForm } from "./SkillMappingForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("skillMapping"); }

export default async function SkillMappingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  if (!hasPermission(user, "participant:write")) notFound();
  const { id } = await params;
  let p;
  let mapping;
  try {
    p = await getParticipant(user, id);
    mapping = await getSkillMappings(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const t = await getAreaMessages(participantMessages);
  const r = await getAreaMessages(resultsMessages);
  const current = mapping.current;
  return (
    <>
      <h1>
        {t.mappingTitle}: {p.firstName} {p.lastName}
      </h1>
      <SkillMappingForm initial={skillMappingFormOf(p.id, current?.version ?? 0, current?.data ?? null)} t={t} educationLevels={r.educationLevels} />
    </>
  );
}
