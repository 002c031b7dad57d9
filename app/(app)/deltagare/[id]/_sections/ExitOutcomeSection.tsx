// Leaving the programme and the 90-day outcome, with earlier values of a corrected outcome.
import { getExitAndOutcome } from "@/lib/outcomes/queries";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, todayIso } from "@/lib/dates";
import { getAreaMessages } from "@/lib/i18n/server";
import { outcomeMessages } from "@/lib/i18n/areas/outcome";
import { ExitForm, OutcomeForm } from "./OutcomeForms";

export async function ExitOutcomeSection({ user, participantId }: { user: SessionUser; participantId: string }) {
  const t = await getAreaMessages(outcomeMessages);
  const today = todayIso();
  const { participant: p, outcome, history } = await getExitAndOutcome(user, participantId);
  const due = p.programmeEnd ? addDays(p.programmeEnd, 90) : null;
  return (
    <section aria-labelledby="outcome-title" id="utfall">
      <h2 id="outcome-title">{t.title}</h2>
      <h3>{t.exitTitle}</h3>
      {p.programmeEnd ? (
        <dl className="facts" data-testid="exit">
          <dt>{t.leftOn}</dt>
          <dd>{p.programmeEnd}</dd>
          <dt>{t.reason}</dt>
          <dd>{p.exitReason ? t.reasons[p.exitReason] : "–"}</dd>
        </dl>
      ) : (
        <>
          <p>{t.inProgramme}</p>
          <details>
            <summary>{t.recordExit}</summary>
            <ExitForm participantId={p.id} version={p.version} today={today} t={t} />
          </details>
        </>
      )}
      {p.programmeEnd && (
        <>
          <h3>{t.outcomeTitle}</h3>
          {outcome ? (
            <dl className="facts" data-testid="outcome">
              <dt>{t.status}</dt>
              <dd>{t.statuses[outcome.status]}{outcome.subsidized !== null ? ` (${t.subsidizedOptions[outcome.subsidized ? "ja" : "nej"]})` : ""}</dd>
              <dt>{t.recordedDate}</dt>
              <dd>{outcome.recordedDate}</dd>
              <dt>{t.source}</dt>
              <dd>{outcome.source ? t.sources[outcome.source] : "–"}</dd>
            </dl>
          ) : (
            <p>
              {t.noOutcome} {t.outcomeDue} {due}.
            </p>
          )}
          <details>
            <summary>{outcome ? t.correct : t.record}</summary>
            <OutcomeForm
              participantId={p.id}
              version={outcome?.version ?? 0}
              defaults={{ status: outcome?.status, recordedDate: outcome?.recordedDate ?? (due && due > today ? due : today), source: outcome?.source ?? undefined }}
              label={outcome ? t.correct : t.record}
              t={t}
            />
          </details>
          {history.length > 0 && (
            <details>
              <summary>{t.history}</summary>
              <ul>
                {history.map((h) => (
                  <li key={h.id}>
                    {h.changedAt.toISOString().slice(0, 10)}: {t.statuses[h.status]}, {h.recordedDate}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
