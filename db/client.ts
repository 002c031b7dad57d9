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
  // while running them saved nothing measurable (scripts/bench/JOURNAL.md). The app's other queries are
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
 * Statements with parameters, up to PREPARE_MAX_PARAMS of them, go to PostgreSQL as named prepared
 * statements, kept per connection (postgres-js drops them with the connection, which it replaces
 * after 30–60 minutes). drizzle asks for `prepare: false` on every query, and postgres-js then
 * sends a parameterized statement in two round trips (Parse and Describe, wait for the parameter
 * types, then Bind and Execute) and pipelines nothing behind it on that connection. Prepared, it
 * is one round trip and PostgreSQL parses it once: the participant page (about thirty statements)
 * went from 11 to 3–4 ms of PostgreSQL's time and from 33–36 to 26–29 ms of the server's per
 * view; the worklist's facts query took 7 ms to plan and 3 to run (scripts/bench/JOURNAL.md). From a
 * statement's sixth run PostgreSQL may keep one generic plan where it costs no more than the
 * custom ones, as with any driver that prepares (JDBC, asyncpg).
 *
 * Larger statements (multi-row inserts of a bulk write, whose length varies with the batch) stay
 * unnamed: every length would be a plan of its own kept on the connection. Statements without
 * parameters go by the simple protocol, one round trip, whatever is asked. On PGlite none of this
 * applies.
 */
export const PREPARE_MAX_PARAMS = 100;

function shouldPrepare(params: readonly unknown[] | undefined): boolean {
  const n = params?.length ?? 0;
  return n > 0 && n <= PREPARE_MAX_PARAMS;
}

/** postgres-js preparing as shouldPrepare says, in transactions and savepoints as well. */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      // drizzle runs a transaction's statements on the handle postgres-js gives begin()'s callback.
      if (prop === "begin" || prop === "savepoint") {
        const open = value as (...a: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const body = args.pop() as (sql: postgres.Sql) => unknown;
          return open.apply(target, [...args, (sql: postgres.Sql) => body(preparing(sql))]);
        };
      }
      if (prop !== "unsafe") return value;
      return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
        target.unsafe(query, params, shouldPrepare(params) ? { ...options, prepare: true } : options);
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
