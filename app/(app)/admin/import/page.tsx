import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { importMessages } from "@/lib/i18n/areas/import";
import { ImportForm } from "./ImportForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("import"); }

export default async function ImportPage() {
  const user = await requirePermission("import:run");
  const t = await getAreaMessages(importMessages);
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <ImportForm t={t} userId={user.id} />
    </>
  );
}
