// The register extract as a readable, print-friendly document.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { buildRegisterExtract, summariseAuditEntries } from "@/lib/privacy/extract";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, getMessages } from "@/lib/i18n/server";
import { planMessages } from "@/lib/i18n/areas/plan";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { extractFieldLabel, extractFieldLabels, type ExtractFieldLabels } from "@/lib/privacy/extract-labels";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { auditLabels, describeAuditAction } from "@/lib/audit/labels";
import { formatInstant } from "@/lib/dates";

export const metadata: Metadata = { title: "Registerutdrag" };

interface Words {
  fields: ExtractFieldLabels;
  yes: string;
  no: string;
  /** Stored codes in words, by field, for the sections whose codes have them. */
  values?: Record<string, Record<string, string>>;
}

function show(v: unknown, words: Words, key?: string): string {
  if (v === null || v === undefined || v === "") return "–";
  if (v instanceof Date) return formatInstant(v);
  if (typeof v === "boolean") return v ? words.yes : words.no;
  if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.length ? v.join(", ") : "–";
  if (typeof v === "object") return JSON.stringify(v);
  const named = key && typeof v === "string" ? words.values?.[key]?.[v] : undefined;
  return named ?? String(v);
}

function Rows({ title, rows, empty, words, intro }: { title: string; rows: object[]; empty: string; words: Words; intro?: string }) {
  const keys = rows.length ? Object.keys(rows[0]) : [];
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
                    <td key={k}>{show((r as Record<string, unknown>)[k], words, k)}</td>
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
  const plan = await getAreaMessages(planMessages);
  const common = await getMessages();
  const words: Words = { fields: await getAreaMessages(extractFieldLabels), yes: common.users.yes, no: common.users.no };
  const person = await getAreaMessages(participantMessages);
  const results = await getAreaMessages(resultsMessages);
  const sectionWords: Record<string, Words> = {
    activities: { ...words, values: { type: plan.types, status: plan.statuses } },
    plans: { ...words, values: { goalType: plan.goalTypes } },
  };
  const personWords: Words = { ...words, values: { gender: results.genders, track: person.tracks } };
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
        {t.producedAt} {show(new Date(x.producedAt), words)}
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
              <dt>{extractFieldLabel(k, words.fields)}</dt>
              <dd>{show(v, personWords, k)}</dd>
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
          // Who did what and how often, in words first, the code after (the JSON keeps every entry).
          [
            "auditEntries",
            summariseAuditEntries(x.auditEntries).map((e) => ({
              userName: e.userName,
              description: describeAuditAction(e.action, labels),
              count: e.count,
              first: e.first,
              last: e.last,
              action: e.action,
              userId: e.userId,
            })),
          ],
        ] as const
      ).map(([key, rows]) => (
        <Rows
          key={key}
          title={t.sections[key]}
          rows={rows}
          empty={t.noData}
          words={sectionWords[key] ?? words}
          intro={key === "auditEntries" && rows.length > 0 ? t.auditSummary.replace("{n}", x.auditEntries.length.toLocaleString("sv-SE")) : undefined}
        />
      ))}
    </article>
  );
}
