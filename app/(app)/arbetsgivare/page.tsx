import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getMessages } from "@/lib/i18n/server";
import { NotYet } from "@/app/_components/NotYet";

export const metadata: Metadata = { title: "Arbetsgivare" };

export default async function EmployersPage() {
  await requirePermission("employer:write");
  const t = await getMessages();
  return <NotYet title={t.nav.employers} intro="" notYet={t.common.notYet} />;
}
