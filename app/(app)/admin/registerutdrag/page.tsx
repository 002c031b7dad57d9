// Registerutdrag: the admin finds the person by exact personnummer or external id.
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { FindForm } from "./FindForm";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("extract"); }

export default async function ExtractSearchPage() {
  await requirePermission("participant:extract");
  const t = (await getAreaMessages(privacyMessages)).extract;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <FindForm labels={t} />
    </>
  );
}
