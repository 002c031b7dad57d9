// Builds a drizzle database on either driver. `db/index.ts` holds the app's one shared handle;
// tests and scripts use these builders to get handles of their own.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
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
  const db = drizzlePostgres(client, { schema });
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.end({ timeout: 5 }),
  };
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
