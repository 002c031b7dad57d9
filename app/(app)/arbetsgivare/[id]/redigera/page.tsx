// Edit an employer's details; the form carries the version it was opened on.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { employerMessages } from "@/lib/i18n/areas/employers";
import { employerFormValuesOf } from "@/lib/employers/commands";
import { getEmployerDetails } from "@/lib/employers/queries";
import { EmployerForm } from "../../EmployerForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("editEmployer"); }

export default async function EditEmployerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("employer:write");
  const t = await getAreaMessages(employerMessages);
  const { id } = await params;
  let employer;
  try {
    employer = await getEmployerDetails(user, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <>
      <p>
        <Link href={`/arbetsgivare/${employer.id}`}>{t.back}</Link>
      </p>
      <h1>
        {t.editTitle}: {employer.name}
      </h1>
      <EmployerForm t={t} initial={employerFormValuesOf(employer)} />
    </>
  );
}
