// CSV export of the audit view's current filter, in the page's words (lib/audit/export.ts). The
// export itself is audited.
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit/commands";
import { auditExportCsv } from "@/lib/audit/export";
import { exportAuditEntries, parseAuditFilter } from "@/lib/audit/queries";
import { auditLabels } from "@/lib/audit/labels";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "audit:read")) return new Response("Hittades inte.", { status: 404 });
  const f = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await exportAuditEntries(user, f);
  await writeAudit(getDb(), { id: user.id, municipalityId: user.municipalityId }, {
    action: "audit.export",
    entityType: "audit_log",
    details: { filter: { ...f, page: undefined }, rows: rows.length },
  });
  const labels = await getAreaMessages(auditLabels);
  const csv = auditExportCsv(rows, (await getAreaMessages(privacyMessages)).audit, labels);
  return new Response("\uFEFF" + csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="logg-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
