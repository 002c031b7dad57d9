// Edit one activity of a participant's plan; the form carries the version it was opened at.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pickMessages, pageTitle } from "@/lib/i18n/server";
import { planMessages } from "@/lib/i18n/areas/plan";
import { activityFormValues } from "@/lib/plans/form";
import { getActivityForEdit, getPlanFormOptions } from "@/lib/plans/queries";
import { ActivityForm } from "../../_sections/PlanForms";
import { ACTIVITY_FORM_MESSAGES } from "../../_sections/form-messages";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("editActivity"); }

export default async function EditActivityPage({ params }: { params: Promise<{ id: string; activityId: string }> }) {
  const user = await requirePermission("plan:write");
  const t = await getAreaMessages(planMessages);
  const { id, activityId } = await params;
  let row;
  try {
    row = await getActivityForEdit(user, id, activityId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const options = await getPlanFormOptions(user, row.activity.employerId);
  return (
    <>
      <h1>
        {t.editActivity}: {t.types[row.activity.type]}, {row.firstName} {row.lastName}
      </h1>
      <p>
        <Link href={`/deltagare/${id}#plan`}>{t.cancel}</Link>
      </p>
      <ActivityForm participantId={id} initial={activityFormValues(row.activity)} t={pickMessages(t, ACTIVITY_FORM_MESSAGES)} people={options.people} providers={options.providers} employer={options.employer} />
    </>
  );
}
