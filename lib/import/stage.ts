// Loading rows into the database in bulk, for the importer's write pass. On PostgreSQL
// (postgres-js) rows stream in with COPY ... FROM STDIN; on PGlite they go in as multi-row
// inserts of one array per column (unnest). Either way the caller hands over an async stream of
// rows, each an array of text values (null = SQL NULL), and never holds more than a chunk.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

export type TextRow = readonly (string | null)[];

export interface Loader {
  /**
   * Appends `rows` to `table`. `columns` are the target columns; `casts` (same length) the types
   * the text values are cast to where the table's column is not text (used by the array path;
   * COPY parses the text by the column's own type).
   */
  load(table: string, columns: readonly string[], casts: readonly string[], rows: AsyncIterable<TextRow>): Promise<void>;
}

interface PostgresJsCopy {
  unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> };
}

/** The postgres-js client under a drizzle transaction, when the transaction is on postgres-js. */
function postgresJsClient(tx: Tx): PostgresJsCopy | null {
  const client = (tx as unknown as { session?: { client?: { unsafe?: unknown } } }).session?.client;
  if (!client || typeof client.unsafe !== "function") return null;
  return client as unknown as PostgresJsCopy;
}

export function loaderFor(tx: Tx): Loader {
  const client = postgresJsClient(tx);
  return client ? copyLoader(client) : arrayLoader(tx);
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyField(v: string | null): string {
  if (v === null) return "\\N";
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

const CHUNK_CHARS = 256 * 1024;

async function* copyText(rows: AsyncIterable<TextRow>): AsyncGenerator<string> {
  let buf = "";
  for await (const row of rows) {
    let line = "";
    for (let i = 0; i < row.length; i++) line += (i ? "\t" : "") + copyField(row[i]);
    buf += line + "\n";
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

function copyLoader(client: PostgresJsCopy): Loader {
  return {
    async load(table, columns, _casts, rows) {
      const writable = await client.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
      // An error in the producer destroys the stream, which sends CopyFail: the COPY and so the
      // transaction fail with it.
      await pipeline(Readable.from(copyText(rows), { objectMode: false }), writable);
    },
  };
}

/**
 * A turn of the event loop for everything else the process serves: with embedded PGlite each
 * statement runs on this thread, and a long import would otherwise keep every other request
 * (the import page's progress poll among them) waiting until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const ARRAY_BATCH = 5000;

function arrayLoader(tx: Tx): Loader {
  return {
    async load(table, columns, casts, rows) {
      let batch: TextRow[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const arrays = columns.map((_, i) => pgArray(batch.map((r) => r[i])));
        batch = [];
        const names = sql.raw(columns.join(", "));
        const selected = sql.raw(columns.map((c, i) => `u.${c}::${casts[i]}`).join(", "));
        const params = sql.join(arrays.map((a) => sql`${a}::text[]`), sql`, `);
        await tx.execute(sql`insert into ${sql.raw(table)} (${names}) select ${selected} from unnest(${params}) as u(${names})`);
        await yieldToEventLoop();
      };
      for await (const row of rows) {
        batch.push(row);
        if (batch.length >= ARRAY_BATCH) await flush();
      }
      await flush();
    },
  };
}

/**
 * A PostgreSQL array literal of text values: each column of a batch goes to the database as one
 * parameter, unpacked by unnest(). Drizzle would otherwise expand a JS array into a list.
 */
export function pgArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}
