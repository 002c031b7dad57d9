// The municipality's employers: the list with their open openings, and registering a new one.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListTable } from "@/app/_components/ListTable";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages } from "@/lib/i18n/server";
import { employerMessages } from "@/lib/i18n/areas/employers";
import { listEmployers } from "@/lib/employers/queries";
import { EmployerForm } from "./EmployerForms";

export const metadata: Metadata = { title: "Arbetsgivare" };

export default async function EmployersPage() {
  const user = await requirePermission("employer:write");
  const t = await getAreaMessages(employerMessages);
  const rows = await listEmployers(user);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
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
      <h2>{t.register}</h2>
      <EmployerForm t={t} />
    </>
  );
}
