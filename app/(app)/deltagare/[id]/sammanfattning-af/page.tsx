// The plan summary for Arbetsförmedlingen, in plain text; refused without the participant's consent
// or when its scope names nothing the summary holds. The text is Swedish (it goes to
// Arbetsförmedlingen); the page around it is in the user's language.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { afPlanSummary, type AfSummary } from "@/lib/privacy/af-summary";
import { ConsentRequiredError, ConsentScopeError } from "@/lib/consent";
import { CONSENT_SCOPE_PARTS } from "@/lib/consent/scope";
import { NotFoundError } from "@/lib/errors";
import { todayIso } from "@/lib/dates";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { FormMessage } from "@/app/_components/Field";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("afSummary"); }

export default async function AfSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  const t = (await getAreaMessages(privacyMessages)).consent;
  const { id } = await params;
  let summary: AfSummary | null = null;
  let refused: string | null = null;
  try {
    summary = await afPlanSummary(user, id, todayIso());
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    // The errors' own messages are Swedish; the page says it in the user's language.
    if (err instanceof ConsentRequiredError) refused = `${t.refused} ${t.actors[err.actor]}.`;
    else if (err instanceof ConsentScopeError) refused = t.afSummaryNoParts.replace("{scope}", err.scope);
    else throw err;
  }
  const list = (parts: readonly string[]) => parts.map((p) => t.afSummaryParts[p as keyof typeof t.afSummaryParts]).join(", ");
  const left = summary ? CONSENT_SCOPE_PARTS.filter((p) => !summary.parts.includes(p)) : [];
  return (
    <>
      <p className="no-print">
        <Link href={`/deltagare/${id}`}>{t.backToParticipant}</Link>
      </p>
      <h1>{t.afSummaryTitle}</h1>
      {refused || !summary ? (
        <FormMessage error={refused} />
      ) : (
        <>
          <div className="no-print">
            <p>{t.afSummaryIntro}</p>
            <p>
              {t.afSummaryIncludes} {list(summary.parts)}.
            </p>
            {left.length > 0 && (
              <p>
                {t.afSummaryLeftOut} {list(left)}.
              </p>
            )}
          </div>
          <pre className="plain-summary" lang="sv">
            {summary.text}
          </pre>
        </>
      )}
    </>
  );
}
