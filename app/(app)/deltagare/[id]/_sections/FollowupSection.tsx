// Follow-up meetings: the planned ones (overdue marked) can be recorded, which proposes the next
// at the unit's cadence and can add an activity; the three-party meetings a praktik still calls
// for, booked with one click; held ones with their notes; booking a new one. A follow-up recorded
// or a proposal booked leaves its list when the page comes back, and the row's message and the
// focus in it with it: the section's status line (SectionAnswer) says what was done and takes focus.
import Link from "@/app/_components/Link";
import { type listFollowups } from "@/lib/followups/queries";
import { addDays, todayIso } from "@/lib/dates";
import { getAreaMessages, pickMessages } from "@/lib/i18n/server";
import { LazyDetails } from "@/app/_components/LazyDetails";
import { SectionAnswer } from "@/app/_components/SectionAnswer";
import { FOLLOWUP_FORM_MESSAGES } from "./form-messages";
import { followupMessages } from "@/lib/i18n/areas/followup";
import { planMessages } from "@/lib/i18n/areas/plan";
import { BookProposalButton, RecordFollowupForm, ScheduleFollowupForm } from "./FollowupForms";

export async function FollowupSection({ participantId, data }: { participantId: string; data: Awaited<ReturnType<typeof listFollowups>> }) {
  const t = await getAreaMessages(followupMessages);
  const plan = await getAreaMessages(planMessages);
  const today = todayIso();
  const { planned, held, cadenceDays, proposals } = data;
  const forms = pickMessages(t, FOLLOWUP_FORM_MESSAGES);
  return (
    <section aria-labelledby="followup-title" id="uppfoljning">
      <h2 id="followup-title">{t.title}</h2>
      <SectionAnswer testId="followup-status">
        {proposals.length > 0 && (
          <>
            <h3>{t.proposals}</h3>
            <p className="definition">{t.proposalsIntro}</p>
            <ul className="followups" data-testid="proposals">
              {proposals.map((x) => {
                const label = `${t.types.trepartssamtal} ${t.moments[x.moment]} ${x.dueDate}`;
                return (
                  <li key={`${x.activityId}-${x.moment}`} data-proposal={x.moment}>
                    <strong>{t.types.trepartssamtal}</strong> {t.moments[x.moment]}: {x.dueDate}{" "}
                    <span className="definition">
                      ({t.praktikAt}
                      {x.praktik.where ? ` – ${x.praktik.where}` : ""}, {x.praktik.startDate} – {x.praktik.endDate})
                    </span>{" "}
                    <BookProposalButton activityId={x.activityId} moment={x.moment} label={label} t={forms} />
                  </li>
                );
              })}
            </ul>
          </>
        )}
        <h3>{t.planned}</h3>
        {planned.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul className="followups">
            {planned.map((f) => (
              <li key={f.id} data-followup={f.id}>
                <strong>{t.types[f.type]}</strong> {f.dueDate} {f.dueDate < today && <span className="tag overdue">{t.overdue}</span>}
                <LazyDetails
                  summary={
                    <>
                      {t.record}
                      <span className="visually-hidden">: {t.types[f.type]} {f.dueDate}</span>
                    </>
                  }
                >
                  <RecordFollowupForm followupId={f.id} version={f.version} today={today} nextDue={addDays(today, cadenceDays)} t={forms} activityTypes={plan.types} />
                </LazyDetails>
              </li>
            ))}
          </ul>
        )}
      </SectionAnswer>
      <LazyDetails summary={t.schedule}>
        <ScheduleFollowupForm participantId={participantId} defaultDue={addDays(today, cadenceDays)} t={forms} />
      </LazyDetails>
      <p>
        <Link href="/arbetslista#kalender">{t.subscribe}</Link>
      </p>
      <h3>{t.held}</h3>
      {held.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {held.map((f) => (
            <li key={f.id}>
              <strong>{t.types[f.type]}</strong> {f.heldDate ?? f.dueDate}
              {f.attendees ? ` – ${f.attendees}` : ""}
              {f.notes && <p className="definition">{f.notes}</p>}
              {f.nextSteps && <p className="definition">{t.nextSteps}: {f.nextSteps}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
