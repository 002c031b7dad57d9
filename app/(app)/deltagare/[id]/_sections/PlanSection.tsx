// The individual plan: goal, "arbetsplats först", a timeline of the activities (with the same
// information as a table for screen readers and keyboard users), the gaps between them, and the
// plan's history: every goal and activity change, newest first.
import { type getPlan } from "@/lib/plans/queries";
import { buildTimeline, openEndOf, workplaceFirst } from "@/lib/plans/timeline";
import { todayIso, daysBetween, formatWhen } from "@/lib/dates";
import { getAreaMessages, getLocale, pickMessages } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/messages";
import { historyEntryText } from "@/lib/plans/history-text";
import { planMessages, type PlanMessages } from "@/lib/i18n/areas/plan";
import Link from "@/app/_components/Link";
import { LazyDetails } from "@/app/_components/LazyDetails";
import { GoalForm } from "./PlanForms";
import { GOAL_FORM_MESSAGES } from "./form-messages";
import { TableScroll } from "@/app/_components/TableScroll";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
/** The history shows this many newest changes; the rest open on request. */
const HISTORY_FIRST = 10;

type Revision = Awaited<ReturnType<typeof getPlan>>["revisions"][number];

function RevisionList({ revisions, t, locale }: { revisions: Revision[]; t: PlanMessages; locale: Locale }) {
  return (
    <ul className="history">
      {revisions.map((r) => {
        // Stored in Swedish; in English when it reads back, otherwise as stored (marked as Swedish).
        const entry = historyEntryText(r.kind, r.summary, locale);
        return (
          <li key={r.id} data-kind={r.kind}>
            <time dateTime={r.changedAt.toISOString()}>{formatWhen(r.changedAt)}</time> <span className="tag">{t.historyKinds[r.kind] ?? r.kind}</span>
            {r.changedByName ? ` ${t.historyBy} ${r.changedByName}` : ""}: {entry.lang === locale ? entry.text : <span lang={entry.lang}>{entry.text}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export async function PlanSection({ participantId, data }: { participantId: string; data: Awaited<ReturnType<typeof getPlan>> }) {
  const t = await getAreaMessages(planMessages);
  const locale = await getLocale();
  const today = todayIso();
  const { participant, plan, activities, revisions } = data;
  const timeline = buildTimeline(activities, participant.receptionDate, today);
  const wf = workplaceFirst(activities, participant.receptionDate, today);
  const todayLeft = daysBetween(timeline.from, today) / Math.max(1, daysBetween(timeline.from, timeline.to));
  return (
    <section aria-labelledby="plan-title" id="plan">
      <h2 id="plan-title">{t.title}</h2>
      {plan ? (
        <dl className="facts">
          <dt>{t.goal}</dt>
          <dd>{plan.goalType ? t.goalTypes[plan.goalType] ?? plan.goalType : "–"}</dd>
          <dt>{t.goalOccupation}</dt>
          <dd>{plan.goalOccupation ?? "–"}</dd>
          <dt>{t.reviewDate}</dt>
          <dd>{plan.reviewDate ?? "–"}</dd>
        </dl>
      ) : (
        // Activities make a plan without a goal: then it is the goal that is missing.
        <p>{activities.length > 0 ? t.noGoal : t.noPlan}</p>
      )}
      <LazyDetails className="no-print" summary={t.editGoal}>
        <GoalForm
          t={pickMessages(t, GOAL_FORM_MESSAGES)}
          initial={{ participantId, version: plan?.version ?? 0, goalType: plan?.goalType ?? "", goalOccupation: plan?.goalOccupation ?? "", goalNote: plan?.goalNote ?? "", reviewDate: plan?.reviewDate ?? "" }}
        />
      </LazyDetails>
      <p className="no-print">
        <Link className="button primary" href={`/deltagare/${participantId}/insats/ny`}>
          {t.addActivity}
        </Link>{" "}
        <Link href={`/deltagare/${participantId}/utskrift`}>{t.print}</Link>
      </p>
      <p className={wf.kind === "none" || wf.kind === "ended" ? "notice" : "success"} data-testid="workplace-first">
        {wf.kind === "ongoing"
          ? t.workplaceOngoing.replace("{date}", wf.since)
          : wf.kind === "planned"
            ? t.workplacePlanned.replace("{date}", wf.from)
            : wf.kind === "ended"
              ? t.workplaceEnded.replace("{date}", wf.lastEnd).replace("{days}", String(wf.daysSinceEnd))
              : t.workplaceNone.replace("{days}", String(wf.daysSinceReception))}
      </p>

      {activities.length > 0 && (
        <>
          <h3>{t.timeline}</h3>
          <figure className="timeline" aria-hidden="true" style={{ height: `${timeline.lanes * 2.1 + 1.6}rem` }}>
            {timeline.bars.map((b) => (
              <div
                key={b.id}
                className={`bar${b.workplace ? " workplace" : ""}${b.status === "planerad" ? " planned" : ""}`}
                data-type={b.type}
                data-lane={b.lane}
                style={{ left: pct(b.left), width: pct(Math.min(b.width, 1 - b.left)), top: `${b.lane * 2.1}rem` }}
                title={`${t.types[b.type]} ${b.startDate}–${b.endDate ?? ""}`}
              >
                {t.types[b.type]}
              </div>
            ))}
            <div className="today" style={{ left: pct(todayLeft) }}>
              <span>{t.today}</span>
            </div>
            <figcaption className="timeline-axis">
              <span>{timeline.from}</span>
              <span>{timeline.to}</span>
            </figcaption>
          </figure>
          <p className="definition">{t.timelineDescription}</p>

          <TableScroll>
            <table className="table" id="plan-activities">
              <caption className="visually-hidden">{t.activities}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.period}</th>
                  <th scope="col">{t.provider}</th>
                  <th scope="col" className="num">{t.hours}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.edit}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {timeline.bars.map((b) => {
                  const a = activities.find((x) => x.id === b.id)!;
                  return (
                    <tr key={b.id} data-type={b.type}>
                      <th scope="row">
                        {t.types[b.type]}
                        {b.workplace && <span className="tag">{t.workplaceMark}</span>}
                      </th>
                      <td>{t.statuses[b.status]}</td>
                      <td>
                        {b.startDate} – {b.endDate ?? t[openEndOf(b, today)]}
                      </td>
                      <td>
                        {a.employerId && a.employerName ? (
                          <Link href={`/arbetsgivare/${a.employerId}`}>{a.employerName}</Link>
                        ) : a.provider && a.providerActorId ? (
                          <Link href={`/aktorer/${a.providerActorId}`}>{a.provider}</Link>
                        ) : (
                          (a.provider ?? "–")
                        )}
                      </td>
                      <td className="num">{a.hoursPerWeek ?? "–"}</td>
                      <td>
                        <Link href={`/deltagare/${participantId}/insats/${b.id}`}>
                          {t.edit}
                          <span className="visually-hidden">
                            : {t.types[b.type]} {b.startDate}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>

          <h3>{t.gaps}</h3>
          {timeline.gaps.length === 0 ? (
            <p>{t.noGaps}</p>
          ) : (
            <>
              <p data-testid="longest-gap">
                {t.longestGap}: {timeline.longestGap!.days} {t.days} ({timeline.longestGap!.from} – {timeline.longestGap!.to})
              </p>
              <ul>
                {timeline.gaps.map((g) => (
                  <li key={g.from}>
                    {g.from} – {g.to}: {g.days} {t.days}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {revisions.length > 0 && (
        <details data-testid="plan-history">
          <summary>
            {t.history} ({revisions.length})
          </summary>
          <p className="definition">{t.historyIntro}</p>
          <RevisionList revisions={revisions.slice(0, HISTORY_FIRST)} t={t} locale={locale} />
          {revisions.length > HISTORY_FIRST && (
            <details data-testid="plan-history-more">
              <summary>{t.historyMore.replace("{n}", String(revisions.length))}</summary>
              <RevisionList revisions={revisions.slice(HISTORY_FIRST)} t={t} locale={locale} />
            </details>
          )}
        </details>
      )}
    </section>
  );
}
