// Rows read through a JSON subquery come back exactly as drizzle's own select gives them, for every
// column of the tables the participant page reads this way (timestamps, dates, numeric, jsonb,
// enums, nulls), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import { fromJson, frozen, jsonFirst, jsonList, listFromJson, rows } from "./json";

let handle: DbHandle;
let changed: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: "2026-06-30" });
  // Values a JSON number or a timestamp's text could change: a whole numeric with its scale, a
  // timestamp with microseconds.
  const [a] = await handle.db.select().from(s.activities).orderBy(asc(s.activities.id)).limit(1);
  changed = a.id;
  await handle.db.update(s.activities).set({ hoursPerWeek: "10.0", createdAt: sql`'2026-06-30 10:11:12.345678+00'` }).where(eq(s.activities.id, a.id));
  // Tables the demo leaves empty get a row each.
  const [o] = await handle.db.select().from(s.outcomes).limit(1);
  await handle.db.insert(s.outcomeHistory).values({ outcomeId: o.id, status: o.status, subsidized: true, recordedDate: "2026-06-01" });
  await handle.db.insert(s.consents).values({ municipalityId: a.municipalityId, participantId: a.participantId, actor: "arbetsformedlingen", scope: "Plan och insatser", method: "skriftligt", givenOn: "2026-05-01" } as typeof s.consents.$inferInsert);
  await handle.db.insert(s.skillMappings).values({ participantId: a.participantId, version: 1, data: { languages: ["arabiska"], nested: { a: 1, b: [true, null] } } } as typeof s.skillMappings.$inferInsert);
});
afterAll(async () => {
  await handle?.close();
});

const tables: [string, PgTable][] = [
  ["participants", s.participants],
  ["plans", s.plans],
  ["activities", s.activities],
  ["plan revisions", s.planRevisions],
  ["follow-ups", s.followups],
  ["outcomes", s.outcomes],
  ["outcome history", s.outcomeHistory],
  ["consents", s.consents],
  ["skill mappings", s.skillMappings],
];

describe("jsonList and fromJson", () => {
  it.each(tables)("read %s as drizzle does", async (_name, table) => {
    const fields = getTableColumns(table);
    const id = (fields as Record<string, never>).id;
    const direct = await handle.db.select().from(table).orderBy(asc(id));
    expect(direct.length).toBeGreaterThan(0);
    const [row] = await rows(handle.db, sql`select ${jsonList(fields, sql`from ${table}`, [asc(id)])} as "all"`);
    expect(listFromJson(fields, row.all)).toEqual(direct);
  });

  it("keeps a numeric's scale and a timestamp to the millisecond", async () => {
    const fields = getTableColumns(s.activities);
    const [row] = await rows(handle.db, sql`select ${jsonFirst(fields, sql`from ${s.activities} where ${s.activities.id} = ${changed}`)} as "one"`);
    const a = fromJson(fields, row.one as Record<string, unknown>);
    expect(a.hoursPerWeek).toBe("10.0");
    expect(a.createdAt).toEqual(new Date("2026-06-30T10:11:12.345Z"));
  });

  it("gives an empty list and a null row when nothing matches", async () => {
    const fields = { id: s.plans.id };
    const [row] = await rows(
      handle.db,
      sql`select ${jsonList(fields, sql`from ${s.plans} where false`, [])} as "list", ${jsonFirst(fields, sql`from ${s.plans} where false`)} as "first"`,
    );
    expect(listFromJson(fields, row.list)).toEqual([]);
    expect(row.first).toBeNull();
  });

  it("freezes a fragment without parameters to the same text, and refuses one with parameters", async () => {
    const fields = { id: s.plans.id, reviewDate: s.plans.reviewDate };
    const list = jsonList(fields, sql`from ${s.plans}`, [asc(s.plans.id)]);
    const [a] = await rows(handle.db, sql`select ${list} as "all"`);
    const [b] = await rows(handle.db, sql`select ${frozen(list)} as "all"`);
    expect(b.all).toEqual(a.all);
    expect(() => frozen(sql`${s.plans.id} = ${"x"}`)).toThrow(/no parameters/);
  });
});
