// Register an actor in the directory.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { actorMessages } from "@/lib/i18n/areas/actors";
import { ActorForm } from "../ActorForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("newActor"); }

export default async function NewActorPage() {
  await requirePermission("actor:write");
  const t = await getAreaMessages(actorMessages);
  return (
    <>
      <p>
        <Link href="/aktorer">{t.backList}</Link>
      </p>
      <h1>{t.register}</h1>
      <ActorForm t={t} />
    </>
  );
}
