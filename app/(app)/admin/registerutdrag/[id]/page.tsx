// The register extract as a readable, print-friendly document, written for the person it is about:
// other records named instead of their ids, what only the system needs left out, the person's own
// identifiers in the system in a technical appendix (lib/privacy/extract-view.ts). The JSON keeps all.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { buildRegisterExtract, summariseAuditEntries } from "@/lib/privacy/extract";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { extractCell, extractFieldLabel, extractValueText, extractWords, plural, type ExtractWords } from "@/lib/privacy/extract-labels";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { auditLabels, describeAuditAction } from "@/lib/audit/labels";
import { extractPageWords, personFields, sectionFields } from "@/lib/privacy/extract-view";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("extract"); }

/** A stored value in words; what is stored inside a field as label: value lines. */
function Cell({ v, words, field }: { v: unknown; words: ExtractWords; field?: string }) {
  const cell = extractCell(v, words, field);
  if (typeof cell === "string") return <>{cell}</>;
  return (
    <ul className="extract-lines" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {cell.map(([k, x], i) => (
        <li key={i}>
          {k}: {x}
        </li>
      ))}
    </ul>
  );
}

function Rows({ title, rows, empty, words, intro }: { title: string; rows: object[]; empty: string; words: ExtractWords; intro?: string }) {
  const keys = sectionFields(rows);
  return (
    <section className="extract-section">
      <h2>
        {title} ({rows.length})
      </h2>
      {intro && <p>{intro}</p>}
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="table">
            <thead>
              <tr>
                {keys.map((k) => (
                  <th key={k} scope="col">
                    {extractFieldLabel(k, words.fields)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {keys.map((k) => (
                    <td key={k}>
                      <Cell v={(r as Record<string, unknown>)[k]} words={words} field={k} />
                    </td>
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
  const baseWords = await getAreaMessages(extractWords);
  const { id } = await params;
  let x;
  try {
    x = await buildRegisterExtract(admin, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const p = x.participant;
  const words = extractPageWords(baseWords, x.names, { activities: x.activities, outcomes: x.outcomes });
  const fields = personFields(p);
  const facts = (keys: string[]) => (
    <dl className="facts">
      {keys.map((k) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{extractFieldLabel(k, words.fields)}</dt>
          <dd>
            <Cell v={(p as Record<string, unknown>)[k]} words={words} field={k} />
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <article className="extract">
      <h1>
        {t.title}: {p.firstName} {p.lastName}
      </h1>
      <p>
        {t.producedAt} {extractValueText(new Date(x.producedAt), words)}
      </p>
      <p className="no-print actions-row">
        <a href={`/admin/registerutdrag/${p.id}/json`} download>
          {t.downloadJson}
        </a>
      </p>
      <section className="extract-section">
        <h2>{t.personalData}</h2>
        {facts(fields.personal)}
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
          // Who did what and how often, in words (the JSON keeps every entry, with its code).
          [
            "auditEntries",
            summariseAuditEntries(x.auditEntries).map((e) => ({
              userName: e.userName,
              description: describeAuditAction(e.action, labels),
              count: e.count,
              first: e.first,
              last: e.last,
            })),
          ],
        ] as const
      ).map(([key, rows]) => (
        <Rows
          key={key}
          title={t.sections[key]}
          rows={rows}
          empty={t.noData}
          words={words}
          intro={key === "auditEntries" && rows.length > 0 ? plural(x.auditEntries.length, t.auditSummaryOne, t.auditSummary) : undefined}
        />
      ))}
      <section className="extract-section">
        <h2>{t.technical}</h2>
        <p>{t.technicalIntro}</p>
        {facts(fields.technical)}
      </section>
    </article>
  );
}
