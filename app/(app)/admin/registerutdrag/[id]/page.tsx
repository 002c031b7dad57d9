// The register extract as a readable, print-friendly document.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { buildRegisterExtract } from "@/lib/privacy/extract";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export const metadata: Metadata = { title: "Registerutdrag" };

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (v instanceof Date) return v.toISOString().replace("T", " ").slice(0, 19);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function Rows({ title, rows }: { title: string; rows: object[] }) {
  const keys = rows.length ? Object.keys(rows[0]) : [];
  return (
    <section className="extract-section">
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>Inga uppgifter.</p>
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
      <p>Framtaget {show(new Date(x.producedAt))}.</p>
      <p className="no-print actions-row">
        <a href={`/admin/registerutdrag/${p.id}/json`} download>
          {t.downloadJson}
        </a>
      </p>
      <section className="extract-section">
        <h2>Personuppgifter</h2>
        <dl className="facts">
          {Object.entries(p).map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Rows title="Kartläggningar" rows={x.skillMappings} />
      <Rows title="Planer" rows={x.plans} />
      <Rows title="Planändringar" rows={x.planRevisions} />
      <Rows title="Insatser" rows={x.activities} />
      <Rows title="Uppföljningar" rows={x.followups} />
      <Rows title="Utfall" rows={x.outcomes} />
      <Rows title="Utfall, tidigare värden" rows={x.outcomeHistory} />
      <Rows title="Sfi: inskrivningar" rows={x.sfi.enrolments} />
      <Rows title="Sfi: närvaro" rows={x.sfi.attendance} />
      <Rows title="Sfi: resultat" rows={x.sfi.results} />
      <Rows title="Sfi: avbrott och uppehåll" rows={x.sfi.breaks} />
      <Rows title="Samtycken" rows={x.consents} />
      <Rows title="Logg: läsningar och ändringar" rows={x.auditEntries} />
    </article>
  );
}
