// Edit a participant's details; the form carries the version it was opened on.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getParticipant, listUnitCoordinators } from "@/lib/participants/queries";
import { formValuesOf } from "@/lib/participants/commands";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { ParticipantForm } from "../../_components/ParticipantForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("editParticipant"); }

export default async function EditParticipantPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  if (!hasPermission(user, "participant:write")) notFound();
  const { id } = await params;
  let p;
  try {
    p = await getParticipant(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const t = await getAreaMessages(participantMessages);
  const r = await getAreaMessages(resultsMessages);
  const coordinators = await listUnitCoordinators(user);
  return (
    <>
      <h1>
        {t.editTitle}: {p.firstName} {p.lastName}
      </h1>
      <ParticipantForm
        mode="edit"
        initial={{ ...formValuesOf(p), id: p.id }}
        coordinators={coordinators}
        t={t}
        labels={{ genders: r.genders, educationLevels: r.educationLevels, settlements: r.settlements }}
        cancelHref={`/deltagare/${p.id}`}
      />
    </>
  );
}
