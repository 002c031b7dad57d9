// Health check: 200 after a database round-trip, 503 with a clear body when the database is down.
import { sql } from "drizzle-orm";
import { getHandle } from "@/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const handle = getHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: handle.kind });
  } catch (err) {
    console.error("[health] database unreachable:", err instanceof Error ? err.message : err);
    return Response.json({ status: "error", database: "unreachable", message: "Databasen svarar inte." }, { status: 503 });
  }
}
