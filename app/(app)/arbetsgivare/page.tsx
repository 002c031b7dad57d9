// The municipality's employers, a page at a time and found by name or organisationsnummer, with
// their open openings; and registering a new one.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListSearch, listPageHref } from "@/app/_components/ListSearch";
import { ListTable } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { employerMessages } from "@/lib/i18n/areas/employers";
import { listEmployers } from "@/lib/employers/queries";
import { searchText } from "@/lib/paging";
import { EmployerForm } from "./EmployerForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("employers"); }

export default async function EmployersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requirePermission("employer:write");
  const t = await getAreaMessages(employerMessages);
  const { common } = await getMessages();
  const sp = await searchParams;
  const q = searchText(sp.q);
  const { rows, total, page, pages } = await listEmployers(user, { q, page: Number.parseInt(sp.page ?? "1", 10) || 1 });
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ListSearch q={q} label={t.searchLabel} button={common.search} found={`${total} ${t.count}`} />
      {rows.length === 0 ? (
        <p>{q ? t.noMatch : t.none}</p>
      ) : (
        <ListTable
          id="employers"
          rows={rows}
          rowKey={(e) => e.id}
          columns={[
            { label: t.fields.name, cell: (e) => <Link href={`/arbetsgivare/${e.id}`}>{e.name}</Link> },
            { label: t.fields.orgNr, cell: (e) => e.orgNr },
            { label: t.fields.industry, cell: (e) => e.industry ?? "–" },
            { label: t.fields.contactName, cell: (e) => e.contactName ?? "–" },
            { label: t.openOpenings, num: true, cell: (e) => e.openings },
          ]}
        />
      )}
      <Pager page={page} pages={pages} href={listPageHref("/arbetsgivare", q)} t={common} />
      <h2>{t.register}</h2>
      <EmployerForm t={t} />
    </>
  );
}
