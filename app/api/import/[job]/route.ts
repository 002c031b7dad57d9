// Progress and result of an import job, for the admin who started it. While the job runs the
// answer comes from memory alone, the session read from its cookie: with embedded PGlite the
// import's transaction holds the one database connection, and a poll that waited for it would
// see the progress only once it was over. The result (with the files' errors) is given only once
// the user has been loaded and checked again.
import { headers } from "next/headers";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { readSession } from "@/lib/auth/session-cookie";
import { getImportJob, getImportJobProgress } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: "not_found" }, { status: 404 });
const noStore = { "cache-control": "no-store" };

export async function GET(_req: Request, { params }: { params: Promise<{ job: string }> }) {
  const { job: id } = await params;
  const session = await readSession(await headers());
  if (!session) return notFound();
  const running = getImportJobProgress(id, session.userId);
  if (!running) return notFound();
  if (running.status === "running") return Response.json(running, { headers: noStore });
  const user = await getCurrentUser();
  const job = user && hasPermission(user, "import:run") ? getImportJob(id, user.id) : null;
  if (!job) return notFound();
  return Response.json(job, { headers: noStore });
}
