// Statements whose text is built once. drizzle renders a query's SQL text from its parts on every
// call (checking each part's kind with `is()`, which walks prototype chains); for the pages that
// every coordinator opens all day that was 1.5–3 ms of the server's time a view, more than
// PostgreSQL spends running some of them (scripts/bench/JOURNAL.md). A prepared query keeps the
// text and fills in only the values (`sql.placeholder`), on either driver.
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
