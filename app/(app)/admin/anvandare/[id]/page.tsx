// One user account: change name, role and unit, deactivate or activate, set a new password.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getUserForAdmin, listUnits } from "@/lib/users/queries";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { ROLES } from "@/db/schema/enums";
import { ActiveToggle, EditUserForm, ResetPasswordForm } from "../UserForms";
import { FormMessage } from "@/app/_components/Field";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("user"); }

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const admin = await requirePermission("user:manage");
  const common = await getMessages();
  const t = (await getAreaMessages(privacyMessages)).users;
  const { id } = await params;
  const { created } = await searchParams;
  let u;
  try {
    u = await getUserForAdmin(admin, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const units = await listUnits(admin);
  const roles = ROLES.map((r) => ({ value: r, label: common.roles[r] }));
  return (
    <>
      <p>
        <Link href="/admin/anvandare">{t.back}</Link>
      </p>
      <h1>{u.name}</h1>
      {created && <FormMessage success={t.created} />}
      <dl className="facts">
        <dt>{t.email}</dt>
        <dd>{u.email}</dd>
        <dt>{t.status}</dt>
        <dd>{u.active ? t.active : t.inactive}</dd>
      </dl>
      <h2>{t.edit}</h2>
      <EditUserForm
        labels={t}
        roles={roles}
        units={units.map((x) => ({ value: x.id, label: x.name }))}
        initial={{ id: u.id, name: u.name, role: u.role, unitId: u.unitId ?? "", openedAt: u.updatedAt.toISOString() }}
      />
      {u.id !== admin.id && (
        <>
          <h2>{t.status}</h2>
          <ActiveToggle labels={t} id={u.id} active={u.active} name={u.name} />
        </>
      )}
      <h2>{t.resetPassword}</h2>
      <ResetPasswordForm labels={t} id={u.id} />
    </>
  );
}
