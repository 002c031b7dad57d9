// Times each dashboard figure's query on a database (DATABASE_URL), to see where the
// dashboard's and the report's time goes: first the snapshot of every participant's facts, then
// each figure over it: `DATABASE_URL=… npx tsx scripts/bench/metric-times.ts [--as-of D] [--unit]
// [--settlement S] [--track T] [--education E] [--only a,b]`
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { municipalities, units } from "@/db/schema";
import { caseload, completeness, workplaceNow } from "@/lib/metrics/extra";
import { healthCoverage, leadTimes, sfiResults } from "@/lib/metrics/more";
import { firstWorkplace, idle, outcome90, type MetricFilter } from "@/lib/metrics/indicators";
import { metricSnapshot, openSignalCounts } from "@/lib/metrics/facts";

async function main() {
  const db = getDb();
  const args = process.argv.slice(2);
  const asOf = args.includes("--as-of") ? args[args.indexOf("--as-of") + 1] : new Date().toISOString().slice(0, 10);
  const [m] = await db.select().from(municipalities).limit(1);
  const [u] = await db.select().from(units).where(eq(units.municipalityId, m.id)).limit(1);
  const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const f: MetricFilter = {
    municipalityId: m.id,
    asOf,
    ...(args.includes("--unit") ? { unitId: u.id } : {}),
    settlement: opt("settlement"),
    track: opt("track"),
    educationLevel: opt("education"),
  };
  const t0 = performance.now();
  const snap = await metricSnapshot(db, m.id, asOf);
  console.error(`snapshot ${snap.id}         ${(performance.now() - t0).toFixed(0)} ms`);
  const fns = { outcome90, firstWorkplace, idle, workplaceNow, completeness, caseload, sfiResults, healthCoverage, leadTimes, openSignalCounts } as const;
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;
  for (let round = 0; round < 2; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      if (only && !only.includes(name)) continue;
      const t = performance.now();
      await (fn as (d: typeof db, f: MetricFilter, s: typeof snap) => Promise<unknown>)(db, f, snap);
      console.error(`${round} ${name.padEnd(16)} ${(performance.now() - t).toFixed(0)} ms`);
    }
  }
  process.exit(0);
}
main();
