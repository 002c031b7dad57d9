// The admin's overview of the municipality's sfi groups, a page at a time and found by the group's
// or a teacher's name: who teaches what, how many students; the closed groups on their own
// (?visa=avslutade), each opened again from "Ändra". No student data: only a group's teachers see
// its students.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { listAllGroups } from "@/lib/sfi/queries";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { searchText } from "@/lib/paging";
import { GroupTable } from "../../sfi/GroupTable";
import { describeGroupTeachers, listGroupTeachers } from "@/lib/users/queries";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiGroupsAdmin"); }

export default async function AdminGroupsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string; visa?: string }> }) {
  const user = await requirePermission("settings:manage");
  const t = await getAreaMessages(sfiMessages);
  const { common } = await getMessages();
  const sp = await searchParams;
  const q = searchText(sp.q);
  const closed = sp.visa === "avslutade";
  const { rows: groups, total, page, pages } = await listAllGroups(user, { q, closed, page: Number.parseInt(sp.page ?? "1", 10) || 1 });
  const href = (p: { page?: number; closed?: boolean }) =>
    `/admin/sfi-grupper?${new URLSearchParams({ ...(q ? { q } : {}), ...((p.closed ?? closed) ? { visa: "avslutade" } : {}), ...(p.page ? { page: String(p.page) } : {}) })}`;
  // A deactivated teacher is still a group's teacher until replaced: marked, so the admin sees it.
  const inactive = (await getAreaMessages(privacyMessages)).users.inactiveMark;
  const teachers = await listGroupTeachers(user, groups.map((g) => g.id));
  const rows = groups.map((g) => ({ ...g, teachers: describeGroupTeachers(teachers.get(g.id), inactive) }));
  return (
    <>
      <h1>{closed ? t.allClosedTitle : t.allGroupsTitle}</h1>
      <p>{t.allGroupsIntro}</p>
      <p>
        <Link href="/sfi/ny">{t.newGroup}</Link>
      </p>
      <form role="search" method="get" className="search-form">
        <label htmlFor="q">{t.allGroupsSearch}</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} />
        {closed && <input type="hidden" name="visa" value="avslutade" />}
        <button type="submit">{common.search}</button>
      </form>
      <p aria-live="polite">{t.allGroupsCount.replace("{n}", String(total))}</p>
      {rows.length === 0 ? (
        <p>{q ? t.allGroupsNoMatch : closed ? t.allClosedNone : t.allGroupsNone}</p>
      ) : (
        <GroupTable groups={rows} t={t} linked={false} editable closed={closed} caption={closed ? t.allClosedTitle : t.allGroupsTitle} />
      )}
      <Pager page={page} pages={pages} href={(p) => href({ page: p })} t={common} />
      <p>
        <Link href={href({ closed: !closed })}>{closed ? t.showOpen : t.showClosed}</Link>
      </p>
    </>
  );
}
