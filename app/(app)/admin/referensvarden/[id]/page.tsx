// One reference value or target: change it or delete it (both logged).
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getReferenceValueForAdmin } from "@/lib/references/queries";
import { REFERENCE_INDICATORS, toEntered } from "@/lib/references/indicators";
import type { UpdateReferenceInput } from "@/lib/references/schema";
import { REFERENCE_KINDS } from "@/db/schema/enums";
import { NotFoundError } from "@/lib/errors";
import { getAreaMessages, pageTitle } from "@/lib/i18n/server";
import { referenceMessages } from "@/lib/i18n/areas/reference";
import { DeleteReference, EditReferenceForm, type Labels } from "../ReferenceForms";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("referenceValue"); }

export default async function ReferenceValuePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("reference:manage");
  const t = await getAreaMessages(referenceMessages);
  const { id } = await params;
  let r;
  try {
    r = await getReferenceValueForAdmin(admin, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const choices = {
    indicators: REFERENCE_INDICATORS.map((k) => ({ value: k, label: t.indicators[k] })),
    kinds: REFERENCE_KINDS.map((k) => ({ value: k, label: t.kinds[k] })),
  };
  const { dashboard: _d, indicators: _i, kinds: _k, ...labels } = t;
  const initial: UpdateReferenceInput = {
    id: r.id,
    openedAt: r.updatedAt.toISOString(),
    indicator: r.indicator as UpdateReferenceInput["indicator"],
    year: String(r.year),
    kind: r.kind,
    value: String(toEntered(r.indicator, r.value)).replace(".", ","),
    source: r.source ?? "",
    note: r.note ?? "",
  };
  return (
    <>
      <p>
        <Link href="/admin/referensvarden">{t.back}</Link>
      </p>
      <h1>
        {t.indicators[r.indicator] ?? r.indicator}, {r.year} ({t.kinds[r.kind]})
      </h1>
      <h2>{t.edit}</h2>
      <EditReferenceForm key={initial.openedAt} labels={labels as unknown as Labels} choices={choices} initial={initial} />
      <h2>{t.delete}</h2>
      <DeleteReference labels={labels as unknown as Labels} id={r.id} />
    </>
  );
}
