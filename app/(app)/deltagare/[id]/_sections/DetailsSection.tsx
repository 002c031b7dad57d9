// The participant's details beyond the header facts (languages, contact, household, track), the
// link to edit them, and the history of registration, edits, handovers and kartläggning saves.
import Link from "@/app/_components/Link";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { type getParticipantHistory } from "@/lib/participants/queries";
import type { participants } from "@/db/schema";
import { getAreaMessages, pickMessages } from "@/lib/i18n/server";
import { fill, participantMessages } from "@/lib/i18n/areas/participant";
import { formatWhen, todayIso } from "@/lib/dates";
import { CaseStateForm } from "./CaseStateForm";

type Participant = typeof participants.$inferSelect;

const FIELD_KEYS: Record<string, keyof typeof participantMessages.sv> = {
  personnummer: "personnummer", firstName: "firstName", lastName: "lastName", birthDate: "birthDate", gender: "gender",
  educationLevel: "educationLevel", receptionDate: "receptionDate", settlement: "settlement", programmeStart: "programmeStart",
  programmeEnd: "programmeEnd", exitReason: "exitReason", coordinatorId: "coordinator", languages: "languages", interpreterLanguage: "interpreter",
  phone: "phone", email: "email", address: "address", childrenCount: "childrenCount", childcareNeed: "childcare",
  track: "track", trackReason: "trackReason", trackReviewDate: "trackReviewDate",
};

export async function DetailsSection({ user, participant: p, history }: { user: SessionUser; participant: Participant; history: Awaited<ReturnType<typeof getParticipantHistory>> }) {
  const t = await getAreaMessages(participantMessages);
  const label = (k: string) => {
    const key = FIELD_KEYS[k];
    const v = key ? t[key] : k;
    return typeof v === "string" ? v.replace(/ \((valfritt|optional)\)$/, "") : k;
  };
  const contact = [p.phone, p.email, p.address].filter(Boolean).join(", ");
  return (
    <section aria-labelledby="details-title" id="uppgifter">
      <h2 id="details-title">{t.detailsTitle}</h2>
      {hasPermission(user, "participant:write") && (
        <p>
          <Link href={`/deltagare/${p.id}/redigera`}>{t.editLink}</Link>
        </p>
      )}
      <dl className="facts" data-testid="details">
        <dt>{label("languages")}</dt>
        <dd>{p.languages.length ? p.languages.join(", ") : t.none}</dd>
        <dt>{t.interpreter}</dt>
        <dd>{p.interpreterLanguage ?? t.interpreterNone}</dd>
        <dt>{t.contact}</dt>
        <dd>{contact || t.none}</dd>
        <dt>{t.children}</dt>
        <dd>{p.childrenCount ?? t.none}</dd>
        <dt>{t.childcare}</dt>
        <dd>{p.childcareNeed == null ? t.none : p.childcareNeed ? t.yes : t.no}</dd>
        {p.track === "annat_stod" && (
          <>
            <dt>{t.trackReason}</dt>
            <dd>{p.trackReason ?? t.none}</dd>
            <dt>{t.reviewDate}</dt>
            <dd>{p.trackReviewDate ?? t.none}</dd>
          </>
        )}
      </dl>
      <h3>{t.caseTitle}</h3>
      {hasPermission(user, "participant:write") ? (
        <CaseStateForm key={`${p.version}`} participantId={p.id} version={p.version} closedAt={p.closedAt} today={todayIso()} t={pickMessages(t, ["caseOpen", "caseClosedOn", "closeDate", "closeCase", "reopenCase"])} />
      ) : (
        <p data-testid="case-state">{p.closedAt ? `${t.caseClosedOn} ${p.closedAt}.` : t.caseOpen}</p>
      )}
      <details>
        <summary>{t.historyTitle}</summary>
        {history.length === 0 ? (
          <p>{t.historyEmpty}</p>
        ) : (
          <ul data-testid="history">
            {history.map((h) => {
              const d = (h.details ?? {}) as { changed?: string[]; fromName?: string | null; toName?: string; version?: number };
              let what = "";
              if (h.action === "participant.handover") what = fill(t.handedOverFromTo, { from: d.fromName ?? t.noCoordinator, to: d.toName ?? "" });
              else if (h.action === "participant.assign") what = fill(t.assignedTo, { to: d.toName ?? "" });
              else if (h.action === "participant.update" && d.changed?.length) what = `${t.changedFields}: ${d.changed.map(label).join(", ")}`;
              else if (h.action === "skillmapping.save" && d.changed?.length) what = `${t.changedFields}: ${d.changed.map((c) => t.parts[c] ?? c).join(", ")}`;
              return (
                <li key={h.id}>
                  <time dateTime={h.at.toISOString()}>{formatWhen(h.at)}</time> {t.historyActions[h.action] ?? h.action}
                  {h.userName ? ` (${h.userName})` : ""}
                  {what ? ` – ${what}` : ""}
                </li>
              );
            })}
          </ul>
        )}
      </details>
    </section>
  );
}
