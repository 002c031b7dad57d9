// Migrations apply to an empty database, on PGlite and (with DATABASE_URL) on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "./testing";
import { isMigrated, openPglite, type DbHandle } from "./client";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe(`migrations (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("create every table of the schema", async () => {
    const result = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows) as { table_name: string }[];
    const names = rows.map((r) => r.table_name);
    for (const t of ["municipalities", "units", "users", "participants", "activities", "employers", "audit_log", "outcomes", "followups", "sfi_groups", "calendar_feeds"]) {
      expect(names).toContain(t);
    }
  });
  it("are idempotent: applying them again changes nothing", async () => {
    await expect(handle.migrate()).resolves.toBeUndefined();
  });
  it("say whether a database is up to date, without the migrator", async () => {
    expect(await isMigrated(handle.db)).toBe(true);
    // Behind by the newest migration: not up to date.
    await handle.db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(await isMigrated(handle.db)).toBe(false);
    await handle.db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(await isMigrated(handle.db)).toBe(true);
    // Never migrated.
    const empty = openPglite();
    try {
      expect(await isMigrated(empty.db)).toBe(false);
    } finally {
      await empty.close();
    }
  });
  it("leave no index that another index of its table already covers", async () => {
    // Every index costs each inserted row an entry. A plain index whose columns begin another
    // index of the same table (with no condition of its own) answers nothing the longer one does
    // not, so it is only cost (migration 0017 removed ones that were).
    const result = await handle.db.execute<{ tbl: string; name: string; cols: string; uniq: boolean; partial: boolean }>(sql`
      select c.relname as tbl, i.relname as name, array_to_string(x.indkey::int2[], ',') as cols,
             x.indisunique as uniq, x.indpred is not null as partial
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and x.indexprs is null`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { tbl: string; name: string; cols: string; uniq: boolean; partial: boolean }[];
    const covered = rows.flatMap((a) =>
      a.uniq || a.partial
        ? []
        : rows
            .filter((b) => b.tbl === a.tbl && b.name !== a.name && !b.partial && `${b.cols},`.startsWith(`${a.cols},`))
            .map((b) => `${a.name} (covered by ${b.name})`),
    );
    expect(covered).toEqual([]);
  });
  it("key sfi attendance by group, student and lesson day", async () => {
    const result = await handle.db.execute<{ cols: string }>(sql`
      select string_agg(a.attname, ',' order by k.n) as cols
        from pg_constraint c cross join lateral unnest(c.conkey) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
       where c.conrelid = 'sfi_attendance'::regclass and c.contype = 'p'`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { cols: string }[] }).rows) as { cols: string }[];
    expect(rows[0]?.cols).toBe("group_id,participant_id,lesson_date");
  });
});
