// Snapshots of the participants' facts: computed once per data version and date, reused while the
// data stays as it was, replaced after a change, old ones removed; on PostgreSQL also a snapshot
// made beside an uncommitted write (trusted for seconds only) and the previous snapshot shown,
// marked stale, while a new one is held up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { forgetInMemory } from "./cache";
import { factFilter, metricSnapshot, openSignalCounts, snapshotFor } from "./facts";
import { figuresOf } from "./figures";
import { idle, outcome90 } from "./indicators";
import { addPeople, makeMunicipality, repeat } from "./fixtures";
import { rows } from "./sql";

const AS_OF = "2026-06-30";
let handle: DbHandle;
let muni: string;

beforeAll(async () => {
  handle = await createTestDb();
  muni = (await makeMunicipality(handle.db, "2121")).id;
  await addPeople(handle.db, muni, repeat(12, (i) => ({ gender: i % 2 ? "K" : "M", programmeEnd: "2025-03-01", outcome: { status: "arbete", recorded: "2025-05-01" } })));
});
afterAll(async () => {
  await handle?.close();
});

const snapshotIds = async () => (await handle.db.select({ id: s.metricSnapshots.id }).from(s.metricSnapshots).where(eq(s.metricSnapshots.municipalityId, muni))).map((r) => r.id).sort((a, b) => a - b);
const addOne = () => addPeople(handle.db, muni, [{ programmeEnd: "2025-03-01", outcome: { status: "studier", recorded: "2025-05-01" } }]);

describe("metric snapshots", () => {
  it("holds one row of facts per participant, and is reused while the data stays as it was", async () => {
    const first = await metricSnapshot(handle.db, muni, AS_OF);
    expect(first.stale).toBe(false);
    const [{ n }] = await rows(handle.db, sql`select count(*)::int as n from metric_facts p where ${factFilter({ municipalityId: muni, asOf: AS_OF }, first)}`);
    expect(n).toBe(12);
    expect((await metricSnapshot(handle.db, muni, AS_OF)).id).toBe(first.id);
    // Each figure reads the same snapshot.
    await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF });
    await idle(handle.db, { municipalityId: muni, asOf: AS_OF });
    expect(await snapshotIds()).toEqual([first.id]);
    // Another date is another snapshot.
    expect((await metricSnapshot(handle.db, muni, "2026-01-31")).id).not.toBe(first.id);
  });

  it("is replaced after a change, and the figures show the change", async () => {
    const before = await metricSnapshot(handle.db, muni, AS_OF);
    const total = async () => (await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF })).find((r) => r.group === "total")!;
    expect((await total()).studies).toBe(0);
    await addOne();
    const after = await metricSnapshot(handle.db, muni, AS_OF);
    expect(after.id).toBeGreaterThan(before.id);
    expect((await total()).studies).toBe(1);
  });

  it("keeps the newest two of a date, and removes older ones once superseded for five minutes", async () => {
    await addOne();
    await metricSnapshot(handle.db, muni, AS_OF);
    await addOne();
    await metricSnapshot(handle.db, muni, AS_OF);
    const ofDate = async () => (await handle.db.select({ id: s.metricSnapshots.id }).from(s.metricSnapshots).where(sql`${s.metricSnapshots.municipalityId} = ${muni} and ${s.metricSnapshots.asOf} = ${AS_OF}`)).map((r) => r.id).sort((a, b) => a - b);
    const kept = await ofDate();
    expect(kept.length).toBeGreaterThan(2);
    // Superseded long enough ago: only the newest two are left after the next computation (and
    // the other date's snapshot, not a day old, stays).
    await handle.db.execute(sql`update metric_snapshots set completed_at = completed_at - interval '10 minutes' where municipality_id = ${muni}`);
    await addOne();
    const newest = await metricSnapshot(handle.db, muni, AS_OF);
    expect(await ofDate()).toEqual([kept[kept.length - 1], newest.id]);
    const [{ n }] = await rows(handle.db, sql`select count(*)::int as n from metric_facts where snapshot_id = ${kept[0]}`);
    expect(n).toBe(0);
    expect((await snapshotIds()).length).toBe(3);
  });

  it("keeps each filter's figures with their snapshot, for every process, and removes them with it", async () => {
    const snap = await metricSnapshot(handle.db, muni, AS_OF);
    const f = { municipalityId: muni, asOf: AS_OF, minN: 10 };
    const figs = await figuresOf(handle.db, f, snap);
    const keys = async () => (await handle.db.select({ key: s.metricCache.key }).from(s.metricCache)).map((r) => r.key).filter((k) => k.startsWith(`snapshot:${snap.id}:`));
    expect(await keys()).toHaveLength(1);
    // Another process finds them, even after the data has changed (they are the snapshot's).
    await handle.db.update(s.metricCache).set({ value: JSON.stringify({ ...figs, idl: { active: -1, idle: -1 } }) }).where(eq(s.metricCache.key, (await keys())[0]));
    forgetInMemory(handle.db);
    await addOne();
    expect((await figuresOf(handle.db, f, snap)).idl).toEqual({ active: -1, idle: -1 });
    // Removed with the snapshot.
    await metricSnapshot(handle.db, muni, AS_OF);
    await handle.db.execute(sql`update metric_snapshots set completed_at = completed_at - interval '10 minutes' where municipality_id = ${muni}`);
    await addOne();
    await metricSnapshot(handle.db, muni, AS_OF);
    expect(await keys()).toEqual([]);
  });

  it("keeps what it remembers per database: snapshots of two databases may have the same number", async () => {
    const a = await createTestDb();
    const b = await createTestDb();
    try {
      // Left the programme long ago without an outcome: open signals each.
      const ma = (await makeMunicipality(a.db, "3001")).id;
      await addPeople(a.db, ma, repeat(3, () => ({ programmeEnd: "2025-01-10" })));
      const mb = (await makeMunicipality(b.db, "3001")).id;
      await addPeople(b.db, mb, repeat(5, () => ({ programmeEnd: "2025-01-10" })));
      const total = async (db: DbHandle["db"], municipalityId: string) => (await openSignalCounts(db, { municipalityId, asOf: AS_OF })).counts.reduce((n, c) => n + c.signals, 0);
      const [sa, sb] = [await metricSnapshot(a.db, ma, AS_OF), await metricSnapshot(b.db, mb, AS_OF)];
      expect(sa.id).toBe(sb.id);
      // Alike people: the same signals each, 3 of them in a, 5 in b.
      const [ta, tb] = [await total(a.db, ma), await total(b.db, mb)];
      expect(ta).toBeGreaterThan(0);
      expect(ta * 5).toBe(tb * 3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refuses a snapshot of another municipality or date", async () => {
    const snap = await metricSnapshot(handle.db, muni, AS_OF);
    await expect(snapshotFor(handle.db, { municipalityId: muni, asOf: "2026-06-29" }, snap)).rejects.toThrow(/another municipality or date/);
  });

  it("in a transaction, computes a snapshot that sees the transaction's own writes and dies with it", async () => {
    const outside = await snapshotIds();
    await handle.db
      .transaction(async (tx) => {
        await tx.insert(s.participants).values({ municipalityId: muni, firstName: "Tx", lastName: "Person", searchName: "tx person", birthDate: "1990-01-01", gender: "M", receptionDate: "2026-01-01" });
        const { active } = await idle(tx, { municipalityId: muni, asOf: AS_OF });
        expect(active).toBe(1);
        tx.rollback();
      })
      .catch(() => {});
    expect(await snapshotIds()).toEqual(outside);
  });
});

// PGlite has one connection: nobody else can be in the middle of a write or hold a lock.
describe.skipIf(!process.env.DATABASE_URL)("metric snapshots beside other connections", () => {
  it("trusts a snapshot made beside an uncommitted write for seconds only", async () => {
    let now = Date.now();
    let id = 0;
    await handle.db.transaction(async (tx) => {
      await tx.update(s.municipalities).set({ name: "Kommun x" }).where(eq(s.municipalities.id, muni));
      await addOne();
      id = (await metricSnapshot(handle.db, muni, AS_OF, { now: () => now })).id;
    });
    expect((await metricSnapshot(handle.db, muni, AS_OF, { now: () => now })).id).toBe(id);
    const [row] = await handle.db.select().from(s.metricSnapshots).where(eq(s.metricSnapshots.id, id));
    expect(row.trusted).toBe(false);
    now += 11_000;
    expect((await metricSnapshot(handle.db, muni, AS_OF, { now: () => now })).id).toBeGreaterThan(id);
  });

  it("shows the previous snapshot, marked stale, while a new one is held up, and the new one after", async () => {
    const previous = await metricSnapshot(handle.db, muni, AS_OF);
    const [{ name }] = await rows(handle.db, sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${String(name)}`;
    const other = postgres(url.toString(), { max: 1, onnotice: () => {} });
    let release = () => {};
    try {
      const released = new Promise<void>((r) => (release = r));
      let locked = () => {};
      const lockTaken = new Promise<void>((r) => (locked = r));
      const held = other.begin(async (tx) => {
        await tx`lock table outcomes in access exclusive mode`;
        locked();
        await released;
      });
      await lockTaken;
      await handle.db.update(s.municipalities).set({ name: "Kommun y" }).where(eq(s.municipalities.id, muni));
      const t0 = Date.now();
      const answer = await metricSnapshot(handle.db, muni, AS_OF, { staleForMs: 60_000, waitMs: 100 });
      expect(answer).toMatchObject({ id: previous.id, stale: true });
      // Who comes while it is computed does not wait at all.
      expect(await metricSnapshot(handle.db, muni, AS_OF, { staleForMs: 60_000, waitMs: 5_000 })).toMatchObject({ id: previous.id, stale: true });
      expect(Date.now() - t0).toBeLessThan(2_000);
      // A previous snapshot older than staleForMs is not shown: that request waits for the new one.
      const waiting = metricSnapshot(handle.db, muni, AS_OF, { staleForMs: 60_000, waitMs: 100, now: () => Date.now() + 120_000 });
      release();
      await held;
      const fresh = await waiting;
      expect(fresh.stale).toBe(false);
      expect(fresh.id).toBeGreaterThan(previous.id);
    } finally {
      release();
      await other.end();
    }
  });
});
