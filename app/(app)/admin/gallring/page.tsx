// Gallring: first what the retention policy would anonymise today, whose cases they are, then the
// admin runs it (asked once more: it cannot be undone).
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { todayIso } from "@/lib/dates";
import { CASE_RETENTION_YEARS, LOGIN_ATTEMPT_RETENTION_DAYS, previewGallring, type DueCaseRow } from "@/lib/privacy/retention";
import { runningGallringJob } from "@/lib/privacy/gallring-jobs";
import { RunForm } from "./RunForm";
import { ListTable } from "@/app/_components/ListTable";
import { Pager } from "@/app/_components/Pager";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("gallring"); }

export default async function GallringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("settings:manage");
  const common = await getMessages();
  const t = (await getAreaMessages(privacyMessages)).gallring;
  const asOf = todayIso();
  const sp = await searchParams;
  const requested = Number.parseInt(typeof sp.page === "string" ? sp.page : "1", 10);
  // A region holds tens of thousands of due cases: their count, and a page of them, the oldest first.
  const preview = await previewGallring(admin, { asOf, page: requested });
  // The admin checks the right people go: each one's register extract, by id (never personnummer).
  const mayExtract = hasPermission(admin, "participant:extract");
  const name = (c: DueCaseRow) => `${c.firstName} ${c.lastName}`.trim();
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
            columns={[
              { label: t.name, cell: name },
              { label: t.externalId, cell: (c) => c.externalId ?? "–" },
              { label: t.unitCoordinator, cell: (c) => `${c.unitName ?? t.noUnit}, ${c.coordinatorName ?? t.noCoordinator}` },
              { label: t.closed, cell: (c) => c.closedAt ?? (c.programmeEnd ? t.programmeEnded.replace("{date}", c.programmeEnd) : "–") },
              { label: t.lastActivity, cell: (c) => c.lastActivity },
              ...(mayExtract
                ? [
                    {
                      label: t.extract,
                      cell: (c: DueCaseRow) => (
                        <Link href={`/admin/registerutdrag/${c.id}`}>
                          {t.extract}
                          <span className="visually-hidden"> {t.extractFor.replace("{name}", name(c))}</span>
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Pager page={preview.page} pages={preview.pages} href={(p) => `/admin/gallring?page=${p}`} t={common.common} />
        </>
      )}
      <RunForm expected={preview.total} running={runningGallringJob(admin.municipalityId)} t={t} />
    </>
  );
}
