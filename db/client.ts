// Builds a drizzle database on either driver. `db/index.ts` holds the app's one shared handle;
// tests and scripts use these builders to get handles of their own.
import path from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
/**
 * Both drivers expose the same query builder; we type the handle as the postgres-js flavour so
 * domain code is written once. (The PGlite database is structurally the same API.)
 */
export type Db = PostgresJsDatabase<Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction on it. */
export type Executor = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function openPostgres(url: string, opts: { max?: number } = {}): DbHandle {
  // JIT compilation off: the dashboard's aggregates over millions of rows have cost estimates far
  // above jit_above_cost, and compiling them took 4–6 s of a 10 s query at 200 000 participants
  // while running them saved nothing measurable (README, Performance). The app's other queries are
  // small and never reach the JIT threshold anyway.
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzlePostgres(preparing(client), { schema });
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * A query whose text starts with this comment is sent to PostgreSQL as a named prepared statement,
 * kept per connection, so it is parsed and planned once instead of at every call (from its sixth
 * run PostgreSQL may keep one generic plan). drizzle sends every query unnamed, which suits the
 * many small ones, and the statements of variable length (`in (…)` lists) would fill the cache
 * otherwise. Meant for a few large queries of fixed shape that run on every page view: the
 * worklist's facts took 7 ms to plan and 3 to run for one coordinator's 80 people (pgbench, 20
 * clients: 290 → 660 runs per second prepared). On PGlite the comment is only a comment.
 */
export const PREPARED = "/* prepared */";

/** postgres-js with PREPARED honoured: drizzle asks for `prepare: false` on every query it sends. */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "unsafe") return Reflect.get(target, prop, receiver);
      return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
        target.unsafe(query, params, query.startsWith(PREPARED) ? { ...options, prepare: true } : options);
    },
  });
}

/** dataDir undefined = in memory (tests). */
export function openPglite(dataDir?: string): DbHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  const pgliteDb = drizzlePglite(client, { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), "data", "pglite");
}

/** The database the app's configuration points at: PostgreSQL when DATABASE_URL is set. */
export function openConfigured(): DbHandle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(defaultPgliteDir());
}

/**
 * Whether every migration in db/migrations has been applied: the newest one recorded by drizzle's
 * migrator is the journal's last (the migrator applies exactly those newer than the newest
 * recorded). One query instead of the migrator's hashing of every file; for short-lived commands.
 */
export async function isMigrated(db: Db): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  const last = journal.entries.at(-1)?.when ?? 0;
  try {
    const result = await db.execute(sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
    const [r] = (Array.isArray(result) ? result : (result as unknown as { rows: { at: string | null }[] }).rows) as { at: string | null }[];
    return r?.at !== null && r?.at !== undefined && Number(r.at) >= last;
  } catch {
    return false;
  }
}
