// Figures over a whole municipality take seconds at regional scale (every activity, follow-up and
// attendance row is read), but they change only when the data does. Every statement that writes a
// table they read takes a number from its municipality's sequence (migrations 0007 and 0015: the
// municipalities of the rows it wrote), so a result computed over a municipality at version v is
// still right while the municipality's sequence stays at v; a write in another municipality leaves
// it be.
//
// - Results are kept in memory (per database handle; tests open many) and in the table
//   metric_cache, which the report command and other server processes share.
// - Concurrent requests for the same key in one process share one computation.
// - A writer takes its number when its statement ends but its rows show only when it commits. So a
//   result is kept for good only if no other connection was in the middle of a write of the
//   municipality's rows when the computation started (from the moment it takes the number until
//   it commits, a writer holds a shared advisory lock on the municipality's key: migration 0016)
//   and the version did not move while it ran. Computed while a writer was busy, it is kept for
//   BUSY_MAX_AGE_MS only, so a write is never missed for longer. The version is read before the
//   check: a writer takes its lock before its number.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { metricCache } from "@/db/schema";
import { rows } from "./sql";

const MAX_ENTRIES = 200;
const MAX_AGE_MS = 24 * 60 * 60_000;
export const BUSY_MAX_AGE_MS = 10_000;

interface Entry {
  version: string;
  at: number;
  maxAge: number;
  value: unknown;
}

interface Store {
  entries: Map<string, Entry>;
  pending: Map<string, Promise<unknown>>;
}

const stores = new WeakMap<object, Store>();
/** Results that name people (keptWhileUnchanged): apart, fewer, and never written to metric_cache. */
const personalStores = new WeakMap<object, Store>();
const PERSONAL_MAX_ENTRIES = 20;
export const PERSONAL_MAX_AGE_MS = 10 * 60_000;

function storeOf(db: Executor, in_: WeakMap<object, Store> = stores): Store {
  let s = in_.get(db);
  if (!s) {
    s = { entries: new Map(), pending: new Map() };
    in_.set(db, s);
  }
  return s;
}

/**
 * The current data version of a municipality: changes with every write of its rows to a table the
 * figures read. Without a municipality, the whole database's (any write anywhere).
 */
export async function dataVersion(db: Executor, municipalityId?: string): Promise<string> {
  if (municipalityId) {
    const [m] = await rows(db, sql`select metrics_data_version_of(${municipalityId}::uuid)::text as v`);
    return String(m.v);
  }
  const [r] = await rows(db, sql`select last_value, is_called from metrics_data_version`);
  return r.is_called ? String(r.last_value) : "0";
}

/**
 * Whether another connection has written rows of the municipality (or of every municipality) in a
 * transaction not yet committed. Read after the version.
 */
export async function writerBusy(db: Executor, municipalityId: string): Promise<boolean> {
  const [r] = await rows(db, sql`select metrics_writer_busy(${municipalityId}::uuid) as busy`);
  return Boolean(r.busy);
}

/** Forgets what this process keeps in memory (what metric_cache holds stays): for tests. */
export function forgetInMemory(db: Executor) {
  stores.delete(db);
  personalStores.delete(db);
}

/** Transactions see their own uncommitted writes; what they compute is never shared. */
export function isTransaction(db: Executor): boolean {
  return typeof (db as { rollback?: unknown }).rollback === "function";
}

function remember(store: Store, key: string, entry: Entry, maxEntries = MAX_ENTRIES) {
  store.entries.delete(key);
  store.entries.set(key, entry);
  while (store.entries.size > maxEntries) store.entries.delete(store.entries.keys().next().value!);
}

/** Keeping a result is an optimisation: a database that refuses the write (a read-only replica) only loses it. */
async function persist(db: Executor, key: string, dataVersion: number, computedAt: Date, result: unknown) {
  try {
    const value = JSON.stringify(result);
    await db.insert(metricCache).values({ key, dataVersion, computedAt, value }).onConflictDoUpdate({ target: metricCache.key, set: { dataVersion, computedAt, value } });
    await db.execute(sql`delete from metric_cache where computed_at < now() - interval '7 days'`);
  } catch (err) {
    console.error("metric_cache: not kept:", err instanceof Error ? err.message : err);
  }
}

/** A filter as a stable string (keys sorted, unset ones left out). */
export function filterKey(f: object): string {
  return JSON.stringify(f, Object.keys(f).sort());
}

export interface CacheOptions {
  now?: () => number;
  /**
   * Stale-while-revalidate: when the data has changed and the new computation takes longer than
   * `waitMs` (for the request that started it; those that come while it runs do not wait), answer
   * with the previous value if it is younger than `staleForMs`, marked stale; the computation goes
   * on and its result is kept for the next request.
   */
  staleForMs?: number;
  waitMs?: number;
}

/**
 * The answer of a stale-while-revalidate read: `work`'s result if it comes within `waitMs` (no wait
 * at all for who comes while someone else's computation runs), otherwise `previous`, marked stale,
 * while `work` goes on (its failure is logged, not lost).
 */
export async function inTimeOrStale<T>(work: Promise<T>, previous: T, opts: { waitMs?: number; alreadyRunning: boolean }): Promise<{ value: T; stale: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), opts.alreadyRunning ? 0 : (opts.waitMs ?? 0));
    timer.unref?.();
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== LATE) return { value: first as T, stale: false };
  work.catch((err) => console.error("metrics: computing the figures failed:", err instanceof Error ? err.message : err));
  return { value: previous, stale: true };
}
const LATE = Symbol("late");

/**
 * A value derived from one snapshot of the facts (lib/metrics/facts.ts), which never changes once
 * written: kept in memory and in metric_cache (shared with other processes) under
 * `snapshot:<id>:<key>` whatever the data version does; removed with the snapshot. The result must
 * be plain JSON.
 */
export async function keptForSnapshot<T>(db: Executor, snap: { id: number; dataVersion: string }, key: string, compute: () => Promise<T>): Promise<T> {
  if (isTransaction(db)) return compute();
  const store = storeOf(db);
  const full = `snapshot:${snap.id}:${key}`;
  const known = store.entries.get(full);
  if (known) {
    remember(store, full, known);
    return known.value as T;
  }
  let work = store.pending.get(full) as Promise<T> | undefined;
  if (!work) {
    work = (async () => {
      try {
        const [saved] = await rows(db, sql`select value from metric_cache where key = ${full}`);
        const value = saved ? (JSON.parse(String(saved.value)) as T) : await compute();
        remember(store, full, { version: snap.dataVersion, at: Date.now(), maxAge: Infinity, value });
        if (!saved) await persist(db, full, Number(snap.dataVersion), new Date(), value);
        return value;
      } finally {
        store.pending.delete(full);
      }
    })();
    store.pending.set(full, work);
  }
  return work;
}

/**
 * `compute()`'s result for `key`, from the cache when the municipality's data has not changed since
 * it was computed. The key must name everything the result depends on except the data (the
 * municipality too), the result must depend on no other municipality's data, and it must be plain
 * JSON (it is stored as JSON text).
 */
export async function cached<T>(db: Executor, municipalityId: string, key: string, compute: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  if (isTransaction(db)) return compute();
  const store = storeOf(db);
  const version = await dataVersion(db, municipalityId);
  let known = store.entries.get(key);
  if (!known || known.version !== version) {
    // Another process (the report, another server) may have computed it at this version.
    const [saved] = await rows(db, sql`select data_version::text as version, computed_at, value from metric_cache where key = ${key}`);
    const at = saved ? new Date(saved.computed_at as string).getTime() : 0;
    if (saved && (!known || saved.version === version || at > known.at)) {
      known = { version: String(saved.version), at, maxAge: MAX_AGE_MS, value: JSON.parse(String(saved.value)) };
      remember(store, key, known);
    }
  }
  if (known && known.version === version && now() - known.at < known.maxAge) {
    remember(store, key, known);
    return known.value as T;
  }
  return computeAtVersion(db, municipalityId, store, key, version, compute, now, async (value, started, busy) => {
    remember(store, key, { version, at: started, maxAge: busy ? BUSY_MAX_AGE_MS : MAX_AGE_MS, value });
    if (!busy) await persist(db, key, Number(version), new Date(started), value);
  });
}

/**
 * One computation of `key` at the municipality's data `version` shared by whoever asks for it
 * while it runs; `keep` is called with its result unless the version moved meanwhile (`busy`:
 * another connection had a write of the municipality's rows in progress when it started).
 */
function computeAtVersion<T>(
  db: Executor,
  municipalityId: string,
  store: Store,
  key: string,
  version: string,
  compute: () => Promise<T>,
  now: () => number,
  keep: (value: T, started: number, busy: boolean) => Promise<void> | void,
): Promise<T> {
  const pendingKey = `${version}\u0000${key}`;
  let work = store.pending.get(pendingKey) as Promise<T> | undefined;
  if (!work) {
    work = (async () => {
      try {
        const started = now();
        const busy = await writerBusy(db, municipalityId);
        const value = await compute();
        if ((await dataVersion(db, municipalityId)) === version) await keep(value, started, busy);
        return value;
      } finally {
        store.pending.delete(pendingKey);
      }
    })();
    store.pending.set(pendingKey, work);
  }
  return work;
}

/**
 * `compute()`'s result for `key` while the data has not changed, for results that name people (a
 * unit's whole worklist, which a coordinator reads a page at a time): kept in this process's memory
 * only, never in metric_cache (aggregates only), at most PERSONAL_MAX_ENTRIES of them and each for
 * PERSONAL_MAX_AGE_MS; one found out of date is dropped at once. Concurrent requests for the same
 * key share one computation. A result computed while another connection had a write of the
 * municipality's rows in progress is not kept at all. The key must name everything the result
 * depends on except the data; the value is shared between requests, so callers must not change it.
 */
export async function keptWhileUnchanged<T>(db: Executor, municipalityId: string, key: string, compute: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  if (isTransaction(db)) return compute();
  const store = storeOf(db, personalStores);
  const version = await dataVersion(db, municipalityId);
  const known = store.entries.get(key);
  if (known && known.version === version && now() - known.at < known.maxAge) {
    remember(store, key, known, PERSONAL_MAX_ENTRIES);
    return known.value as T;
  }
  if (known) store.entries.delete(key);
  return computeAtVersion(db, municipalityId, store, key, version, compute, now, (value, started, busy) => {
    if (!busy) remember(store, key, { version, at: started, maxAge: PERSONAL_MAX_AGE_MS, value }, PERSONAL_MAX_ENTRIES);
  });
}
