// Gallring: first what the retention policy would anonymise today, then the admin runs it.
import type { Metadata } from "next";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { getAreaMessages, getMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { todayIso } from "@/lib/dates";
import { CASE_RETENTION_YEARS, LOGIN_ATTEMPT_RETENTION_DAYS, previewGallring } from "@/lib/privacy/retention";
import { runningGallringJob } from "@/lib/privacy/gallring-jobs";
import { RunForm } from "./RunForm";
import { ListTable } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";

export const metadata: Metadata = { title: "Gallring" };

export default async function GallringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("settings:manage");
  const common = await getMessages();
  const t = (await getAreaMessages(privacyMessages)).gallring;
  const asOf = todayIso();
  const sp = await searchParams;
  const requested = Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10);
  // A region holds tens of thousands of due cases: their count, and a page of them, the oldest first.
  const preview = await previewGallring(getDb(), { asOf, municipalityId: admin.municipalityId, page: requested });
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
      {preview.total === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.count.replace("{n}", String(preview.total))}</p>
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
          <Pager page={preview.page} pages={preview.pages} href={(p) => `/admin/gallring?page=${p}`} t={common.common} />
        </>
      )}
      <RunForm expected={preview.total} running={runningGallringJob(admin.municipalityId)} labels={t} />
    </>
  );
}
