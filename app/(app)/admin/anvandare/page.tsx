import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListTable } from "@/app/_components/ListTable";
import { requirePermission } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/queries";
import { getAreaMessages, getMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export const metadata: Metadata = { title: "Användare" };

export default async function UsersPage() {
  const user = await requirePermission("user:manage");
  const t = await getMessages();
  const p = await getAreaMessages(privacyMessages);
  const rows = await listUsers(user);
  return (
    <>
      <h1>{t.home.usersTitle}</h1>
      <p>
        <Link href="/admin/anvandare/ny">{p.users.create}</Link>
      </p>
      <ListTable
        rows={rows}
        rowKey={(u) => u.id}
        rowHeader={false}
        columns={[
          { label: t.users.name, cell: (u) => <Link href={`/admin/anvandare/${u.id}`}>{u.name}</Link> },
          { label: t.users.email, cell: (u) => u.email },
          { label: t.users.role, cell: (u) => t.roles[u.role] },
          { label: t.users.unit, cell: (u) => u.unitName ?? t.common.none },
          { label: t.users.active, cell: (u) => (u.active ? t.users.yes : t.users.no) },
        ]}
      />
    </>
  );
}
