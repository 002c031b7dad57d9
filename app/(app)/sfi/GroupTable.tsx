// The table of sfi groups: the teacher's own (linking to each group) and the admin's overview
// (with teachers, no links: only a group's teachers open its students).
import Link from "next/link";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { GroupListRow } from "@/lib/sfi/queries";

export function GroupTable({ groups, t, linked }: { groups: GroupListRow[]; t: SfiMessages; linked: boolean }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t.group}</th>
          <th scope="col">{t.school}</th>
          <th scope="col">{t.studyPath}</th>
          <th scope="col">{t.course}</th>
          <th scope="col">{t.schedule}</th>
          <th scope="col">{t.teachers}</th>
          <th scope="col" className="num">
            {t.students}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id}>
            <th scope="row">{linked ? <Link href={`/sfi/${g.id}`}>{g.name}</Link> : g.name}</th>
            <td>{g.school}</td>
            <td>{g.studyPath}</td>
            <td>{g.course}</td>
            <td>
              {g.schedule.days.map((d) => t.weekdays[d]).join(", ")} {g.schedule.start}–{g.schedule.end}
            </td>
            <td>{g.teachers || "–"}</td>
            <td className="num">{g.students}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
