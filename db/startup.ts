// Server start-up (Node runtime only): bring the configured database up to date.
import { getHandle } from "./index";
import { ensureDatabase } from "./setup";

export async function startDatabase() {
  const handle = getHandle();
  await ensureDatabase(handle, { seedIfEmpty: handle.kind === "pglite" && process.env.ETABLERA_NO_DEMO !== "1" });
}
