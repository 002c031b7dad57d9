// Follow-up meetings: the planned ones (overdue marked) can be recorded, which proposes the next
// at the unit's cadence; held ones with their notes; booking a new one.
import { listFollowups } from "@/lib/followups/queries";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, todayIso } from "@/lib/dates";
import { getAreaMessages } from "@/lib/i18n/server";
import { followupMessages } from "@/lib/i18n/areas/followup";
import { RecordFollowupForm, ScheduleFollowupForm } from "./FollowupForms";

export async function FollowupSection({ user, participantId }: { user: SessionUser; participantId: string }) {
  const t = await getAreaMessages(followupMessages);
  const today = todayIso();
  const { planned, held, cadenceDays } = await listFollowups(user, participantId);
  return (
    <section aria-labelledby="followup-title" id="uppfoljning">
      <h2 id="followup-title">{t.title}</h2>
      <h3>{t.planned}</h3>
      {planned.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="followups">
          {planned.map((f) => (
            <li key={f.id} data-followup={f.id}>
              <strong>{t.types[f.type]}</strong> {f.dueDate} {f.dueDate < today && <span className="tag overdue">{t.overdue}</span>}
              <details>
                <summary>
                  {t.record}
                  <span className="visually-hidden">: {t.types[f.type]} {f.dueDate}</span>
                </summary>
                <RecordFollowupForm followupId={f.id} version={f.version} today={today} nextDue={addDays(today, cadenceDays)} t={t} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t.schedule}</summary>
        <ScheduleFollowupForm participantId={participantId} defaultDue={addDays(today, cadenceDays)} t={t} />
      </details>
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
