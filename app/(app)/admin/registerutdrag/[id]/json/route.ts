// The register extract as a JSON download.
import { buildRegisterExtract } from "@/lib/privacy/extract";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "participant:extract")) return new Response("Hittades inte.", { status: 404 });
  const { id } = await params;
  try {
    const extract = await buildRegisterExtract(user, id);
    return new Response(JSON.stringify(extract, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="registerutdrag-${extract.participant.id}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return new Response("Hittades inte.", { status: 404 });
    throw err;
  }
}
