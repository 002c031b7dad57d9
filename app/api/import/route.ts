// Starts an import (dry run or real) from the admin page's upload; answers with the job id.
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/commands";
import { getDb } from "@/db";
import { checkFileNames, listImportJobs, startImportJob } from "@/lib/import/jobs";
import { getLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "not_found" }, { status: 404 });

export async function POST(req: Request) {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "import:run")) return notFound();
  // Route handlers get no server-action origin check: refuse a cross-site post ourselves.
  const origin = req.headers.get("origin");
  if (origin && new URL(origin).host !== req.headers.get("host")) return Response.json({ error: "forbidden" }, { status: 403 });
  const form = await req.formData();
  const files = form.getAll("files").filter((f): f is File => typeof f === "object" && "arrayBuffer" in f && f.size > 0);
  const problem = checkFileNames(files.map((f) => f.name));
  if (problem) return Response.json({ error: problem }, { status: 400 });
  const dryRun = form.get("mode") !== "import";
  // The rows the preview counted, sent back with the confirmation: only the progress bar's total.
  const expectedRows = Number.parseInt(String(form.get("rows") ?? ""), 10);
  const id = await startImportJob({
    userId: user.id,
    municipalityId: user.municipalityId,
    dryRun,
    expectedRows: Number.isSafeInteger(expectedRows) && expectedRows > 0 ? expectedRows : undefined,
    lang: await getLocale(),
    files: await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))),
  });
  await writeAudit(getDb(), { id: user.id, municipalityId: user.municipalityId }, {
    action: dryRun ? "import.dry_run" : "import.start",
    entityType: "import",
    entityId: id,
    details: { files: files.map((f) => f.name) },
  });
  return Response.json({ id });
}

/** The signed-in admin's own recent import jobs. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "import:run")) return notFound();
  return Response.json({ jobs: listImportJobs(user.id) }, { headers: { "cache-control": "no-store" } });
}
