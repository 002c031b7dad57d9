// The table of sfi groups: the teacher's own (linking to each group) and the admin's overview
// (with teachers and a link to change each group, none to its students: only a group's teachers
// open its students); for closed groups, with the day each was closed.
import Link from "@/app/_components/Link";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { GroupListRow } from "@/lib/sfi/queries";
import { ListTable } from "@/app/_components/ListTable";
import { isoDateOf } from "@/lib/dates";

export function GroupTable({ groups, t, linked, caption, editable = false, closed = false }: { groups: GroupListRow[]; t: SfiMessages; linked: boolean; caption: string; editable?: boolean; closed?: boolean }) {
  return (
    <ListTable
      caption={caption}
      rows={groups}
      rowKey={(g) => g.id}
      columns={[
        { label: t.group, cell: (g) => (linked ? <Link href={`/sfi/${g.id}`}>{g.name}</Link> : g.name) },
        { label: t.school, cell: (g) => g.school },
        { label: t.studyPath, cell: (g) => g.studyPath },
        { label: t.course, cell: (g) => g.course },
        { label: t.schedule, cell: (g) => <>{g.schedule.days.map((d) => t.weekdays[d]).join(", ")} {g.schedule.start}–{g.schedule.end}</> },
        { label: t.teachers, cell: (g) => g.teachers || "–" },
        { label: t.students, num: true, cell: (g) => (g.startingSoon > 0 ? `${g.students} (+${g.startingSoon} ${t.startingSoonCount})` : g.students) },
        ...(closed ? [{ label: t.closedColumn, cell: (g: GroupListRow) => (g.closedAt ? isoDateOf(g.closedAt) : "–") }] : []),
        ...(editable
          ? [
              {
                label: t.editColumn,
                cell: (g: GroupListRow) => (
                  <Link href={`/sfi/${g.id}/andra`} aria-label={t.editGroupOf.replace("{name}", g.name)}>
                    {t.editColumn}
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
