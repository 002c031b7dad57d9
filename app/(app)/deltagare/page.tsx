import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { listParticipants } from "@/lib/participants/queries";
import { getAreaMessages, getMessages } from "@/lib/i18n/server";
import { hasPermission } from "@/lib/auth/permissions";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { daysBetween, todayIso } from "@/lib/dates";

export const metadata: Metadata = { title: "Deltagare" };

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("participant:read");
  const t = await getMessages();
  const pt = await getAreaMessages(participantMessages);
  const sp = await searchParams;
  const q = sp.q ?? "";
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const { rows, total, pageSize } = await listParticipants(user, { q, page });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const today = todayIso();
  const link = (p: number) => `/deltagare?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <h1>{t.participants.title}</h1>
      {hasPermission(user, "participant:write") && (
        <p>
          <Link href="/deltagare/ny">{pt.newLink}</Link>
        </p>
      )}
      <form role="search" method="get" className="search-form">
        <label htmlFor="q">{t.participants.searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={q} />
        <button type="submit">{t.common.search}</button>
      </form>
      <p aria-live="polite">
        {total} {t.participants.count}
      </p>
      {rows.length === 0 ? (
        <p>{t.participants.empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.participants.name}</th>
              <th scope="col">{t.participants.birthDate}</th>
              <th scope="col">{t.participants.daysSinceReception}</th>
              <th scope="col">{t.participants.programme}</th>
              <th scope="col">{t.participants.coordinator}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/deltagare/${p.id}`}>
                    {p.firstName} {p.lastName}
                  </Link>
                  {p.coordinatorId === user.id && <span className="tag">{t.participants.mine}</span>}
                </td>
                <td>{p.birthDate}</td>
                <td>{daysBetween(p.receptionDate, today)}</td>
                <td>
                  {p.programmeEnd && p.programmeEnd <= today
                    ? t.participants.afterProgramme
                    : p.programmeStart
                      ? t.participants.inProgramme
                      : t.participants.notStarted}
                </td>
                <td>{p.coordinatorName ?? t.participants.noCoordinator}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label={t.common.page} className="pager">
          {page > 1 && <Link href={link(page - 1)}>{t.common.previous}</Link>}
          <span>
            {t.common.page} {page} {t.common.of} {pages}
          </span>
          {page < pages && <Link href={link(page + 1)}>{t.common.next}</Link>}
        </nav>
      )}
    </>
  );
}
