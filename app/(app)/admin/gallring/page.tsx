// Gallring: first what the retention policy would anonymise today, then the admin runs it.
import type { Metadata } from "next";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { todayIso } from "@/lib/dates";
import { CASE_RETENTION_YEARS, LOGIN_ATTEMPT_RETENTION_DAYS, runGallring } from "@/lib/privacy/retention";
import { RunForm } from "./RunForm";
import { ListTable } from "@/app/_components/ListTable";

export const metadata: Metadata = { title: "Gallring" };

export default async function GallringPage() {
  const admin = await requirePermission("settings:manage");
  const t = (await getAreaMessages(privacyMessages)).gallring;
  const asOf = todayIso();
  const preview = await runGallring(getDb(), { asOf, dryRun: true, municipalityId: admin.municipalityId });
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <h2>{t.policy}</h2>
      <ul>
        <li>{t.ruleCases.replace("{years}", String(CASE_RETENTION_YEARS))}</li>
        <li>{t.ruleLogins.replace("{days}", String(LOGIN_ATTEMPT_RETENTION_DAYS))}</li>
        <li>{t.ruleAudit}</li>
      </ul>
      <h2>{t.preview}</h2>
      {preview.cases.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ListTable
          caption={t.preview}
          rows={preview.cases}
          rowKey={(c) => c.id}
          rowHeader={false}
          columns={[
            { label: t.caseId, cell: (c) => c.id },
            { label: t.lastActivity, cell: (c) => c.lastActivity },
          ]}
        />
      )}
      <RunForm expected={preview.cases.length} labels={t} />
    </>
  );
}
