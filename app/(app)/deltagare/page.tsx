import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { listParticipants, listUnitCoordinators, PARTICIPANT_SORTS, type ParticipantSort } from "@/lib/participants/queries";
import { planMessages } from "@/lib/i18n/areas/plan";
import { PARTICIPANT_STATUSES, type ParticipantStatus } from "@/lib/participants/schema";
import { TRACKS } from "@/db/schema/enums";
import { getAreaMessages, getMessages, pickMessages } from "@/lib/i18n/server";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { daysBetween, todayIso } from "@/lib/dates";
import { HandoverForm, PersonnummerSearch } from "./_components/ListTools";

export const metadata: Metadata = { title: "Deltagare" };

const HANDOVER_FORM = "handover-form";

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("participant:read");
  const t = await getMessages();
  const pt = await getAreaMessages(participantMessages);
  const toolsT = pickMessages(pt, ["pnrSearch", "pnrSearchLabel", "pnrButton", "pnrNoMatch", "handoverTitle", "handoverTo", "choose", "handoverButton", "handoverDone"]);
  const sp = await searchParams;
  const q = sp.q ?? "";
  const status = (PARTICIPANT_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as ParticipantStatus) : undefined;
  const track = (TRACKS as readonly string[]).includes(sp.spar ?? "") ? (sp.spar as (typeof TRACKS)[number]) : undefined;
  const coordinators = await listUnitCoordinators(user);
  const coordinatorId = coordinators.some((c) => c.id === sp.koordinator) ? sp.koordinator : undefined;
  const sort = (PARTICIPANT_SORTS as readonly string[]).includes(sp.sort ?? "") && sp.sort !== "name" ? (sp.sort as ParticipantSort) : undefined;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  const { rows, total, pageSize } = await listParticipants(user, { q, page, status, track, coordinatorId, sort });
  const types = (await getAreaMessages(planMessages)).types as Record<string, string>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const today = todayIso();
  const filters = { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(track ? { spar: track } : {}), ...(coordinatorId ? { koordinator: coordinatorId } : {}), ...(sort ? { sort } : {}) };
  const link = (p: number) => `/deltagare?${new URLSearchParams({ ...filters, page: String(p) })}`;
  const canHandover = hasPermission(user, "participant:handover");
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
        <label htmlFor="f-status">{pt.status}</label>
        <select id="f-status" name="status" defaultValue={status ?? ""}>
          <option value="">{pt.all}</option>
          {PARTICIPANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {pt.statuses[s]}
            </option>
          ))}
        </select>
        <label htmlFor="f-track">{pt.track}</label>
        <select id="f-track" name="spar" defaultValue={track ?? ""}>
          <option value="">{pt.all}</option>
          {TRACKS.map((s) => (
            <option key={s} value={s}>
              {pt.tracks[s]}
            </option>
          ))}
        </select>
        <label htmlFor="f-coord">{pt.coordinator}</label>
        <select id="f-coord" name="koordinator" defaultValue={coordinatorId ?? ""}>
          <option value="">{pt.all}</option>
          {coordinators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="f-sort">{pt.sort}</label>
        <select id="f-sort" name="sort" defaultValue={sort ?? "name"}>
          {PARTICIPANT_SORTS.map((s) => (
            <option key={s} value={s}>
              {pt.sorts[s]}
            </option>
          ))}
        </select>
        <button type="submit">{t.common.search}</button>
      </form>
      <PersonnummerSearch t={toolsT} />
      <p aria-live="polite">
        {total} {t.participants.count}
      </p>
      {/* Outside the table's conditional: its answer stays when the handed-over rows leave a filtered list. */}
      {canHandover && <HandoverForm formId={HANDOVER_FORM} coordinators={coordinators} t={toolsT} />}
      {rows.length === 0 ? (
        <p>{t.participants.empty}</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                {canHandover && (
                  <th scope="col">
                    <span className="visually-hidden">{pt.select}</span>
                  </th>
                )}
                <th scope="col">{t.participants.name}</th>
                <th scope="col">{t.participants.birthDate}</th>
                <th scope="col">{t.participants.daysSinceReception}</th>
                <th scope="col">{t.participants.programme}</th>
                <th scope="col">{pt.currentActivities}</th>
                <th scope="col">{pt.nextFollowup}</th>
                <th scope="col">{pt.track}</th>
                <th scope="col">{t.participants.coordinator}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  {canHandover && (
                    <td>
                      <input type="checkbox" name="participantIds" value={p.id} form={HANDOVER_FORM} aria-label={`${pt.select} ${p.firstName} ${p.lastName}`} />
                    </td>
                  )}
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
                    {p.programmeEnd && p.programmeEnd > today && (
                      <>
                        , {daysBetween(today, p.programmeEnd)} {pt.daysLeft}
                      </>
                    )}
                  </td>
                  <td>{p.current.length ? p.current.map((c) => types[c] ?? c).join(", ") : "–"}</td>
                  <td>{p.nextFollowup ?? "–"}</td>
                  <td>{pt.tracks[p.track] ?? p.track}</td>
                  <td>{p.coordinatorName ?? t.participants.noCoordinator}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
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
