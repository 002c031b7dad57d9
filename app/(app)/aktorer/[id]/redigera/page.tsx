// Edit an actor's details; the form carries the version it was opened on.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { actorMessages } from "@/lib/i18n/areas/actors";
import { actorFormValuesOf } from "@/lib/actors/commands";
import { getActor } from "@/lib/actors/queries";
import { ActorForm } from "../../ActorForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("editActor"); }

export default async function EditActorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("actor:write");
  const t = await getAreaMessages(actorMessages);
  const { id } = await params;
  let actor;
  try {
    actor = await getActor(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <>
      <p>
        <Link href={`/aktorer/${actor.id}`}>{t.back}</Link>
      </p>
      <h1>
        {t.editTitle}: {actor.name}
      </h1>
      <ActorForm t={t} initial={actorFormValuesOf(actor)} />
    </>
  );
}
