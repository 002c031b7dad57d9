import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getMessages } from "@/lib/i18n/server";
import { NotYet } from "@/app/_components/NotYet";

export const metadata: Metadata = { title: "Mina grupper" };

export default async function SfiPage() {
  await requirePermission("sfi:read");
  const t = await getMessages();
  return <NotYet title={t.nav.sfiGroups} intro={t.home.sfiIntro} notYet={t.common.notYet} />;
}
