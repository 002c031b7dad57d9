import type { Metadata } from "next";
import Link from "next/link";
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
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.users.name}</th>
            <th scope="col">{t.users.email}</th>
            <th scope="col">{t.users.role}</th>
            <th scope="col">{t.users.unit}</th>
            <th scope="col">{t.users.active}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>
                <Link href={`/admin/anvandare/${u.id}`}>{u.name}</Link>
              </td>
              <td>{u.email}</td>
              <td>{t.roles[u.role]}</td>
              <td>{u.unitName ?? t.common.none}</td>
              <td>{u.active ? t.users.yes : t.users.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
