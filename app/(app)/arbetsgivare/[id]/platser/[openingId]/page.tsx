// One opening: whether it is open, closing or reopening it, editing its fields, and (while it
// is open) the coordinator's participants who fit it, each bookable in one step.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { employerMessages } from "@/lib/i18n/areas/employers";
import { matchOpening } from "@/lib/employers/queries";
import { openingFormValuesOf } from "@/lib/employers/commands";
import { isoDateOf } from "@/lib/dates";
import { BookButton, OpeningForm, OpeningStateForm } from "../../../EmployerForms";
import { ListTable } from "@/app/_components/ListTable";
import { SectionAnswer } from "@/app/_components/SectionAnswer";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("openingMatch"); }

export default async function MatchPage({ params }: { params: Promise<{ id: string; openingId: string }> }) {
  const user = await requirePermission("plan:write");
  const t = await getAreaMessages(employerMessages);
  const { id, openingId } = await params;
  let data;
  try {
    data = await matchOpening(user, openingId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  if (data.opening.employerId !== id) notFound();
  const { opening: o, candidates } = data;
  const left = Math.max(0, o.places - data.bookedCount);
  return (
    <>
      <p>
        <Link href={`/arbetsgivare/${id}`}>{t.back}</Link>
      </p>
      <h1>
        {t.openingTypes[o.type]}: {o.occupation}, {data.employerName}
      </h1>
      <p>
        {o.startDate ?? "–"} – {o.endDate ?? ""}. {t.placesLeft.replace("{left}", String(left)).replace("{places}", String(o.places))}
        {o.languageRequirement ? `. ${t.fields.languageRequirement}: ${o.languageRequirement}` : ""}
      </p>
      <p data-testid="opening-state">
        {o.closedAt
          ? `${t.openingClosed.replace("{date}", isoDateOf(o.closedAt))}${o.closedReason ? ` ${t.openingClosedReason.replace("{reason}", o.closedReason)}` : ""}`
          : t.openingOpen}
      </p>
      <OpeningStateForm openingId={o.id} version={o.version} closed={o.closedAt !== null} t={t} />
      <details>
        <summary>{t.editOpening}</summary>
        <OpeningForm employerId={id} initial={openingFormValuesOf(o)} t={t} />
      </details>
      {o.closedAt ? null : (
        <>
          <h2>{t.matchTitle}</h2>
          {/* A booking is said here: the row's button gives way to "Bokad" when the page comes back. */}
          <SectionAnswer testId="match-status">
            <p className="definition">{t.matchIntro}</p>
            {candidates.length === 0 ? (
              <p>{t.noMatches}</p>
            ) : (
              <ListTable
                id="matches"
                rows={candidates}
                rowKey={(c) => c.participantId}
                columns={[
                  { label: t.who, cell: (c) => <Link href={`/deltagare/${c.participantId}#plan`}>{c.name}</Link> },
                  { label: t.why, cell: (c) => c.reasons.map((r) => (r.kind === "goal" ? t.reasonGoal : t.reasonExperience).replace("{occupation}", r.occupation)).join("; ") },
                  {
                    label: <span className="visually-hidden">{t.book}</span>,
                    cell: (c) => (c.booked ? <span className="tag">{t.alreadyBooked}</span> : left > 0 ? <BookButton openingId={o.id} participantId={c.participantId} name={c.name} t={t} /> : null),
                  },
                ]}
              />
            )}
          </SectionAnswer>
        </>
      )}
    </>
  );
}
