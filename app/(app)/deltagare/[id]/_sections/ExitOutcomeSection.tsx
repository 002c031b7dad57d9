// Leaving the programme, the 90-day outcome and the optional 12-month one, each with the earlier
// values of a corrected outcome. An exit recorded or corrected is said in the section's status line
// (SectionAnswer), which takes focus: the exit's form is drawn anew, closed, with the saved values
// (keyed by the participant's version), ready for the next correction.
import { type getExitAndOutcome } from "@/lib/outcomes/queries";
import { OUTCOME_EARLIEST_DAYS } from "@/lib/outcomes/schema";
import { addDays, todayIso } from "@/lib/dates";
import { getAreaMessages, pickMessages } from "@/lib/i18n/server";
import { LazyDetails } from "@/app/_components/LazyDetails";
import { SectionAnswer } from "@/app/_components/SectionAnswer";
import { OUTCOME_FORM_MESSAGES, type OutcomeFormMessages } from "./form-messages";
import { outcomeMessages, type OutcomeMessages } from "@/lib/i18n/areas/outcome";
import { ExitForm, OutcomeForm } from "./OutcomeForms";

type Data = Awaited<ReturnType<typeof getExitAndOutcome>>["month12"];

function OutcomeBlock({ participantId, kind, data, due, today, testId, t, forms }: { participantId: string; kind: "dag90" | "manad12"; data: Data; due: string; today: string; testId: string; t: OutcomeMessages; forms: OutcomeFormMessages }) {
  const { outcome, history } = data;
  return (
    <div data-outcome-kind={kind}>
      {outcome ? (
        <dl className="facts" data-testid={testId}>
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
      <LazyDetails
        summary={
          <>
            {outcome ? t.correct : t.record}
            {kind === "manad12" && <span className="visually-hidden"> ({t.month12Title})</span>}
          </>
        }
      >
        <OutcomeForm
          participantId={participantId}
          kind={kind}
          version={outcome?.version ?? 0}
          defaults={{ status: outcome?.status, recordedDate: outcome?.recordedDate ?? (due > today ? due : today), source: outcome?.source ?? undefined }}
          label={outcome ? t.correct : t.record}
          t={forms}
        />
      </LazyDetails>
      {history.length > 0 && (
        <details>
          <summary>
            {t.history}
            {kind === "manad12" && <span className="visually-hidden"> ({t.month12Title})</span>}
          </summary>
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                {h.changedAt.toISOString().slice(0, 10)}: {t.statuses[h.status]}, {h.recordedDate}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export async function ExitOutcomeSection({ participantId, data }: { participantId: string; data: Awaited<ReturnType<typeof getExitAndOutcome>> }) {
  const t = await getAreaMessages(outcomeMessages);
  const today = todayIso();
  const { participant: p, outcome, history, month12 } = data;
  const forms = pickMessages(t, OUTCOME_FORM_MESSAGES);
  return (
    <section aria-labelledby="outcome-title" id="utfall">
      <h2 id="outcome-title">{t.title}</h2>
      <SectionAnswer testId="outcome-status">
        <h3>{t.exitTitle}</h3>
        {p.programmeEnd ? (
          <>
            <dl className="facts" data-testid="exit">
              <dt>{t.leftOn}</dt>
              <dd>{p.programmeEnd}</dd>
              <dt>{t.reason}</dt>
              <dd>{p.exitReason ? t.reasons[p.exitReason] : "–"}</dd>
            </dl>
            {!p.exitReason && <p>{t.reasonMissing}</p>}
            {/* The worklist's "exit reason missing" leads here: the reason (and the date) can be set after the exit. */}
            <LazyDetails key={p.version} summary={p.exitReason ? t.correctExit : t.addExitReason}>
              <ExitForm participantId={p.id} version={p.version} today={today} current={{ programmeEnd: p.programmeEnd, exitReason: p.exitReason }} t={forms} />
            </LazyDetails>
          </>
        ) : (
          <>
            <p>{t.inProgramme}</p>
            <LazyDetails summary={t.recordExit}>
              <ExitForm participantId={p.id} version={p.version} today={today} t={forms} />
            </LazyDetails>
          </>
        )}
        {p.programmeEnd && (
          <>
            <h3>{t.outcomeTitle}</h3>
            <OutcomeBlock participantId={p.id} kind="dag90" data={{ outcome, history }} due={addDays(p.programmeEnd, OUTCOME_EARLIEST_DAYS.dag90)} today={today} testId="outcome" t={t} forms={forms} />
            <h3>{t.month12Title}</h3>
            <p className="definition">{t.month12Intro}</p>
            <OutcomeBlock participantId={p.id} kind="manad12" data={month12} due={addDays(p.programmeEnd, OUTCOME_EARLIEST_DAYS.manad12)} today={today} testId="outcome-12" t={t} forms={forms} />
          </>
        )}
      </SectionAnswer>
    </section>
  );
}
