import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { listMyGroups } from "@/lib/sfi/queries";
import { getAreaMessages } from "@/lib/i18n/server";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { GroupTable } from "./GroupTable";

export const metadata: Metadata = { title: "Mina grupper" };

export default async function SfiPage() {
  const user = await requirePermission("sfi:read");
  const t = await getAreaMessages(sfiMessages);
  const groups = await listMyGroups(user);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <Link href="/sfi/ny">{t.newGroup}</Link>
      </p>
      {groups.length === 0 ? <p>{t.none}</p> : <GroupTable groups={groups} t={t} linked caption={t.title} />}
    </>
  );
}
