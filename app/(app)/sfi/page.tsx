// The teacher's sfi groups: the running ones, or (?visa=avslutade) the closed ones, a page at a time.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { listMyClosedGroups, listMyGroups } from "@/lib/sfi/queries";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { GroupTable } from "./GroupTable";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("sfiGroups"); }

export default async function SfiPage({ searchParams }: { searchParams: Promise<{ visa?: string; page?: string }> }) {
  const user = await requirePermission("sfi:read");
  const t = await getAreaMessages(sfiMessages);
  const sp = await searchParams;
  if (sp.visa === "avslutade") {
    const { common } = await getMessages();
    const { rows, total, page, pages } = await listMyClosedGroups(user, { page: Number.parseInt(sp.page ?? "1", 10) || 1 });
    return (
      <>
        <h1>{t.closedTitle}</h1>
        <p>{t.closedIntro}</p>
        <p aria-live="polite">{t.closedCount.replace("{n}", String(total))}</p>
        {rows.length === 0 ? <p>{t.closedNone}</p> : <GroupTable groups={rows} t={t} linked closed caption={t.closedTitle} />}
        <Pager page={page} pages={pages} href={(p) => `/sfi?${new URLSearchParams({ visa: "avslutade", page: String(p) })}`} t={common} />
        <p>
          <Link href="/sfi">{t.showOpen}</Link>
        </p>
      </>
    );
  }
  const groups = await listMyGroups(user);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <Link href="/sfi/ny">{t.newGroup}</Link>
      </p>
      {groups.length === 0 ? <p>{t.none}</p> : <GroupTable groups={groups} t={t} linked caption={t.title} />}
      <p>
        <Link href="/sfi?visa=avslutade">{t.showClosed}</Link>
      </p>
    </>
  );
}
