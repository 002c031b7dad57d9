// Writes the generated benchmark data: with COPY … FROM STDIN streams on postgres-js (fast, for
// hundreds of thousands of participants), or with batched INSERTs through drizzle (any driver,
// used by the tests on PGlite). Both take the rows from rows.ts, so they write the same data.
import { getTableColumns, getTableName, sql as dsql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { BENCH_PASSWORD, CHUNK_TABLES, TABLES, generateChunks, generateSetup, type BenchSetup, type GenOptions } from "./rows";

export interface LoadResult {
  setup: BenchSetup;
  rows: Record<string, number>;
  seconds: number;
}

type AnyRow = Record<string, unknown>;

async function insertBatched(db: Db, table: PgTable, rows: AnyRow[]) {
  const cols = Object.keys(getTableColumns(table)).length;
  const batch = Math.max(1, Math.floor(30000 / cols));
  for (let i = 0; i < rows.length; i += batch) {
    // Rows are typed per table in rows.ts; here the table is only known at run time.
    await db.insert(table).values(rows.slice(i, i + batch) as never);
  }
}

async function insertSetup(db: Db, setup: BenchSetup) {
  await db.insert(s.municipalities).values(setup.municipality);
  await insertBatched(db, s.units, setup.units);
  await insertBatched(db, s.users, setup.users);
  await insertBatched(db, s.employers, setup.employers);
  await insertBatched(db, s.sfiGroups, setup.groups);
  await insertBatched(db, s.sfiGroupTeachers, setup.groupTeachers);
  await insertBatched(db, s.actors, setup.actors);
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  let str: string;
  if (typeof v === "string") str = v;
  else if (typeof v === "boolean") str = v ? "t" : "f";
  else if (typeof v === "number") str = String(v);
  else if (v instanceof Date) str = v.toISOString();
  else str = JSON.stringify(v);
  return str.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** COPY rows into a table; only the columns the rows carry, the rest take their defaults. */
export async function copyRows(sql: postgres.Sql, table: PgTable, rows: AnyRow[]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]).filter((k) => k in columns);
  const keySet = new Set(keys);
  for (const row of rows) for (const k of Object.keys(row)) if (!keySet.has(k) && k in columns) { keys.push(k); keySet.add(k); }
  const names = keys.map((k) => `"${columns[k].name}"`).join(", ");
  const stream = await sql.unsafe(`COPY "${getTableName(table)}" (${names}) FROM STDIN`).writable();
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", () => resolve());
    stream.on("error", reject);
  });
  let buf = "";
  for (const row of rows) {
    let line = "";
    for (let k = 0; k < keys.length; k++) line += (k ? "\t" : "") + copyValue(row[keys[k]]);
    buf += line + "\n";
    if (buf.length > 256 * 1024) {
      if (!stream.write(buf)) await new Promise((r) => stream.once("drain", r));
      buf = "";
    }
  }
  if (buf) stream.write(buf);
  stream.end();
  await done;
}

/** Loads through drizzle with batched INSERTs (PGlite or PostgreSQL). */
export async function loadWithInserts(db: Db, opts: GenOptions): Promise<LoadResult> {
  const started = performance.now();
  const setup = generateSetup(opts, await hashPassword(BENCH_PASSWORD));
  await insertSetup(db, setup);
  const rows: Record<string, number> = {};
  for (const chunk of generateChunks(opts, setup)) {
    for (const t of CHUNK_TABLES) {
      await insertBatched(db, TABLES[t] as PgTable, chunk[t] as AnyRow[]);
      rows[t] = (rows[t] ?? 0) + chunk[t].length;
    }
  }
  return { setup, rows, seconds: (performance.now() - started) / 1000 };
}

/**
 * Loads with COPY streams. Tables of one chunk go in foreign-key order; independent tables are
 * copied side by side on separate connections (the pool needs max >= 4).
 */
export async function loadWithCopy(sql: postgres.Sql, db: Db, opts: GenOptions & { log?: (m: string) => void }): Promise<LoadResult> {
  const started = performance.now();
  const setup = generateSetup(opts, await hashPassword(BENCH_PASSWORD));
  await insertSetup(db, setup);
  const rows: Record<string, number> = {};
  const count = (t: string, n: number) => (rows[t] = (rows[t] ?? 0) + n);
  let done = 0;
  for (const chunk of generateChunks(opts, setup)) {
    await copyRows(sql, s.participants, chunk.participants);
    await Promise.all([
      copyRows(sql, s.plans, chunk.plans).then(() => copyRows(sql, s.planRevisions, chunk.planRevisions)),
      copyRows(sql, s.activities, chunk.activities).then(() => copyRows(sql, s.sfiEnrolments, chunk.sfiEnrolments)),
      copyRows(sql, s.followups, chunk.followups),
      copyRows(sql, s.outcomes, chunk.outcomes),
      copyRows(sql, s.sfiAttendance, chunk.sfiAttendance),
      // One stream, in the order the entries were chained.
      copyRows(sql, s.auditLog, chunk.auditLog),
    ]);
    for (const t of CHUNK_TABLES) count(t, chunk[t].length);
    done += chunk.participants.length;
    opts.log?.(`  ${done}/${opts.participants} participants (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  // A settled database has its visibility map set (autovacuum), which index-only scans rely on.
  await db.execute(dsql`VACUUM ANALYZE`);
  return { setup, rows, seconds: (performance.now() - started) / 1000 };
}
