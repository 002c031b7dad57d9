// The plan summary for Arbetsförmedlingen, in plain text; refused without the participant's consent.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { afPlanSummary } from "@/lib/privacy/af-summary";
import { ConsentRequiredError } from "@/lib/consent";
import { NotFoundError } from "@/lib/errors";
import { todayIso } from "@/lib/dates";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { FormMessage } from "@/app/_components/Field";

export const metadata: Metadata = { title: "Sammanfattning för Arbetsförmedlingen" };

export default async function AfSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  const t = (await getAreaMessages(privacyMessages)).consent;
  const { id } = await params;
  let text: string | null = null;
  let refused: string | null = null;
  try {
    text = await afPlanSummary(user, id, todayIso());
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ConsentRequiredError) refused = err.message;
    else throw err;
  }
  return (
    <>
      <p className="no-print">
        <Link href={`/deltagare/${id}`}>{t.backToParticipant}</Link>
      </p>
      <h1>{t.afSummaryTitle}</h1>
      {refused ? (
        <FormMessage error={refused} />
      ) : (
        <pre className="plain-summary">{text}</pre>
      )}
    </>
  );
}
