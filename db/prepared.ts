// Statements whose text is built once. drizzle renders a query's SQL text from its parts on every
// call (checking each part's kind with `is()`, which walks prototype chains); for the pages that
// every coordinator opens all day that was 1.5–3 ms of the server's time a view, more than
// PostgreSQL spends running some of them (scripts/bench/JOURNAL.md). A prepared query keeps the
// text and fills in only the values (`sql.placeholder`), on either driver.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

interface Preparable<P> {
  prepare(name: string): P;
}

const byHandle = new WeakMap<object, Map<string, unknown>>();

/**
 * The query `build` makes, prepared once per database handle (or transaction) and `key`. The key
 * names the statement and every choice that changes its text (which conditions it has, the sort):
 * two calls with the same key must build the same text, differing only in placeholder values.
 */
export function preparedOnce<P>(db: Executor, key: string, build: () => Preparable<P>): P {
  let statements = byHandle.get(db);
  if (!statements) byHandle.set(db, (statements = new Map()));
  let prepared = statements.get(key) as P | undefined;
  if (prepared === undefined) {
    prepared = build().prepare(key.replace(/[^a-z0-9_]/gi, "_"));
    statements.set(key, prepared);
  }
  return prepared;
}

/** What both drivers' sessions offer, as `db.execute` uses it: a statement's text and parameters, run for raw rows. */
interface RawSession {
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, isResponseInArrayMode: boolean): RawPrepared;
}
interface RawPrepared {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

const dialect = new PgDialect();

/**
 * A raw statement (`sql` with `sql.placeholder`s), its text built once per handle and key, run as
 * `db.execute` runs one: the result is the driver's (postgres-js an array of rows, PGlite `{ rows }`).
 */
export function preparedRaw(db: Executor, key: string, build: () => SQL): RawPrepared {
  const session = (db as unknown as { session: RawSession }).session;
  return preparedOnce(db, key, () => ({ prepare: (name: string) => session.prepareQuery(dialect.sqlToQuery(build()), undefined, name, false) }));
}
