// The plan printed for the participant, in plain Swedish: the goal, the activities with their
// dates and places, the next meeting and whom to ask (the responsible coordinator, by name and
// e-mail). No personnummer, no internal notes, no navigation.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getLocale, pageTitle } from "@/lib/i18n/server";
import { planMessages } from "@/lib/i18n/areas/plan";
import { printMessages } from "@/lib/i18n/areas/print";
import { getPlan, getPlanContact } from "@/lib/plans/queries";
import { listFollowups } from "@/lib/followups/queries";
import { periodText, todayIso } from "@/lib/dates";
import { PrintButton } from "./PrintButton";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("printPlan"); }
export const dynamic = "force-dynamic";

export default async function PrintPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("participant:read");
  const t = await getAreaMessages(printMessages);
  const pt = await getAreaMessages(planMessages);
  const locale = await getLocale();
  const { id } = await params;
  let data;
  let followups;
  let contact;
  try {
    data = await getPlan(user, id);
    [followups, contact] = await Promise.all([listFollowups(user, id), getPlanContact(user, id)]);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const fmt = (d: string) => new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  const { participant, plan, activities } = data;
  const today = todayIso();
  const next = followups.planned.find((f) => f.dueDate >= today) ?? null;
  const shown = activities.filter((a) => a.status !== "avbruten");
  return (
    <article>
      <p className="no-print">
        <Link href={`/deltagare/${id}#plan`}>{t.back}</Link> <PrintButton label={t.print} />
      </p>
      <h1>
        {t.title}: {participant.firstName} {participant.lastName}
      </h1>
      <p>{t.intro}</p>
      <p className="definition">
        {t.printed} {fmt(today)}
      </p>
      <h2>{t.goal}</h2>
      <p data-testid="print-goal">
        {plan?.goalOccupation ? (plan.goalType === "studier" ? t.goalStudies : t.goalWork).replace("{occupation}", plan.goalOccupation) : t.noGoal}
      </p>
      <h2>{t.activities}</h2>
      {shown.length === 0 ? (
        <p>{t.noActivities}</p>
      ) : (
        <table className="table" id="print-activities">
          <thead>
            <tr>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.where}</th>
              <th scope="col" className="num">{t.hours}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} data-type={a.type}>
                <th scope="row">
                  {pt.types[a.type]} ({t.statusNote[a.status]})
                </th>
                <td>{periodText(a.startDate, a.endDate, fmt, t)}</td>
                <td>{a.employerName ?? a.provider ?? "–"}</td>
                <td className="num">{a.hoursPerWeek ? String(Number(a.hoursPerWeek)).replace(".", ",") : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.nextFollowup}</h2>
      <p data-testid="print-next">{next ? fmt(next.dueDate) : t.noFollowup}</p>
      <h2>{t.contactTitle}</h2>
      {contact ? (
        <>
          <p data-testid="print-contact">{t.contact.replace("{name}", () => contact.name)}</p>
          <p>
            {t.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </p>
        </>
      ) : (
        <p data-testid="print-contact">{t.questions}</p>
      )}
    </article>
  );
}
