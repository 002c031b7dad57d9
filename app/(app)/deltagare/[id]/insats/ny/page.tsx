// Add an activity of any type to a participant's plan (coordinators of the participant's unit).
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pickMessages, pageTitle } from "@/lib/i18n/server";
import { planMessages } from "@/lib/i18n/areas/plan";
import { getPlan, getPlanFormOptions } from "@/lib/plans/queries";
import { ActivityForm } from "../../_sections/PlanForms";
import { ACTIVITY_FORM_MESSAGES } from "../../_sections/form-messages";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("newActivity"); }

export default async function NewActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("plan:write");
  const t = await getAreaMessages(planMessages);
  const { id } = await params;
  try {
    await getPlan(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const options = await getPlanFormOptions(user);
  return (
    <>
      <h1>{t.addActivity}</h1>
      <p>
        <Link href={`/deltagare/${id}#plan`}>{t.cancel}</Link>
      </p>
      <ActivityForm participantId={id} t={pickMessages(t, ACTIVITY_FORM_MESSAGES)} people={options.people} providers={options.providers} />
    </>
  );
}
