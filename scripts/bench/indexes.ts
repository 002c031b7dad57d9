// Which indexes a benchmark run read. Every index costs each write an entry, so one that no
// request, floor, command or page of a full run scanned is worth a look (migration 0017 dropped
// three found this way). The counters are read before and after the run, not reset, so no
// privilege beyond reading the statistics is needed. Not a verdict: a unique index keeps a rule
// whether or not it is scanned, and some pages (a filter the sweep does not set, the calendar
// feed) read indexes the run never asks for.
import type postgres from "postgres";

export interface IndexCount {
  table: string;
  index: string;
  scans: number;
  bytes: number;
  unique: boolean;
}

export async function indexCounts(sql: postgres.Sql): Promise<IndexCount[]> {
  const rows = await sql<{ table: string; index: string; scans: string; bytes: string; unique: boolean }[]>`
    select s.relname as table, s.indexrelname as index, s.idx_scan::text as scans,
           pg_relation_size(s.indexrelid)::text as bytes, x.indisunique as unique
      from pg_stat_user_indexes s join pg_index x on x.indexrelid = s.indexrelid
     where s.schemaname = 'public'`;
  return rows.map((r) => ({ table: r.table, index: r.index, scans: Number(r.scans), bytes: Number(r.bytes), unique: r.unique }));
}

/** Indexes whose scan count did not move between the two readings, the largest first. */
export function unreadIndexes(before: IndexCount[], after: IndexCount[]): IndexCount[] {
  const was = new Map(before.map((b) => [`${b.table}.${b.index}`, b.scans]));
  return after
    .filter((a) => a.scans === (was.get(`${a.table}.${a.index}`) ?? 0))
    .sort((a, b) => b.bytes - a.bytes || a.index.localeCompare(b.index));
}

/**
 * A backend sends its counters when it goes idle, at most every 10 s (PostgreSQL 15's
 * PGSTAT_IDLE_INTERVAL): wait that long so the run's last requests are counted too.
 */
export const STATS_FLUSH_MS = 11_000;
