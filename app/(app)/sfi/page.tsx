import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { listMyGroups } from "@/lib/sfi/queries";
import { getAreaMessages } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";

export const metadata: Metadata = { title: "Mina grupper" };

export default async function SfiPage() {
  const user = await requirePermission("sfi:read");
  const t = await getAreaMessages(sfiMessages);
  const groups = await listMyGroups(user);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {groups.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.group}</th>
              <th scope="col">{t.school}</th>
              <th scope="col">{t.studyPath}</th>
              <th scope="col">{t.course}</th>
              <th scope="col">{t.schedule}</th>
              <th scope="col" className="num">{t.students}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <Link href={`/sfi/${g.id}`}>{g.name}</Link>
                </th>
                <td>{g.school}</td>
                <td>{g.studyPath}</td>
                <td>{g.course}</td>
                <td>
                  {g.schedule.days.map((d) => t.weekdays[d]).join(", ")} {g.schedule.start}–{g.schedule.end}
                </td>
                <td className="num">{g.students}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
