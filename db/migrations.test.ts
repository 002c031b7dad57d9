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
});
