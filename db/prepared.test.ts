// A statement prepared once per handle and key: the same text reused with new values, different
// keys kept apart, each handle (or transaction) with its own, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import { preparedOnce, preparedRaw } from "./prepared";
import { rows } from "./json";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: "2026-06-30" });
});
afterAll(async () => {
  await handle?.close();
});

describe("preparedOnce", () => {
  it("builds a key's statement once and runs it with each call's values", async () => {
    const db = handle.db;
    const users = await db.select({ id: s.users.id, email: s.users.email }).from(s.users).limit(3);
    expect(users.length).toBe(3);
    let builds = 0;
    const byId = () =>
      preparedOnce(db, "test_user_by_id", () => {
        builds++;
        return db.select({ email: s.users.email }).from(s.users).where(eq(s.users.id, sql.placeholder("id")));
      });
    for (const u of users) expect(await byId().execute({ id: u.id })).toEqual([{ email: u.email }]);
    expect(builds).toBe(1);
    expect(byId()).toBe(byId());
  });

  it("keeps keys apart, and gives each handle and transaction its own statement", async () => {
    const db = handle.db;
    const one = preparedOnce(db, "test_count_a", () => db.select({ n: sql<number>`1` }).from(s.units).limit(1));
    const two = preparedOnce(db, "test_count_b", () => db.select({ n: sql<number>`2` }).from(s.units).limit(1));
    expect(await one.execute()).toEqual([{ n: 1 }]);
    expect(await two.execute()).toEqual([{ n: 2 }]);
    await db.transaction(async (tx) => {
      const inTx = preparedOnce(tx, "test_count_a", () => tx.select({ n: sql<number>`3` }).from(s.units).limit(1));
      expect(inTx).not.toBe(one);
      expect(await inTx.execute()).toEqual([{ n: 3 }]);
    });
    expect(await preparedOnce(db, "test_count_a", () => db.select({ n: sql<number>`4` }).from(s.units).limit(1)).execute()).toEqual([{ n: 1 }]);
  });

  it("runs a raw statement with each call's values, its rows as db.execute gives them", async () => {
    const db = handle.db;
    const units = await db.select({ id: s.units.id, name: s.units.name }).from(s.units);
    expect(units.length).toBeGreaterThan(1);
    const query = (id: string) => sql`select name from units where id = ${id}`;
    const nameOf = () => preparedRaw(db, "test_unit_name", () => sql`select name from units where id = ${sql.placeholder("id")}`);
    for (const u of units) {
      const result = await nameOf().execute({ id: u.id });
      const asExecuted = await db.execute(query(u.id));
      expect(result).toEqual(asExecuted);
      expect(await rows(db, query(u.id))).toEqual([{ name: u.name }]);
    }
    expect(nameOf()).toBe(nameOf());
  });
});
