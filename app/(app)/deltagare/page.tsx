import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { listParticipants, listUnitCoordinators, PARTICIPANT_SORTS, UNASSIGNED_COUNT_CAP, type ParticipantSort } from "@/lib/participants/queries";
import { planMessages } from "@/lib/i18n/areas/plan";
import { PARTICIPANT_STATUSES, type ParticipantStatus } from "@/lib/participants/schema";
import { TRACKS } from "@/db/schema/enums";
import { getAreaMessages, getMessages, pickMessages, pageTitle } from "@/lib/i18n/server";
import { fill, participantMessages } from "@/lib/i18n/areas/participant";
import { daysBetween, todayIso } from "@/lib/dates";
import { HandoverForm, PersonnummerSearch } from "./_components/ListTools";
import { ParticipantTable } from "./_components/ParticipantTable";
import { IntakeList } from "./_components/IntakeList";
import { NameSearchForm } from "./_components/NameSearch";
import { redirect } from "next/navigation";
import { hasPersonnummer, looksLikePersonnummer } from "@/lib/validation/personnummer";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("participants"); }

const HANDOVER_FORM = "handover-form";
/** The posted personnummer search, to which the name search hands a personnummer typed there. */
const PNR_FORM = "pnr-search-form";

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("participant:read");
  const t = await getMessages();
  const pt = await getAreaMessages(participantMessages);
  const toolsT = pickMessages(pt, ["pnrSearch", "pnrSearchLabel", "pnrButton", "pnrNoMatch", "handoverTitle", "handoverTo", "choose", "handoverButton", "handoverDone"]);
  const sp = await searchParams;
  const q = sp.q ?? "";
  // A personnummer in the name search comes here only from a browser that skipped the form's own
  // check (NameSearchForm): it is neither searched for nor logged, and the address is made again
  // without it, the page saying to use the personnummer search.
  if (q && (looksLikePersonnummer(q) || hasPersonnummer(q))) {
    const rest = Object.entries(sp).filter((e): e is [string, string] => !["q", "page", "sok"].includes(e[0]) && typeof e[1] === "string");
    redirect(`/deltagare?${new URLSearchParams([...rest, ["sok", "personnummer"]])}`);
  }
  const status = (PARTICIPANT_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as ParticipantStatus) : undefined;
  const track = (TRACKS as readonly string[]).includes(sp.spar ?? "") ? (sp.spar as (typeof TRACKS)[number]) : undefined;
  const coordinators = await listUnitCoordinators(user);
  const coordinatorId = coordinators.some((c) => c.id === sp.koordinator) ? sp.koordinator : undefined;
  const sort = (PARTICIPANT_SORTS as readonly string[]).includes(sp.sort ?? "") && sp.sort !== "name" ? (sp.sort as ParticipantSort) : undefined;
  const page = Math.max(1, Number.parseInt(sp.page ?? "1", 10) || 1);
  // "Ej tilldelade": the municipality's people without a unit, which every coordinator may take on.
  const intake = sp.lista === "ej-tilldelade";
  const { rows, total, pageSize, unassigned } = await listParticipants(user, { q, page, status, track, coordinatorId, sort, intake });
  const types = (await getAreaMessages(planMessages)).types as Record<string, string>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const today = todayIso();
  const filters = { ...(intake ? { lista: "ej-tilldelade" } : {}), ...(q ? { q } : {}), ...(status ? { status } : {}), ...(track ? { spar: track } : {}), ...(coordinatorId ? { koordinator: coordinatorId } : {}), ...(sort ? { sort } : {}) };
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
      <nav aria-label={pt.listShowing} className="actions-row">
        <span>{pt.listShowing}:</span>
        {intake ? <Link href="/deltagare">{pt.listUnit}</Link> : <strong aria-current="true">{pt.listUnit}</strong>}
        {intake ? (
          <strong aria-current="true">{fill(pt.listIntake, { n: unassigned })}</strong>
        ) : (
          <Link href="/deltagare?lista=ej-tilldelade">{fill(pt.listIntake, { n: unassigned > UNASSIGNED_COUNT_CAP ? `${UNASSIGNED_COUNT_CAP}+` : unassigned })}</Link>
        )}
      </nav>
      {intake && <p>{pt.intakeIntro}</p>}
      <NameSearchForm pnrFormId={PNR_FORM} refused={sp.sok === "personnummer"} t={pickMessages(pt, ["pnrMovedToPnrSearch", "pnrNotInNameSearch"])}>
        <label htmlFor="q">{t.participants.searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={q} />
        {intake && <input type="hidden" name="lista" value="ej-tilldelade" />}
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
        {!intake && (
          <>
            <label htmlFor="f-coord">{pt.coordinator}</label>
            <select id="f-coord" name="koordinator" defaultValue={coordinatorId ?? ""}>
              <option value="">{pt.all}</option>
              {coordinators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="f-sort">{pt.sort}</label>
        <select id="f-sort" name="sort" defaultValue={sort ?? "name"}>
          {PARTICIPANT_SORTS.map((s) => (
            <option key={s} value={s}>
              {pt.sorts[s]}
            </option>
          ))}
        </select>
        <button type="submit">{t.common.search}</button>
      </NameSearchForm>
      <PersonnummerSearch t={toolsT} formId={PNR_FORM} />
      <p aria-live="polite">
        {total} {t.participants.count}
      </p>
      {/* Outside the table's conditional: its answer stays when the handed-over rows leave a filtered list. */}
      {canHandover && !intake && <HandoverForm formId={HANDOVER_FORM} coordinators={coordinators} t={toolsT} />}
      {intake ? (
        <IntakeList
          meId={user.id}
          coordinators={coordinators}
          t={pickMessages(pt, ["intakeTitle", "intakeTake", "intakeTakeFor", "intakeAssignTo", "intakeAssignButton", "intakeTaken", "intakeAssigned", "intakeOpen", "intakeConflict", "intakeEmpty", "select"])}
          columns={{ name: t.participants.name, birthDate: t.participants.birthDate, daysSinceReception: t.participants.daysSinceReception, programme: t.participants.programme, track: pt.track }}
          rows={rows.map((p) => ({
            id: p.id,
            version: p.version ?? 1,
            name: `${p.firstName} ${p.lastName}`,
            birthDate: p.birthDate,
            daysSinceReception: daysBetween(p.receptionDate, today),
            programme:
              (p.programmeEnd && p.programmeEnd <= today ? t.participants.afterProgramme : p.programmeStart ? t.participants.inProgramme : t.participants.notStarted) +
              (p.programmeEnd && p.programmeEnd > today ? `, ${daysBetween(today, p.programmeEnd)} ${pt.daysLeft}` : ""),
            track: pt.tracks[p.track] ?? p.track,
          }))}
        />
      ) : rows.length === 0 ? (
        <p>{t.participants.empty}</p>
      ) : (
        <ParticipantTable
          handoverForm={canHandover ? HANDOVER_FORM : undefined}
          labels={{
            select: pt.select,
            name: t.participants.name,
            birthDate: t.participants.birthDate,
            daysSinceReception: t.participants.daysSinceReception,
            programme: t.participants.programme,
            current: pt.currentActivities,
            nextFollowup: pt.nextFollowup,
            track: pt.track,
            coordinator: t.participants.coordinator,
            mine: t.participants.mine,
          }}
          rows={rows.map((p) => ({
            id: p.id,
            name: `${p.firstName} ${p.lastName}`,
            mine: p.coordinatorId === user.id,
            birthDate: p.birthDate,
            daysSinceReception: daysBetween(p.receptionDate, today),
            programme:
              (p.programmeEnd && p.programmeEnd <= today ? t.participants.afterProgramme : p.programmeStart ? t.participants.inProgramme : t.participants.notStarted) +
              (p.programmeEnd && p.programmeEnd > today ? `, ${daysBetween(today, p.programmeEnd)} ${pt.daysLeft}` : ""),
            current: p.current.length ? p.current.map((c) => types[c] ?? c).join(", ") : "–",
            nextFollowup: p.nextFollowup ?? "–",
            track: pt.tracks[p.track] ?? p.track,
            coordinator: p.coordinatorName ?? t.participants.noCoordinator,
          }))}
        />
      )}
      <Pager page={page} pages={pages} href={link} t={t.common} />
    </>
  );
}
