// A page's related rows in one statement: each part a JSON subquery of one outer row, read back
// into the same typed values drizzle's own select gives (timestamps as Date, numeric as text,
// dates as strings). One round trip instead of one per part is what a participant's page needs:
// its sections each read a few small lists of the same person.
import { Column, is, sql, type GetColumnData, type SQL } from "drizzle-orm";
import { PgDialect, PgNumeric } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";

export type Raw = Record<string, unknown>;

/** Rows of a raw query on either driver. */
export async function rows(db: Executor, query: SQL): Promise<Raw[]> {
  return resultRows(await db.execute(query));
}

/** The rows of a raw statement's result: postgres-js returns an array, PGlite `{ rows }`. */
export function resultRows(result: unknown): Raw[] {
  return (Array.isArray(result) ? result : (result as { rows: Raw[] }).rows) as Raw[];
}

/** A column, or an expression with its type (for a left-joined column: `sql<string | null>`). */
export type JsonField = Column | SQL<unknown>;
export type JsonFields = Record<string, JsonField>;
export type JsonRow<F extends JsonFields> = {
  [K in keyof F]: F[K] extends Column ? GetColumnData<F[K]> : F[K] extends SQL<infer T> ? T : never;
};

/**
 * `json_build_object('key', column, …)` over the fields. Numeric columns go as text, as the
 * driver gives them (JSON numbers would turn 10.0 into 10).
 */
export function jsonObject(fields: JsonFields): SQL {
  const parts = Object.entries(fields).map(([key, f]) => sql`${sql.raw(`'${safeKey(key)}'`)}, ${is(f, PgNumeric) ? sql`${f}::text` : f}`);
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/**
 * The rows of a subquery as a JSON array (empty, not null, when there are none), in the order
 * given; with a limit, the first that many in that order.
 */
export function jsonList(fields: JsonFields, from: SQL, orderBy: SQL[], limit?: number): SQL {
  const order = orderBy.length > 0 ? sql` order by ${sql.join(orderBy, sql`, `)}` : sql``;
  if (limit === undefined) return sql`(select coalesce(json_agg(${jsonObject(fields)}${order}), '[]'::json) ${from})`;
  return sql`(select coalesce(json_agg(t.j order by t.n), '[]'::json) from (
    select ${jsonObject(fields)} as j, row_number() over (${order}) as n ${from}${order} limit ${sql.raw(String(Math.trunc(limit)))}) t)`;
}

/** The first row of a subquery as a JSON object, or null. */
export function jsonFirst(fields: JsonFields, from: SQL): SQL {
  return sql`(select ${jsonObject(fields)} ${from} limit 1)`;
}

const dialect = new PgDialect();

/**
 * A fragment without parameters (the select list of JSON subqueries, say), rendered to its text
 * once, when the module loads. Building such a statement from its columns on every call cost more
 * of the server's time than running it (the participant page: ~1 ms a view, scripts/bench/JOURNAL.md).
 */
export function frozen(fragment: SQL): SQL {
  const q = dialect.sqlToQuery(fragment);
  if (q.params.length > 0) throw new Error("a frozen fragment takes no parameters");
  return sql.raw(q.sql);
}

type Decoder = [key: string, map: ((v: unknown) => unknown) | null][];
const decoders = new WeakMap<JsonFields, Decoder>();

function decoderOf(fields: JsonFields): Decoder {
  let d = decoders.get(fields);
  if (!d) {
    d = Object.entries(fields).map(([key, f]): Decoder[number] => [key, is(f, Column) ? (v) => f.mapFromDriverValue(v) : null]);
    decoders.set(fields, d);
  }
  return d;
}

/** One object read back from JSON into the values drizzle would have given for its fields. */
export function fromJson<F extends JsonFields>(fields: F, raw: Record<string, unknown>): JsonRow<F> {
  const out: Record<string, unknown> = {};
  for (const [key, map] of decoderOf(fields)) {
    const v = raw[key];
    out[key] = v === null || v === undefined ? null : map ? map(v) : v;
  }
  return out as JsonRow<F>;
}

export function listFromJson<F extends JsonFields>(fields: F, raw: unknown): JsonRow<F>[] {
  return ((raw as Record<string, unknown>[] | null) ?? []).map((r) => fromJson(fields, r));
}

function safeKey(key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`not a field name: ${key}`);
  return key;
}
