// One employer: contact details (with a link to edit them), open openings (with a way to find
// participants who fit), closed openings apart, and the history of placements there, 50 at a time.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { employerMessages } from "@/lib/i18n/areas/employers";
import { planMessages } from "@/lib/i18n/areas/plan";
import { getEmployer } from "@/lib/employers/queries";
import { isoDateOf } from "@/lib/dates";
import type { EmployerMessages } from "@/lib/i18n/areas/employers";
import { OpeningForm } from "../EmployerForms";
import { ListTable, type ListColumn } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";

type Opening = Awaited<ReturnType<typeof getEmployer>>["openings"][number];

/** Open openings link to matching; closed ones say when and why, and link to the opening. */
function OpeningsTable({ id, employerId, openings, closed, t }: { id: string; employerId: string; openings: Opening[]; closed: boolean; t: EmployerMessages }) {
  const columns: ListColumn<Opening>[] = [
    { label: t.fields.type, cell: (o) => t.openingTypes[o.type] },
    { label: t.fields.occupation, cell: (o) => o.occupation },
    { label: t.period, cell: (o) => <>{o.startDate ?? "–"} – {o.endDate ?? ""}</> },
    { label: t.fields.places, num: true, cell: (o) => o.places },
    { label: t.booked, num: true, cell: (o) => o.booked },
    { label: t.fields.languageRequirement, cell: (o) => o.languageRequirement ?? "–" },
    ...(closed
      ? [
          { label: t.closedOn, cell: (o: Opening) => (o.closedAt ? isoDateOf(o.closedAt) : "") },
          { label: t.closedReason, cell: (o: Opening) => o.closedReason ?? "–" },
        ]
      : []),
    {
      label: <span className="visually-hidden">{closed ? t.showOpening : t.match}</span>,
      cell: (o) => (
        <Link href={`/arbetsgivare/${employerId}/platser/${o.id}`}>
          {closed ? t.showOpening : t.match}
          <span className="visually-hidden">
            : {t.openingTypes[o.type]} {o.occupation}
          </span>
        </Link>
      ),
    },
  ];
  return <ListTable id={id} rows={openings} rowKey={(o) => o.id} rowProps={(o) => ({ "data-type": o.type })} columns={columns} />;
}

export async function generateMetadata(): Promise<Metadata> { return pageTitle("employer"); }

export default async function EmployerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("employer:write");
  const t = await getAreaMessages(employerMessages);
  const pt = await getAreaMessages(planMessages);
  const { common } = await getMessages();
  const { id } = await params;
  const sp = await searchParams;
  let data;
  try {
    data = await getEmployer(user, id, undefined, { placementPage: Number.parseInt(String(sp.page ?? "1"), 10) });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const { employer: e, openings, placements, placementPages } = data;
  const open = openings.filter((o) => !o.closedAt);
  const closed = openings.filter((o) => o.closedAt);
  return (
    <>
      <p>
        <Link href="/arbetsgivare">{t.backList}</Link>
      </p>
      <h1>{e.name}</h1>
      <dl className="facts">
        <dt>{t.fields.orgNr}</dt>
        <dd>{e.orgNr}</dd>
        <dt>{t.fields.industry}</dt>
        <dd>{e.industry ?? "–"}</dd>
        <dt>{t.fields.contactName}</dt>
        <dd>{e.contactName ?? "–"}</dd>
        <dt>{t.fields.contactPhone}</dt>
        <dd>{e.contactPhone ?? "–"}</dd>
        <dt>{t.fields.contactEmail}</dt>
        <dd>{e.contactEmail ?? "–"}</dd>
        <dt>{t.fields.address}</dt>
        <dd>{e.address ?? "–"}</dd>
      </dl>

      <p>
        <Link href={`/arbetsgivare/${e.id}/redigera`}>{t.edit}</Link>
      </p>

      <h2>{t.openOpenings}</h2>
      {open.length === 0 ? <p>{t.noOpenings}</p> : <OpeningsTable id="openings" employerId={e.id} openings={open} closed={false} t={t} />}
      <details>
        <summary>{t.addOpening}</summary>
        <OpeningForm employerId={e.id} t={t} />
      </details>

      {closed.length > 0 && (
        <>
          <h2>{t.closedOpenings}</h2>
          <OpeningsTable id="closed-openings" employerId={e.id} openings={closed} closed t={t} />
        </>
      )}

      <h2 id="placeringar">{t.placements}</h2>
      {placements.length === 0 ? (
        <p>{t.noPlacements}</p>
      ) : (
        <>
          <p>{t.placementCount.replace("{n}", String(placementPages.total))}</p>
          <ListTable
            id="placements"
            rows={placements}
            rowKey={(p) => p.id}
            columns={[
              { label: t.who, cell: (p) => (p.participantId ? <Link href={`/deltagare/${p.participantId}#plan`}>{p.name}</Link> : t.otherUnit) },
              { label: t.activity, cell: (p) => pt.types[p.type] },
              { label: t.fields.occupation, cell: (p) => p.occupation ?? "–" },
              { label: t.period, cell: (p) => <>{p.startDate} – {p.endDate ?? pt.ongoing}</> },
              { label: t.status, cell: (p) => pt.statuses[p.status] },
            ]}
          />
          <Pager page={placementPages.page} pages={placementPages.pages} href={(n) => `/arbetsgivare/${e.id}?page=${n}#placeringar`} t={common} />
        </>
      )}
    </>
  );
}
