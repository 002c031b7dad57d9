// Every error of a finished import job as a CSV file, for the admin who started it: the page shows
// the first of them, this gives them all (rendered from the job's memory as the file is sent).
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { importErrorsCsv } from "@/lib/import/jobs";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ job: string }> }) {
  const user = await getCurrentUser();
  const { job: id } = await params;
  const csv = user && hasPermission(user, "import:run") ? importErrorsCsv(id, user.id) : null;
  if (!csv) return Response.json({ error: "not_found" }, { status: 404 });
  const chunks = csv.chunks();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
