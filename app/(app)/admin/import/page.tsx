import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages } from "@/lib/i18n/server";
import { importMessages } from "@/lib/i18n/areas/import";
import { ImportForm } from "./ImportForm";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePermission("import:run");
  const t = await getAreaMessages(importMessages);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <ImportForm t={t} />
    </>
  );
}
