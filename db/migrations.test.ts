// Migrations apply to an empty database, on PGlite and (with DATABASE_URL) on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "./testing";
import type { DbHandle } from "./client";

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
});
