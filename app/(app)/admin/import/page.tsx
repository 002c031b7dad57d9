import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getMessages } from "@/lib/i18n/server";
import { NotYet } from "@/app/_components/NotYet";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePermission("import:run");
  const t = await getMessages();
  return <NotYet title={t.nav.import} intro="" notYet={t.common.notYet} />;
}
