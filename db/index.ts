// The app's one database handle: postgres-js when DATABASE_URL is set, embedded PGlite
// (data under ./data) when not. Cached on globalThis so dev-mode reloads reuse it.
import { openConfigured, type DbHandle } from "./client";

export type { Db, Tx, Executor } from "./client";

const globalForDb = globalThis as unknown as { __etableraDb?: DbHandle };

export function getHandle(): DbHandle {
  if (!globalForDb.__etableraDb) globalForDb.__etableraDb = openConfigured();
  return globalForDb.__etableraDb;
}

/** Lazily opened so that importing a module never opens a database (e.g. during `next build`). */
export function getDb() {
  return getHandle().db;
}
