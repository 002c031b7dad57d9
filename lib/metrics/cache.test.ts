// The figures' cache: a result is reused only while no table the figures read has been written,
// on both databases, and the dashboard shows a change at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { cached, cachedResult, dataVersion, forgetInMemory } from "./cache";
import { getDashboard, parseDashboardFilter, WARMED_SELECTIONS, warmDashboards } from "./dashboard";
import { warmIntervalMs } from "./warm";
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

/** Tables whose writes never change a figure: written by reads, sign-ins and calendar fetches. */
const NOT_TRACKED = ["audit_log", "login_attempts", "calendar_feeds", "metric_cache"];

describe("metrics data version", () => {
  it("is bumped by a write to every table but the few written by reads", async () => {
    const tables = (await rows(handle.db, sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%drizzle%' order by 1`)).map((r) => String(r.tablename));
    const triggered = new Set(
      (await rows(handle.db, sql`select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like '%_metrics_data_changed'`)).map((r) => String(r.relname)),
    );
    const missing = tables.filter((t) => !NOT_TRACKED.includes(t) && !triggered.has(t));
    expect(missing, "add the new table to a migration like 0007_metrics_data_version.sql").toEqual([]);
    for (const t of NOT_TRACKED) expect(triggered.has(t), t).toBe(false);
  });

  it("moves on a write and stays on a read", async () => {
    const v0 = await dataVersion(handle.db);
    await handle.db.select().from(s.participants).limit(1);
    expect(await dataVersion(handle.db)).toBe(v0);
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    expect(await dataVersion(handle.db)).not.toBe(v0);
  });
});

describe("cached", () => {
  it("reuses a result until the data changes, then computes again", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cached(handle.db, "t1", compute)).toBe(1);
    expect(await cached(handle.db, "t1", compute)).toBe(1);
    expect(await cached(handle.db, "t2", compute)).toBe(2);
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    expect(await cached(handle.db, "t1", compute)).toBe(3);
  });

  it("shares one computation between concurrent callers", async () => {
    let calls = 0;
    const compute = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return calls;
    };
    const got = await Promise.all([cached(handle.db, "t3", compute), cached(handle.db, "t3", compute), cached(handle.db, "t3", compute)]);
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
    expect(await cached(handle.db, "t4", writing)).toBe(1);
    expect(await cached(handle.db, "t4", async () => ++calls)).toBe(2);
    await handle.db.transaction(async (tx) => {
      expect(await cached(tx, "t5", async () => ++calls)).toBe(3);
      expect(await cached(tx, "t5", async () => ++calls)).toBe(4);
    });
  });

  it("does not serve a result older than a day", async () => {
    let calls = 0;
    let now = Date.now();
    const compute = async () => ++calls;
    expect(await cached(handle.db, "t6", compute, () => now)).toBe(1);
    now += 23 * 3600_000;
    expect(await cached(handle.db, "t6", compute, () => now)).toBe(1);
    now += 2 * 3600_000;
    expect(await cached(handle.db, "t6", compute, () => now)).toBe(2);
  });

  it("shares results through metric_cache with other processes, at the same data version only", async () => {
    let calls = 0;
    const compute = async () => ({ calls: ++calls });
    expect(await cached(handle.db, "t8", compute)).toEqual({ calls: 1 });
    forgetInMemory(handle.db);
    expect(await cached(handle.db, "t8", compute)).toEqual({ calls: 1 });
    const [row] = await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t8"));
    expect(JSON.parse(row.value)).toEqual({ calls: 1 });
    await handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
    forgetInMemory(handle.db);
    expect(await cached(handle.db, "t8", compute)).toEqual({ calls: 2 });
  });

  // PGlite has one connection: nobody else can be in the middle of a write.
  it.skipIf(!process.env.DATABASE_URL)("keeps a result computed beside an uncommitted write for seconds only, and not in metric_cache", async () => {
    let calls = 0;
    let now = Date.now();
    const compute = async () => ++calls;
    await handle.db.transaction(async (tx) => {
      await tx.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
      expect(await cached(handle.db, "t7", compute, () => now)).toBe(1);
    });
    expect(await cached(handle.db, "t7", compute, () => now)).toBe(1);
    expect(await handle.db.select().from(s.metricCache).where(eq(s.metricCache.key, "t7"))).toEqual([]);
    now += 11_000;
    expect(await cached(handle.db, "t7", compute, () => now)).toBe(2);
  });
});

describe("stale while computing", () => {
  const touch = () => handle.db.update(s.units).set({ sfiAttendanceThreshold: 75 }).where(eq(s.units.municipalityId, manager.municipalityId));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("answers with the previous value, marked stale, when the new one takes longer than the wait, and keeps the new one", async () => {
    let calls = 0;
    const slow = async () => {
      await sleep(300);
      return ++calls;
    };
    expect(await cachedResult(handle.db, "s1", slow)).toMatchObject({ value: 1, stale: false });
    await touch();
    const t0 = Date.now();
    const answer = await cachedResult(handle.db, "s1", slow, { staleForMs: 60_000, waitMs: 20 });
    expect(answer).toMatchObject({ value: 1, stale: true });
    expect(Date.now() - t0).toBeLessThan(250);
    // Who comes while it is being computed gets the previous value at once.
    const t1 = Date.now();
    expect(await cachedResult(handle.db, "s1", slow, { staleForMs: 60_000, waitMs: 5000 })).toMatchObject({ value: 1, stale: true });
    expect(Date.now() - t1).toBeLessThan(250);
    await sleep(400);
    expect(await cachedResult(handle.db, "s1", slow, { staleForMs: 60_000, waitMs: 20 })).toMatchObject({ value: 2, stale: false });
    expect(calls).toBe(2);
  });

  it("waits for the new value when it comes in time, or when the previous one is too old", async () => {
    let calls = 0;
    const quick = async () => ++calls;
    expect((await cachedResult(handle.db, "s2", quick)).value).toBe(1);
    await touch();
    expect(await cachedResult(handle.db, "s2", quick, { staleForMs: 60_000, waitMs: 1000 })).toMatchObject({ value: 2, stale: false });
    await touch();
    let now = Date.now() + 120_000;
    expect(await cachedResult(handle.db, "s2", async () => { await sleep(50); return ++calls; }, { staleForMs: 60_000, waitMs: 1, now: () => now })).toMatchObject({ value: 3, stale: false });
  });
});

describe("warming up", () => {
  it("computes each municipality's dashboard of today, unfiltered and for each common filter, which the page then finds", async () => {
    await handle.db.delete(s.metricCache);
    expect(await warmDashboards(handle.db)).toBeGreaterThan(0);
    const keys = (await handle.db.select({ key: s.metricCache.key }).from(s.metricCache)).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith("dashboard:") && k.includes(manager.municipalityId))).toHaveLength(1 + WARMED_SELECTIONS.length);
    expect(WARMED_SELECTIONS).toContainEqual({ settlement: "sjalvbosatt" });
    const figures = async () => (await handle.db.select().from(s.metricCache)).filter((r) => !r.key.startsWith("coordinators:")).map((r) => `${r.key}@${r.computedAt.toISOString()}`).sort();
    const before = await figures();
    // Nothing is computed when the page asks for them: unfiltered, one of the filters, and the
    // same filter narrowed further by gender and cohort (picked from the computed rows).
    await getDashboard(manager, parseDashboardFilter(new URLSearchParams()), handle.db);
    await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ settlement: "sjalvbosatt" })), handle.db);
    await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ education: "gymnasial", gender: "K", cohort: "2025" })), handle.db);
    expect(await figures()).toEqual(before);
    // A unit is computed on first use (and kept).
    const [unit] = await handle.db.select({ id: s.units.id }).from(s.units).where(eq(s.units.municipalityId, manager.municipalityId)).limit(1);
    await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ unit: unit.id })), handle.db);
    expect((await figures()).length).toBeGreaterThan(before.length);
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
    const recorded = (d: typeof before) => d.outcome90.filter((r) => r.group === "total").reduce((a, r) => a + r.recorded, 0);
    // Someone who left the programme more than 90 days ago without a recorded outcome.
    const [p] = await rows(
      handle.db,
      sql`select p.id from participants p where p.municipality_id = ${manager.municipalityId} and p.programme_end <= ${AS_OF}::date - 90
            and not exists (select 1 from outcomes o where o.participant_id = p.id and o.kind = 'dag90') limit 1`,
    );
    expect(p, "the demo has a leaver without an outcome").toBeDefined();
    const again = await getDashboard(manager, filter, handle.db);
    expect(recorded(again)).toBe(recorded(before));
    await handle.db.insert(s.outcomes).values({
      participantId: String(p.id),
      municipalityId: manager.municipalityId,
      kind: "dag90",
      status: "arbete",
      subsidized: false,
      recordedDate: AS_OF,
      createdBy: manager.id,
    });
    const after = await getDashboard(manager, filter, handle.db, { fresh: true });
    expect(recorded(after)).toBe(recorded(before) + 1);
  });
});
