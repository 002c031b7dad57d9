// Reference values and targets for the key figures: the list of what is entered, and a form to add one.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { ListTable } from "@/app/_components/ListTable";
import { requirePermission } from "@/lib/auth/guard";
import { listReferenceValues } from "@/lib/references/queries";
import { formatReference, REFERENCE_INDICATORS } from "@/lib/references/indicators";
import { REFERENCE_KINDS } from "@/db/schema/enums";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { referenceMessages } from "@/lib/i18n/areas/reference";
import { todayIso } from "@/lib/dates";
import { CreateReferenceForm, type Labels } from "./ReferenceForms";
import { FormMessage } from "@/app/_components/Field";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("referenceValues"); }

export default async function ReferenceValuesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requirePermission("reference:manage");
  const t = await getAreaMessages(referenceMessages);
  const { deleted } = await searchParams;
  const rows = await listReferenceValues(user);
  const choices = {
    indicators: REFERENCE_INDICATORS.map((k) => ({ value: k, label: t.indicators[k] })),
    kinds: REFERENCE_KINDS.map((k) => ({ value: k, label: t.kinds[k] })),
  };
  const { dashboard: _d, indicators: _i, kinds: _k, ...labels } = t;
  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {deleted && <FormMessage success={t.deleted} />}
      {rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ListTable
          id="reference-values"
          caption={t.title}
          rows={rows}
          rowKey={(r) => r.id}
          rowProps={(r) => ({ "data-indicator": r.indicator, "data-year": r.year, "data-kind": r.kind })}
          columns={[
            { label: t.indicator, cell: (r) => t.indicators[r.indicator] ?? r.indicator },
            { label: t.year, cell: (r) => r.year },
            { label: t.kind, cell: (r) => t.kinds[r.kind] },
            { label: t.value, num: true, cell: (r) => formatReference(r.indicator, r.value) },
            { label: t.source, cell: (r) => r.source ?? "" },
            {
              label: t.actions,
              cell: (r) => (
                <Link href={`/admin/referensvarden/${r.id}`}>
                  {t.change}
                  <span className="visually-hidden">
                    {" "}
                    {t.indicators[r.indicator] ?? r.indicator} {r.year} {t.kinds[r.kind]}
                  </span>
                </Link>
              ),
            },
          ]}
        />
      )}
      <h2 id="create-reference-title">{t.create}</h2>
      <CreateReferenceForm labels={labels as unknown as Labels} choices={choices} defaultYear={todayIso().slice(0, 4)} />
    </>
  );
}
