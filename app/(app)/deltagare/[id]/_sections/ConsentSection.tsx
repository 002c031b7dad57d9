// The participant page's consent section: what the participant has agreed may be shared with
// whom, and since when; record a new consent or withdraw one (asked once more, with its day). The
// answer to either stands below the table, where the focus goes.
import Link from "@/app/_components/Link";
import { CONSENT_ACTORS, CONSENT_METHODS } from "@/db/schema/consents";
import { consentStatus, type listConsents } from "@/lib/consent";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { todayIso } from "@/lib/dates";
import { ConsentAnswer, ConsentForm, ConsentMessages, WithdrawConsent } from "./ConsentForm";
import { TableScroll } from "@/app/_components/TableScroll";

export async function ConsentSection({ participantId, rows }: { participantId: string; rows: Awaited<ReturnType<typeof listConsents>> }) {
  const t = (await getAreaMessages(privacyMessages)).consent;
  const today = todayIso();
  const statusText = { valid: t.valid, withdrawn: t.withdrawn, expired: t.expired };
  const actorLabel = (c: { actor: keyof typeof t.actors; actorName: string | null }) => `${t.actors[c.actor]}${c.actorName ? `: ${c.actorName}` : ""}`;
  return (
    <section aria-labelledby="consent-heading" className="section">
      <h2 id="consent-heading">{t.title}</h2>
      <p>{t.intro}</p>
      <ConsentMessages>
        {rows.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <TableScroll label={t.tableRegion}>
            {/* The scroll area is named apart from the section it stands in (landmarks must differ), as on Resultat. */}
            <table className="table">
              <caption className="visually-hidden">{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.actor}</th>
                  <th scope="col">{t.scope}</th>
                  <th scope="col">{t.givenOn}</th>
                  <th scope="col">{t.method}</th>
                  <th scope="col">{t.validUntilColumn}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => {
                  const status = consentStatus(c, today);
                  return (
                    <tr key={c.id}>
                      <td>{actorLabel(c)}</td>
                      <td>{c.scope}</td>
                      <td>{c.givenOn}</td>
                      <td>{t.methods[c.method]}</td>
                      <td>{c.validUntil ?? "–"}</td>
                      <td>
                        {statusText[status]}
                        {c.withdrawnOn ? ` ${c.withdrawnOn}` : ""}
                        {status === "valid" && !c.withdrawnOn && (
                          <>
                            {" "}
                            <WithdrawConsent id={c.id} version={c.version} givenOn={c.givenOn} today={today} actorLabel={actorLabel(c)} t={t} />
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        <ConsentAnswer />
        <p>
          <Link href={`/deltagare/${participantId}/sammanfattning-af`}>{t.afSummaryLink}</Link>
        </p>
        <h3>{t.add}</h3>
        <ConsentForm
          participantId={participantId}
          today={today}
          t={t}
          actors={CONSENT_ACTORS.map((a) => ({ value: a, label: t.actors[a] }))}
          methods={CONSENT_METHODS.map((m) => ({ value: m, label: t.methods[m] }))}
        />
      </ConsentMessages>
    </section>
  );
}
