import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getMessages } from "@/lib/i18n/server";
import { NotYet } from "@/app/_components/NotYet";

export const metadata: Metadata = { title: "Min arbetslista" };

export default async function WorklistPage() {
  await requirePermission("worklist:read");
  const t = await getMessages();
  return <NotYet title={t.nav.worklist} intro={t.home.worklistIntro} notYet={t.common.notYet} />;
}
