// The register extract as a readable, print-friendly document.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { buildRegisterExtract } from "@/lib/privacy/extract";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { auditLabels, describeAuditAction } from "@/lib/audit/labels";
import { formatInstant } from "@/lib/dates";

export const metadata: Metadata = { title: "Registerutdrag" };

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (v instanceof Date) return formatInstant(v);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function Rows({ title, rows, empty }: { title: string; rows: object[]; empty: string }) {
  const keys = rows.length ? Object.keys(rows[0]) : [];
  return (
    <section className="extract-section">
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table">
            <thead>
              <tr>
                {keys.map((k) => (
                  <th key={k} scope="col">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {keys.map((k) => (
                    <td key={k}>{show((r as Record<string, unknown>)[k])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default async function ExtractPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("participant:extract");
  const t = (await getAreaMessages(privacyMessages)).extract;
  const labels = await getAreaMessages(auditLabels);
  const { id } = await params;
  let x;
  try {
    x = await buildRegisterExtract(admin, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const p = x.participant;
  return (
    <article className="extract">
      <h1>
        {t.title}: {p.firstName} {p.lastName}
      </h1>
      <p>
        {t.producedAt} {show(new Date(x.producedAt))}
      </p>
      <p className="no-print actions-row">
        <a href={`/admin/registerutdrag/${p.id}/json`} download>
          {t.downloadJson}
        </a>
      </p>
      <section className="extract-section">
        <h2>{t.personalData}</h2>
        <dl className="facts">
          {Object.entries(p).map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {(
        [
          ["skillMappings", x.skillMappings],
          ["plans", x.plans],
          ["planRevisions", x.planRevisions],
          ["activities", x.activities],
          ["followups", x.followups],
          ["outcomes", x.outcomes],
          ["outcomeHistory", x.outcomeHistory],
          ["sfiEnrolments", x.sfi.enrolments],
          ["sfiAttendance", x.sfi.attendance],
          ["sfiResults", x.sfi.results],
          ["sfiBreaks", x.sfi.breaks],
          ["consents", x.consents],
          // What each entry was, in words beside its code (the JSON download keeps the codes).
          ["auditEntries", x.auditEntries.map((e) => ({ ...e, description: describeAuditAction(e.action, labels) }))],
        ] as const
      ).map(([key, rows]) => (
        <Rows key={key} title={t.sections[key]} rows={rows} empty={t.noData} />
      ))}
    </article>
  );
}
