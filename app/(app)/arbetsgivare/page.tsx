// The municipality's employers: the list with their open openings, and registering a new one.
import type { Metadata } from "next";
import Link from "next/link";
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
        <table className="table" id="employers">
          <thead>
            <tr>
              <th scope="col">{t.fields.name}</th>
              <th scope="col">{t.fields.orgNr}</th>
              <th scope="col">{t.fields.industry}</th>
              <th scope="col">{t.fields.contactName}</th>
              <th scope="col" className="num">{t.openOpenings}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link href={`/arbetsgivare/${e.id}`}>{e.name}</Link>
                </th>
                <td>{e.orgNr}</td>
                <td>{e.industry ?? "–"}</td>
                <td>{e.contactName ?? "–"}</td>
                <td className="num">{e.openings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.register}</h2>
      <EmployerForm t={t} />
    </>
  );
}
