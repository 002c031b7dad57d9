// `npm run bench:data -- --participants N [--database-url URL] [--seed S] [--today YYYY-MM-DD]`
// Recreates the benchmark database (its name must start with "bench", so a real database can
// never be dropped by mistake), applies the migrations and loads N synthetic participants with
// their activities, sfi attendance, follow-ups and outcomes by COPY, then ANALYZE.
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { todayIso } from "@/lib/dates";
import { loadWithCopy, type LoadResult } from "./load";
import { BENCH_PASSWORD } from "./rows";

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/bench_data";

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Drops and creates the database the URL names; refuses any name not starting with bench. */
export async function recreateDatabase(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^bench[a-z0-9_]*$/.test(name)) throw new Error(`Refusing to recreate "${name}": benchmark databases are named bench_*.`);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export async function generateBenchDatabase(opts: { url: string; participants: number; seed?: number; today?: string; log?: (m: string) => void }): Promise<LoadResult> {
  const log = opts.log ?? ((m: string) => console.error(m));
  await recreateDatabase(opts.url);
  const handle = openPostgres(opts.url, { max: 6 });
  const sql = postgres(opts.url, { max: 6, onnotice: () => {} });
  try {
    await handle.migrate();
    const result = await loadWithCopy(sql, handle.db, { participants: opts.participants, seed: opts.seed, today: opts.today ?? todayIso(), chunkSize: 5000, log });
    return result;
  } finally {
    await sql.end({ timeout: 5 });
    await handle.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const participants = Number(argValue(args, "--participants") ?? "2000");
  if (!Number.isInteger(participants) || participants < 1) throw new Error("--participants must be a positive whole number");
  const url = argValue(args, "--database-url") ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
  const seed = argValue(args, "--seed");
  const result = await generateBenchDatabase({ url, participants, seed: seed ? Number(seed) : undefined, today: argValue(args, "--today") });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.error(`Loaded ${total} rows in ${result.seconds.toFixed(1)} s: ${Object.entries(result.rows).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.error(`Accounts (password ${BENCH_PASSWORD}): ${result.setup.coordinators[0].email} … koordinator${result.setup.coordinators.length}@, sfi1@, chef@, admin@bench.etablera.se`);
}

if (process.argv[1]?.endsWith("generate.ts")) {
  main().catch((err) => {
    console.error("bench:data failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
