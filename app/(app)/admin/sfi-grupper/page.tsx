// The admin's overview of the municipality's sfi groups, a page at a time and found by the group's
// or a teacher's name: who teaches what, how many students. No student data: only a group's
// teachers see its students.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListSearch, listPageHref } from "@/app/_components/ListSearch";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { listAllGroups } from "@/lib/sfi/queries";
import { getAreaMessages, getMessages } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { searchText } from "@/lib/paging";
import { GroupTable } from "../../sfi/GroupTable";
import { describeGroupTeachers, listGroupTeachers } from "@/lib/users/queries";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export const metadata: Metadata = { title: "Sfi-grupper" };

export default async function AdminGroupsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requirePermission("settings:manage");
  const t = await getAreaMessages(sfiMessages);
  const { common } = await getMessages();
  const sp = await searchParams;
  const q = searchText(sp.q);
  const { rows: groups, total, page, pages } = await listAllGroups(user, { q, page: Number.parseInt(sp.page ?? "1", 10) || 1 });
  // A deactivated teacher is still a group's teacher until replaced: marked, so the admin sees it.
  const inactive = (await getAreaMessages(privacyMessages)).users.inactiveMark;
  const teachers = await listGroupTeachers(user, groups.map((g) => g.id));
  const rows = groups.map((g) => ({ ...g, teachers: describeGroupTeachers(teachers.get(g.id), inactive) }));
  return (
    <>
      <h1>{t.allGroupsTitle}</h1>
      <p>{t.allGroupsIntro}</p>
      <p>
        <Link href="/sfi/ny">{t.newGroup}</Link>
      </p>
      <ListSearch q={q} label={t.allGroupsSearch} button={common.search} found={t.allGroupsCount.replace("{n}", String(total))} />
      {rows.length === 0 ? <p>{q ? t.allGroupsNoMatch : t.allGroupsNone}</p> : <GroupTable groups={rows} t={t} linked={false} editable caption={t.allGroupsTitle} />}
      <Pager page={page} pages={pages} href={listPageHref("/admin/sfi-grupper", q)} t={common} />
    </>
  );
}
