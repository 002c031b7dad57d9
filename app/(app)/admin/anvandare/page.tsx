// The municipality's users for admins: a page at a time, searchable by name or e-mail address.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListSearch, listPageHref } from "@/app/_components/ListSearch";
import { ListTable } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { listUsers, userSearchText } from "@/lib/users/queries";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("users"); }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("user:manage");
  const t = await getMessages();
  const p = await getAreaMessages(privacyMessages);
  const sp = await searchParams;
  const q = first(sp.q) ?? "";
  const { rows, total, page, pages } = await listUsers(user, { q, page: Number(first(sp.page) ?? 1) });
  const search = userSearchText(q);
  return (
    <>
      <h1>{t.home.usersTitle}</h1>
      <p>
        <Link href="/admin/anvandare/ny">{p.users.create}</Link>
      </p>
      <ListSearch q={search} label={p.users.searchLabel} button={t.common.search} found={`${total} ${p.users.count}`} />
      {rows.length === 0 ? (
        <p>{p.users.noMatch}</p>
      ) : (
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
      )}
      <Pager page={page} pages={pages} href={listPageHref("/admin/anvandare", search)} t={t.common} />
    </>
  );
}
