import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getMessages } from "@/lib/i18n/server";
import { NotYet } from "@/app/_components/NotYet";

export const metadata: Metadata = { title: "Resultat" };

export default async function ResultsPage() {
  await requirePermission("metrics:read");
  const t = await getMessages();
  return <NotYet title={t.nav.results} intro={t.home.resultsIntro} notYet={t.common.notYet} />;
}
