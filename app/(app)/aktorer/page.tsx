// The actor directory ("vem gör vad"): the municipality's partners a page at a time, found by name
// or by what they offer and filtered by an activity they provide; the archived ones on their own.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListTable } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { actorMessages } from "@/lib/i18n/areas/actors";
import { listActors } from "@/lib/actors/queries";
import { searchText } from "@/lib/paging";
import { ACTIVITY_TYPES } from "@/db/schema/enums";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("actors"); }

type Search = { q?: string; typ?: string; arkiv?: string; page?: string };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("actor:read");
  const t = await getAreaMessages(actorMessages);
  const { common } = await getMessages();
  const sp = await searchParams;
  const q = searchText(sp.q);
  const archived = sp.arkiv === "1";
  const { rows, total, page, pages, type } = await listActors(user, { q, type: sp.typ, archived, page: Number.parseInt(sp.page ?? "1", 10) || 1 });
  const href = (p: { page?: number; archived?: boolean }) =>
    `/aktorer?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { typ: type } : {}), ...((p.archived ?? archived) ? { arkiv: "1" } : {}), ...(p.page ? { page: String(p.page) } : {}) })}`;
  const filtered = Boolean(q || type);
  return (
    <>
      <h1>{archived ? t.archivedHeading : t.title}</h1>
      <p>{t.intro}</p>
      {hasPermission(user, "actor:write") && (
        <p>
          <Link href="/aktorer/ny">{t.register}</Link>
        </p>
      )}
      <form role="search" method="get" className="search-form">
        <label htmlFor="q">{t.searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} />
        <label htmlFor="typ">{t.typeFilter}</label>
        <select id="typ" name="typ" defaultValue={type ?? ""}>
          <option value="">{t.anyType}</option>
          {ACTIVITY_TYPES.map((a) => (
            <option key={a} value={a}>
              {t.types[a]}
            </option>
          ))}
        </select>
        {archived && <input type="hidden" name="arkiv" value="1" />}
        <button type="submit">{common.search}</button>
      </form>
      <p aria-live="polite">{`${total} ${t.count}`}</p>
      {rows.length === 0 ? (
        <p>{filtered ? t.noMatch : archived ? t.noneArchived : t.none}</p>
      ) : (
        <ListTable
          id="actors"
          rows={rows}
          rowKey={(a) => a.id}
          columns={[
            { label: t.fields.name, cell: (a) => <Link href={`/aktorer/${a.id}`}>{a.name}</Link> },
            { label: t.fields.kind, cell: (a) => t.kinds[a.kind] ?? a.kind },
            { label: t.offers, cell: (a) => (a.activityTypes.length ? a.activityTypes.map((x) => t.types[x] ?? x).join(", ") : "–") },
            {
              label: t.contact,
              cell: (a) =>
                [a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).length ? (
                  <>
                    {a.contactName && <div>{a.contactName}</div>}
                    {a.contactPhone && <div>{a.contactPhone}</div>}
                    {a.contactEmail && (
                      <div>
                        <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
                      </div>
                    )}
                  </>
                ) : (
                  "–"
                ),
            },
          ]}
        />
      )}
      <Pager page={page} pages={pages} href={(p) => href({ page: p })} t={common} />
      <p>
        <Link href={href({ archived: !archived })}>{archived ? t.showActive : t.showArchived}</Link>
      </p>
    </>
  );
}
