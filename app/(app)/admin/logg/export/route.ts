// CSV export of the audit view's current filter. The export itself is audited.
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit/commands";
import { exportAuditEntries, parseAuditFilter, toCsv } from "@/lib/audit/queries";
import { auditLabels, describeAuditAction } from "@/lib/audit/labels";
import { getAreaMessages } from "@/lib/i18n/server";
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
  const csv = toCsv(
    ["id", "tidpunkt", "anvandare_id", "anvandare", "handelse", "beskrivning", "typ", "uppgift_id", "deltagare_id", "detaljer"],
    rows.map((r) => [r.id, r.at.toISOString(), r.userId, r.userName, r.action, describeAuditAction(r.action, labels), r.entityType, r.entityId, r.participantId, r.details ? JSON.stringify(r.details) : null]),
  );
  return new Response("\uFEFF" + csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="logg-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
