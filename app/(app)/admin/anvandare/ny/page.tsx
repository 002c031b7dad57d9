// Create a user account (no self-registration: only an admin creates accounts).
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { listUnits } from "@/lib/users/queries";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { ROLES } from "@/db/schema/enums";
import { CreateUserForm } from "../UserForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("newUser"); }

export default async function NewUserPage() {
  const user = await requirePermission("user:manage");
  const common = await getMessages();
  const t = (await getAreaMessages(privacyMessages)).users;
  const units = await listUnits(user);
  return (
    <>
      <p>
        <Link href="/admin/anvandare">{t.back}</Link>
      </p>
      <h1>{t.create}</h1>
      <CreateUserForm
        labels={t}
        roles={ROLES.map((r) => ({ value: r, label: common.roles[r] }))}
        units={units.map((u) => ({ value: u.id, label: u.name }))}
      />
    </>
  );
}
