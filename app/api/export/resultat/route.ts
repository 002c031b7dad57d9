// Export of the results dashboard as shown (same filters, same snapshot of figures while it is
// kept), to CSV or XLSX. Audited.
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { auditExport, exportSnapshotOption, getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { toCsv, toXlsx } from "@/lib/metrics/export";
import { getAreaMessages } from "@/lib/i18n/server";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { referenceMessages } from "@/lib/i18n/areas/reference";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "metrics:export")) return Response.json({ error: "not_found" }, { status: 404 });
  const params = new URL(req.url).searchParams;
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const filter = parseDashboardFilter(params);
  const dashboard = await getDashboard(user, filter, undefined, exportSnapshotOption(params));
  const t = await getAreaMessages(resultsMessages);
  const rt = await getAreaMessages(referenceMessages);
  await auditExport(user, format, dashboard.filter);
  const name = `etablera-resultat-${dashboard.municipality.code}-${dashboard.asOf}.${format}`;
  const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await toXlsx(dashboard, t, rt)), {
      headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  }
  return new Response(toCsv(dashboard, t, rt), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
