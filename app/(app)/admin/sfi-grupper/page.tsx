// The admin's overview of the municipality's sfi groups: who teaches what, how many students.
// No student data: only a group's teachers see its students.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { listAllGroups } from "@/lib/sfi/queries";
import { getAreaMessages } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { GroupTable } from "../../sfi/GroupTable";

export const metadata: Metadata = { title: "Sfi-grupper" };

export default async function AdminGroupsPage() {
  const user = await requirePermission("settings:manage");
  const t = await getAreaMessages(sfiMessages);
  const groups = await listAllGroups(user);
  return (
    <>
      <h1>{t.allGroupsTitle}</h1>
      <p>{t.allGroupsIntro}</p>
      <p>
        <Link href="/sfi/ny">{t.newGroup}</Link>
      </p>
      <GroupTable groups={groups} t={t} linked={false} />
    </>
  );
}
