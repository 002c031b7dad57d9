// Queries marked PREPARED become named prepared statements on PostgreSQL; others stay unnamed.
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, PREPARED, type DbHandle } from "./client";

const url = process.env.DATABASE_URL;
const handles: DbHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe("prepared queries", () => {
  it.skipIf(!url)("are kept as named statements on the connection, and only the marked ones (PostgreSQL)", async () => {
    const h = openPostgres(url!, { max: 1 });
    handles.push(h);
    for (let i = 0; i < 2; i++) {
      expect(rowsOf<{ x: number }>(await h.db.execute(sql`${sql.raw(PREPARED)} select ${i}::int + 40 as x, 'marked' as kind`))[0].x).toBe(40 + i);
      await h.db.execute(sql`select ${i}::int as x, 'unmarked' as kind`);
    }
    const statements = rowsOf<{ statement: string }>(await h.db.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);
    expect(statements.filter((s) => s.includes("'marked'"))).toHaveLength(1);
    expect(statements.some((s) => s.includes("'unmarked'"))).toBe(false);
    // In a transaction (its own postgres-js handle) a marked query still runs.
    const inTx = await h.db.transaction(async (tx) => rowsOf<{ x: number }>(await tx.execute(sql`${sql.raw(PREPARED)} select 7 as x`)));
    expect(inTx[0].x).toBe(7);
  });

  it("run as plain queries on PGlite", async () => {
    const h = openPglite();
    handles.push(h);
    expect(rowsOf<{ x: number }>(await h.db.execute(sql`${sql.raw(PREPARED)} select 1 as x`))[0].x).toBe(1);
  });
});
