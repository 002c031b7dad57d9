// The figures' cache: a result is reused only while no table the figures read has been written,
// on both databases, and the dashboard shows a change at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { cached, dataVersion, forgetInMemory, inTimeOrStale, keptWhileUnchanged, PERSONAL_MAX_AGE_MS } from "./cache";
import { getDashboard, parseDashboardFilter, warmDashboards } from "./dashboard";
import { warmIntervalMs } from "./warm";
import { recordedOutcomes, recordOutcomeOfALeaver } from "./fixtures";
import { rows } from "./indicators";

const AS_OF = "2026-06-30";
let handle: DbHandle;
let manager: Actor;

beforeAll(async () => {
  const demo = await createDemoTestDb(AS_OF);
  handle = demo.handle;
  manager = demo.userBy("karin");
});
afterAll(async () => {
  await handle?.close();
});

/**
 * Tables whose writes never change a figure: written by reads, sign-ins and calendar fetches, and
 * the actor directory, which no figure or signal reads (an edit there must not make every unit's
 * figures and worklist be computed again). A table a figure starts to read leaves this list.
 */
const NOT_TRACKED = ["audit_log", "login_attempts", "calendar_feeds", "metric_cache", "metric_snapshots", "metric_facts", "actors"];

describe("metrics data version", () => {
  it("is bumped by a write to every table but the few written by reads and the directory", async () => {
    const tables = (await rows(handle.db, sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%drizzle%' order by 1`)).map((r) => String(r.tablename));
    const triggered = new Set(
      (await rows(handle.db, sql`select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like '%_metrics_data_changed'`)).map((r) => String(r.relname)),
    );
    const missing = tables.filter((t) => !NOT_TRACKED.includes(t) && !triggered.has(t));
    expect(missing, "add the new table, and how its rows find their municipality, to a migration like 0015_municipality_data_versions.sql").toEqual([]);
    for (const t of NOT_TRACKED) expect(triggered.has(t), t).toBe(false);
  });

  it("moves on a write and stays on a read", async () => {
    const v0 = await dataVersion(handle.db);
    await handle.db.select().from(s.participants).limit(1);
    expect(await dataVersion(handle.db)).toBe(v0);
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    expect(await dataVersion(handle.db)).not.toBe(v0);
  });

  it("is one per municipality: a write moves the version of the municipality whose rows it wrote, through every table, and no other", async () => {
    const before = await dataVersion(handle.db);
    const [other] = await handle.db.insert(s.municipalities).values({ code: "9301", name: "Grannkommunen" }).returning();
    // A municipality's numbers start above every number used before (none repeats a stored one).
    expect(Number(await dataVersion(handle.db, other.id))).toBeGreaterThan(Number(before));
    await handle.db.insert(s.units).values({ municipalityId: other.id, name: "Grannkommunens enhet" });
    const mine = manager.municipalityId;
    const tables = (await rows(handle.db, sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%drizzle%' order by 1`))
      .map((r) => String(r.tablename))
      .filter((t) => !NOT_TRACKED.includes(t));
    // The one table reached through an outcome gets a row (the demo has none).
    await handle.db.execute(sql`insert into outcome_history (outcome_id, status, recorded_date) select id, status, recorded_date from outcomes limit 1`);
    const empty: string[] = [];
    for (const table of tables) {
      // One row of the demo municipality (the only one with data), written to itself: an update.
      const [col] = await rows(handle.db, sql`select column_name from information_schema.columns where table_name = ${table} order by ordinal_position limit 1`);
      const column = sql.identifier(String(col.column_name));
      const where = table === "municipalities" ? sql`where id = ${mine}` : sql`where ctid = (select ctid from ${sql.identifier(table)} limit 1)`;
      const [mineBefore, otherBefore] = [await dataVersion(handle.db, mine), await dataVersion(handle.db, other.id)];
      const updated = await rows(handle.db, sql`update ${sql.identifier(table)} set ${column} = ${column} ${where} returning 1 as one`);
      if (!updated.length) {
        empty.push(table);
        continue;
      }
      expect(await dataVersion(handle.db, mine), table).not.toBe(mineBefore);
      expect(await dataVersion(handle.db, other.id), table).toBe(otherBefore);
    }
    // The demo leaves these empty; each finds its municipality like others that were tried (its
    // own column, or its participant's).
    expect(empty.filter((t) => !["consents", "reference_values", "signal_snoozes", "skill_mappings"].includes(t)), "not tried").toEqual([]);

    // An insert and a delete move only the municipality of their rows.
    const mineBefore = await dataVersion(handle.db, mine);
    const otherBefore = await dataVersion(handle.db, other.id);
    const [unit] = await handle.db.insert(s.units).values({ municipalityId: other.id, name: "Ny enhet" }).returning();
    const afterInsert = await dataVersion(handle.db, other.id);
    expect(afterInsert).not.toBe(otherBefore);
    await handle.db.delete(s.units).where(eq(s.units.id, unit.id));
    expect(await dataVersion(handle.db, other.id)).not.toBe(afterInsert);
    expect(await dataVersion(handle.db, mine)).toBe(mineBefore);

    // Over 1 000 rows that find their municipality through another table (the import's plan
    // history) move every municipality's version; fewer move their own only.
    const revisions = (n: number) =>
      handle.db.execute(sql`insert into plan_revisions (plan_id, summary, snapshot) select (select id from plans limit 1), 'test', '{}'::jsonb from generate_series(1, ${n})`);
    const [a0, b0] = [await dataVersion(handle.db, mine), await dataVersion(handle.db, other.id)];
    await revisions(1000);
    const [a1, b1] = [await dataVersion(handle.db, mine), await dataVersion(handle.db, other.id)];
    expect([a1 !== a0, b1 !== b0]).toEqual([true, false]);
    await revisions(1001);
    expect([(await dataVersion(handle.db, mine)) !== a1, (await dataVersion(handle.db, other.id)) !== b1]).toEqual([true, true]);
  });

  it("keeps a municipality's cached figures and kept lists through another municipality's writes", async () => {
    const [other] = await handle.db.insert(s.municipalities).values({ code: "9302", name: "Tredje kommunen" }).returning();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cached(handle.db, manager.municipalityId, "iso1", compute)).toBe(1);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "iso2", compute)).toBe(2);
    await handle.db.insert(s.units).values({ municipalityId: other.id, name: "Tredje kommunens enhet" });
    expect(await cached(handle.db, manager.municipalityId, "iso1", compute)).toBe(1);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "iso2", compute)).toBe(2);
    expect(await cached(handle.db, other.id, "iso3", compute)).toBe(3);
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    expect(await cached(handle.db, manager.municipalityId, "iso1", compute)).toBe(4);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "iso2", compute)).toBe(5);
    expect(await cached(handle.db, other.id, "iso3", compute)).toBe(3);
  });
});

describe("cached", () => {
  it("reuses a result until the data changes, then computes again", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cached(handle.db, manager.municipalityId, "t1", compute)).toBe(1);
    expect(await cached(handle.db, manager.municipalityId, "t1", compute)).toBe(1);
    expect(await cached(handle.db, manager.municipalityId, "t2", compute)).toBe(2);
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    expect(await cached(handle.db, manager.municipalityId, "t1", compute)).toBe(3);
  });

  it("shares one computation between concurrent callers", async () => {
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return calls;
    };
    const got = await Promise.all([cached(handle.db, manager.municipalityId, "t3", compute), cached(handle.db, manager.municipalityId, "t3", compute), cached(handle.db, manager.municipalityId, "t3", compute)]);
    expect(got).toEqual([1, 1, 1]);
    expect(calls).toBe(1);
  });

  it("keeps nothing computed while the data changed, nor inside a transaction", async () => {
    let calls = 0;
    const writing = async () => {
      calls++;
      await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
      return calls;
    };
    expect(await cached(handle.db, manager.municipalityId, "t4", writing)).toBe(1);
    expect(await cached(handle.db, manager.municipalityId, "t4", async () => ++calls)).toBe(2);
    await handle.db.transaction(async (tx) => {
      expect(await cached(tx, manager.municipalityId, "t5", async () => ++calls)).toBe(3);
      expect(await cached(tx, manager.municipalityId, "t5", async () => ++calls)).toBe(4);
    });
  });

  it("does not serve a result older than a day", async () => {
    let calls = 0;
    let now = Date.now();
    const compute = async () => ++calls;
    expect(await cached(handle.db, manager.municipalityId, "t6", compute, () => now)).toBe(1);
    now += 23 * 3600_000;
    expect(await cached(handle.db, manager.municipalityId, "t6", compute, () => now)).toBe(1);
    now += 2 * 3600_000;
    expect(await cached(handle.db, manager.municipalityId, "t6", compute, () => now)).toBe(2);
  });

  it("shares results through metric_cache with other processes, at the same data version only", async () => {
    let calls = 0;
    const compute = async () => ({ calls: ++calls });
    expect(await cached(handle.db, manager.municipalityId, "t8", compute)).toEqual({ calls: 1 });
    forgetInMemory(handle.db);
    expect(await cached(handle.db, manager.municipalityId, "t8", compute)).toEqual({ calls: 1 });
    const [row] = await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t8"));
    expect(JSON.parse(row.value)).toEqual({ calls: 1 });
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    forgetInMemory(handle.db);
    expect(await cached(handle.db, manager.municipalityId, "t8", compute)).toEqual({ calls: 2 });
  });

  // PGlite has one connection: nobody else can be in the middle of a write.
  it.skipIf(!process.env.DATABASE_URL)("keeps a result computed beside an uncommitted write for seconds only, and not in metric_cache", async () => {
    let calls = 0;
    let now = Date.now();
    const compute = async () => ++calls;
    await handle.db.transaction(async (tx) => {
      await tx.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
      expect(await cached(handle.db, manager.municipalityId, "t7", compute, () => now)).toBe(1);
    });
    expect(await cached(handle.db, manager.municipalityId, "t7", compute, () => now)).toBe(1);
    expect(await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t7"))).toEqual([]);
    now += 11_000;
    expect(await cached(handle.db, manager.municipalityId, "t7", compute, () => now)).toBe(2);
  });

  it.skipIf(!process.env.DATABASE_URL)("keeps a result for good beside another municipality's uncommitted write", async () => {
    const [other] = await handle.db.insert(s.municipalities).values({ code: "9303", name: "Fjärde kommunen" }).returning();
    let calls = 0;
    const compute = async () => ++calls;
    await handle.db.transaction(async (tx) => {
      await tx.insert(s.units).values({ municipalityId: other.id, name: "Pågående" });
      expect(await cached(handle.db, manager.municipalityId, "t9", compute)).toBe(1);
      // The other municipality's own figures are the ones held back.
      expect(await cached(handle.db, other.id, "t10", compute)).toBe(2);
    });
    expect((await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t9"))).length).toBe(1);
    expect(await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t10"))).toEqual([]);
  });
});

describe("keptWhileUnchanged (results that name people)", () => {
  const touch = () => handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));

  it("reuses a result until the data changes, never writes it to metric_cache, and shares one computation", async () => {
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return { names: [`Person ${calls}`] };
    };
    const together = await Promise.all([keptWhileUnchanged(handle.db, manager.municipalityId, "p1", compute), keptWhileUnchanged(handle.db, manager.municipalityId, "p1", compute)]);
    expect(together).toEqual([{ names: ["Person 1"] }, { names: ["Person 1"] }]);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p1", compute)).toEqual({ names: ["Person 1"] });
    expect(await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "p1"))).toEqual([]);
    await touch();
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p1", compute)).toEqual({ names: ["Person 2"] });
    // Another process has nothing of it.
    forgetInMemory(handle.db);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p1", compute)).toEqual({ names: ["Person 3"] });
  });

  it("keeps nothing for longer than its maximum age, nor what was computed while the data changed, nor inside a transaction", async () => {
    let calls = 0;
    let now = Date.now();
    const compute = async () => ++calls;
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p2", compute, () => now)).toBe(1);
    now += PERSONAL_MAX_AGE_MS - 1000;
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p2", compute, () => now)).toBe(1);
    now += 2000;
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p2", compute, () => now)).toBe(2);
    const writing = async () => {
      await touch();
      return ++calls;
    };
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p3", writing)).toBe(3);
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p3", compute)).toBe(4);
    await handle.db.transaction(async (tx) => {
      expect(await keptWhileUnchanged(tx, manager.municipalityId, "p4", compute)).toBe(5);
      expect(await keptWhileUnchanged(tx, manager.municipalityId, "p4", compute)).toBe(6);
    });
  });

  // PGlite has one connection: nobody else can be in the middle of a write.
  it.skipIf(!process.env.DATABASE_URL)("does not keep a result computed beside an uncommitted write", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    await handle.db.transaction(async (tx) => {
      await tx.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
      expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p5", compute)).toBe(1);
    });
    expect(await keptWhileUnchanged(handle.db, manager.municipalityId, "p5", compute)).toBe(2);
  });
});

describe("stale while computing", () => {
  const never = () => new Promise<number>(() => {});
  const after = (ms: number, v: number) => new Promise<number>((r) => setTimeout(() => r(v), ms));

  it("answers with the new value when it comes within the wait", async () => {
    expect(await inTimeOrStale(after(10, 2), 1, { waitMs: 1000, alreadyRunning: false })).toEqual({ value: 2, stale: false });
  });

  it("answers with the previous value, marked stale, when the new one takes longer than the wait", async () => {
    const t0 = Date.now();
    expect(await inTimeOrStale(never(), 1, { waitMs: 50, alreadyRunning: false })).toEqual({ value: 1, stale: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
  });

  it("does not make who comes while the computation runs wait at all", async () => {
    const t0 = Date.now();
    expect(await inTimeOrStale(after(300, 2), 1, { waitMs: 5000, alreadyRunning: true })).toEqual({ value: 1, stale: true });
    expect(Date.now() - t0).toBeLessThan(250);
  });

  it("logs a late computation's failure instead of losing it", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      let fail: (e: Error) => void = () => {};
      const work = new Promise<number>((_, reject) => (fail = reject));
      expect(await inTimeOrStale(work, 1, { waitMs: 1, alreadyRunning: false })).toEqual({ value: 1, stale: true });
      fail(new Error("boom"));
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      console.error = original;
    }
    expect(errors.join("\n")).toContain("boom");
  });
});

describe("warming up", () => {
  it("computes each municipality's facts of today, from which the page then answers any filter", async () => {
    await handle.db.delete(s.metricSnapshots);
    expect(await warmDashboards(handle.db)).toBeGreaterThan(0);
    const snapshots = async () => (await handle.db.select({ id: s.metricSnapshots.id, m: s.metricSnapshots.municipalityId }).from(s.metricSnapshots)).map((r) => `${r.m}:${r.id}`).sort();
    const before = await snapshots();
    expect(before.filter((k) => k.startsWith(manager.municipalityId))).toHaveLength(1);
    // Nothing is computed again when the page asks: unfiltered, a filter, filters combined, a unit.
    const [unit] = await handle.db.select({ id: s.units.id }).from(s.units).where(eq(s.units.municipalityId, manager.municipalityId)).limit(1);
    const views = [new URLSearchParams(), new URLSearchParams({ settlement: "sjalvbosatt" }), new URLSearchParams({ education: "gymnasial", track: "arbetsmarknad", gender: "K", cohort: "2025" }), new URLSearchParams({ unit: unit.id })];
    for (const v of views) expect((await getDashboard(manager, parseDashboardFilter(v), handle.db)).stale).toBe(false);
    expect(await snapshots()).toEqual(before);
  });

  it("runs every five minutes unless set otherwise", () => {
    expect(warmIntervalMs({})).toBe(300_000);
    expect(warmIntervalMs({ ETABLERA_METRICS_WARM_MINUTES: "1" })).toBe(60_000);
    expect(warmIntervalMs({ ETABLERA_METRICS_WARM_MINUTES: "0" })).toBe(0);
    expect(warmIntervalMs({ ETABLERA_METRICS_WARM_MINUTES: "x" })).toBe(0);
  });
});

describe("the dashboard with the cache", () => {
  it("shows a recorded 90-day outcome at once", async () => {
    const filter = parseDashboardFilter(new URLSearchParams({ asOf: AS_OF }));
    const before = await getDashboard(manager, filter, handle.db);
    const again = await getDashboard(manager, filter, handle.db);
    expect(recordedOutcomes(again)).toBe(recordedOutcomes(before));
    await recordOutcomeOfALeaver(handle.db, manager.municipalityId, AS_OF, manager.id);
    const after = await getDashboard(manager, filter, handle.db, { fresh: true });
    expect(recordedOutcomes(after)).toBe(recordedOutcomes(before) + 1);
  });
});
