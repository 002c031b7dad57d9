// Which statements become named prepared statements on PostgreSQL (db/client.ts, shouldPrepare).
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, PREPARE_MAX_PARAMS, type DbHandle } from "./client";

const url = process.env.DATABASE_URL;
const handles: DbHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe("prepared statements", () => {
  it.skipIf(!url)("are the statements with parameters up to the limit, kept once per connection, in transactions too (PostgreSQL)", async () => {
    const h = openPostgres(url!, { max: 1 });
    handles.push(h);
    const prepared = async (db: Pick<DbHandle["db"], "execute"> = h.db) =>
      rowsOf<{ statement: string }>(await db.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);
    const many = Array.from({ length: PREPARE_MAX_PARAMS + 1 }, (_, i) => sql`${i}::int`);
    for (let i = 0; i < 3; i++) {
      expect(rowsOf<{ x: number }>(await h.db.execute(sql`select ${i}::int + 40 as x, 'parameterized' as kind`))[0].x).toBe(40 + i);
      expect(rowsOf<{ x: number }>(await h.db.execute(sql`select 1 as x, 'plain' as kind`))[0].x).toBe(1);
      const big = rowsOf<{ n: number }>(await h.db.execute(sql`select cardinality(array[${sql.join(many, sql`, `)}]) as n, 'big' as kind`));
      expect(big[0].n).toBe(PREPARE_MAX_PARAMS + 1);
    }
    const statements = await prepared();
    expect(statements.filter((s) => s.includes("'parameterized'"))).toHaveLength(1);
    expect(statements.some((s) => s.includes("'plain'"))).toBe(false);
    expect(statements.some((s) => s.includes("'big'"))).toBe(false);
    // drizzle runs a transaction on the handle postgres-js gives it, and a nested one in a savepoint.
    const inTx = await h.db.transaction(async (tx) => {
      const x = rowsOf<{ x: number }>(await tx.execute(sql`select ${5}::int as x, 'in transaction' as kind`))[0].x;
      const y = await tx.transaction(async (sp) => rowsOf<{ y: number }>(await sp.execute(sql`select ${6}::int as y, 'in savepoint' as kind`))[0].y);
      return { x, y, statements: await prepared(tx) };
    });
    expect([inTx.x, inTx.y]).toEqual([5, 6]);
    expect(inTx.statements.some((s) => s.includes("'in transaction'"))).toBe(true);
    expect(inTx.statements.some((s) => s.includes("'in savepoint'"))).toBe(true);
    // A failed statement in a transaction rolls it back as before.
    await expect(h.db.transaction(async (tx) => tx.execute(sql`select ${"x"}::int as bad`))).rejects.toThrow();
    expect(rowsOf<{ x: number }>(await h.db.execute(sql`select ${1}::int + 40 as x, 'parameterized' as kind`))[0].x).toBe(41);
  });

  it("are plain queries on PGlite", async () => {
    const h = openPglite();
    handles.push(h);
    expect(rowsOf<{ x: number }>(await h.db.execute(sql`select ${1}::int as x`))[0].x).toBe(1);
  });
});
