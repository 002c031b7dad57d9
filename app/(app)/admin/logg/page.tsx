// The audit view for admins: filter by user, participant, action and period; paginated; CSV export.
import type { Metadata } from "next";
import { Pager } from "@/app/_components/Pager";
import { requirePermission } from "@/lib/auth/guard";
import { getDb } from "@/db";
import Link from "@/app/_components/Link";
import { AUDIT_PAGE_SIZE, describeAuditUserFilter, listAuditEntries, parseAuditFilter, type AuditFilter } from "@/lib/audit/queries";
import { fieldAria } from "@/app/_components/Field";
import { describeBreak, verifyAuditChain } from "@/lib/audit/verify";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { AUDIT_ACTION_GROUPS, auditActionsByGroup, auditFilterFromAfterTo, auditLabels, describeAuditAction, describeAuditDetails, describeAuditEntity, isAuditAction, isAuditId } from "@/lib/audit/labels";
import { formatInstant } from "@/lib/dates";
import { TableScroll } from "@/app/_components/TableScroll";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("auditLog"); }

function query(f: AuditFilter, page?: number): string {
  const p = new URLSearchParams();
  if (f.userId) p.set("userId", f.userId);
  if (f.user) p.set("user", f.user);
  if (f.participantId) p.set("participantId", f.participantId);
  if (f.action) p.set("action", f.action);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (page) p.set("page", String(page));
  return p.toString();
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit:read");
  const common = await getMessages();
  const t = (await getAreaMessages(privacyMessages)).audit;
  const labels = await getAreaMessages(auditLabels);
  const sp = await searchParams;
  const f = parseAuditFilter(sp);
  // The chain is one for the whole database (all municipalities write into it); only its
  // intactness is shown, never another municipality's entries.
  const chain = sp.verify === "1" ? await verifyAuditChain(getDb(), { maxBreaks: 20 }) : null;
  // Days that cannot be: said next to the from-date, instead of an empty list that says nothing.
  const fromAfterTo = auditFilterFromAfterTo(f);
  const [{ rows, total, more, page, pageSize }, who] = await Promise.all([
    fromAfterTo ? { rows: [], total: 0, more: false, page: 1, pageSize: AUDIT_PAGE_SIZE } : listAuditEntries(user, f),
    describeAuditUserFilter(user, f),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // An action from the address that is neither a code nor a group stays chosen, as typed.
  const otherAction = f.action && !isAuditAction(f.action) && !AUDIT_ACTION_GROUPS.some((g) => f.action === `${g}.`) ? f.action : null;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="get" className="filter-form" aria-label={t.filters}>
        <div className="field">
          <label htmlFor="user">{t.userSearch}</label>
          <input id="user" name="user" type="search" defaultValue={f.user ?? ""} maxLength={200} />
        </div>
        {/* A link to one user's entries (?userId=) stays applied until removed below. */}
        {f.userId && <input type="hidden" name="userId" value={f.userId} />}
        <div className="field">
          <label htmlFor="participantId">{t.participantId}</label>
          <p id="participantId-hint" className="hint">
            {t.participantIdHint}
          </p>
          <input id="participantId" name="participantId" defaultValue={f.participantId ?? ""} aria-describedby="participantId-hint" />
        </div>
        <div className="field">
          <label htmlFor="action">{t.action}</label>
          <select id="action" name="action" defaultValue={f.action ?? ""}>
            <option value="">{labels.allActions}</option>
            {otherAction && (
              <option value={otherAction}>
                {t.otherAction} {otherAction}
              </option>
            )}
            {auditActionsByGroup().map(({ group, actions }) => (
              <optgroup key={group} label={labels.groups[group]}>
                <option value={`${group}.`}>
                  {labels.allOfGroup} {labels.groups[group]}
                </option>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {labels.actions[a]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">{t.from}</label>
          <input id="from" name="from" type="date" defaultValue={f.from ?? ""} {...fieldAria("from", fromAfterTo ? t.fromAfterTo : undefined)} />
          {fromAfterTo && (
            <p id="from-error" className="field-error" role="alert">
              {t.fromAfterTo}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="to">{t.to}</label>
          <input id="to" name="to" type="date" defaultValue={f.to ?? ""} />
        </div>
        <button type="submit">{t.apply}</button>
      </form>
      <form method="get" className="inline-form">
        <input type="hidden" name="verify" value="1" />
        <button type="submit">{t.verify}</button>
      </form>
      {f.userId && (
        <p>
          {t.onlyUser} {who.picked ? `${who.picked.name} (${who.picked.email})` : t.unknownUser} ·{" "}
          <Link href={`/admin/logg?${query({ ...f, userId: undefined })}`}>{t.anyUser}</Link>
        </p>
      )}
      {f.user && (
        <p>
          {who.matched.length === 0
            ? t.noUserMatch
            : `${t.matchedUsers} ${who.matched.map((u) => `${u.name} (${u.email})`).join(", ")}${who.more ? ` ${t.andMore}` : ""}`}
        </p>
      )}
      {chain && (
        <div role="status" className={chain.ok ? "success" : "form-error"}>
          <p>{chain.ok ? `${t.chainOk} (${chain.checked})` : t.chainBroken}</p>
          {!chain.ok && (
            <ul>
              {chain.breaks.map((b) => (
                <li key={`${b.kind}-${b.id}`}>{describeBreak(b)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p aria-live="polite">
        {more ? t.countMore.replace("{n}", total.toLocaleString("sv-SE")) : `${total} ${total === 1 ? t.countOne : t.count}`} ·{" "}
        <a href={`/admin/logg/export?${query(f)}`}>{t.exportCsv}</a>
      </p>
      {more && <p className="hint">{t.countMoreHint.replace("{n}", total.toLocaleString("sv-SE"))}</p>}
      {fromAfterTo ? null : rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableScroll label={t.title}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.at}</th>
                <th scope="col">{t.user}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.entity}</th>
                <th scope="col">{t.participant}</th>
                <th scope="col">{t.details}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <time dateTime={r.at.toISOString()}>{formatInstant(r.at)}</time>
                  </td>
                  <td>
                    {r.userId && r.userName ? (
                      <Link href={`/admin/logg?${query({ userId: r.userId, page: 1 })}`} title={`${t.entriesByUser} ${r.userName}`}>
                        {r.userName}
                      </Link>
                    ) : (
                      (r.userName ?? t.system)
                    )}
                  </td>
                  <td>
                    {describeAuditAction(r.action, labels)}
                    <br />
                    <code className="audit-code" title={t.code}>
                      {r.action}
                    </code>
                  </td>
                  <td>
                    {describeAuditEntity(r.entityType, labels)}
                    {r.entityId && (
                      <>
                        <br />
                        <code className="audit-code">{r.entityId}</code>
                      </>
                    )}
                  </td>
                  <td className="audit-details">
                    {r.participantId ? (
                      <Link href={`/admin/logg?${query({ participantId: r.participantId, page: 1 })}`} title={t.entriesAboutParticipant}>
                        {r.participantId}
                      </Link>
                    ) : (
                      common.common.none
                    )}
                  </td>
                  <td className="audit-details">
                    {describeAuditDetails(r.details, labels, r.action).map(([k, v], i) => (
                      <div key={i}>
                        {k}: {isAuditId(v) ? <code className="audit-code">{v}</code> : v}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager page={page} pages={pages} href={(p) => `/admin/logg?${query(f, p)}`} t={common.common} />
    </>
  );
}
