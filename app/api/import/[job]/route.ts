// Progress and result of an import job, for the admin who started it.
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getImportJob } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ job: string }> }) {
  const user = await getCurrentUser();
  const { job: id } = await params;
  const job = user && hasPermission(user, "import:run") ? getImportJob(id, user.id) : null;
  if (!job) return Response.json({ error: "not_found" }, { status: 404 });
  return Response.json(job, { headers: { "cache-control": "no-store" } });
}
