// Register a participant in the coordinator's own unit.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { listUnitCoordinators } from "@/lib/participants/queries";
import { emptyParticipantForm } from "@/lib/participants/schema";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { ParticipantForm } from "../_components/ParticipantForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("newParticipant"); }

export default async function NewParticipantPage() {
  const user = await requirePermission("participant:read");
  if (!hasPermission(user, "participant:write") || !user.unitId) notFound();
  const t = await getAreaMessages(participantMessages);
  const r = await getAreaMessages(resultsMessages);
  const coordinators = await listUnitCoordinators(user);
  return (
    <>
      <h1>{t.newTitle}</h1>
      <ParticipantForm
        mode="create"
        initial={emptyParticipantForm(user.id)}
        coordinators={coordinators}
        t={t}
        labels={{ genders: r.genders, educationLevels: r.educationLevels, settlements: r.settlements }}
        cancelHref="/deltagare"
      />
    </>
  );
}
