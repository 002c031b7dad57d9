// `npm run report -- --as-of YYYY-MM-DD [--municipality CODE] [--min-n N] [--format json|csv]`
// Prints the outcome report of ../shared/spec/indicators.md on stdout and nothing else; every
// log line goes to stderr. Exit 2 for a bad flag or an unknown municipality, 1 for other errors.
import { parseArgs } from "node:util";

// Keep stdout for the report alone, whatever a library may print.
console.log = console.error;
console.info = console.error;

async function main(): Promise<number> {
  const { isValidIsoDate, todayIso } = await import("@/lib/dates");
  const { UsageError, resolveMunicipality } = await import("@/lib/tenancy/queries");
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        "as-of": { type: "string" },
        municipality: { type: "string" },
        "min-n": { type: "string" },
        format: { type: "string", default: "json" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`report: ${err instanceof Error ? err.message : err}`);
    return 2;
  }
  const asOf = values["as-of"] ?? todayIso();
  if (!isValidIsoDate(asOf)) {
    console.error(`report: --as-of must be a date YYYY-MM-DD, got "${asOf}"`);
    return 2;
  }
  let minN = 10;
  if (values["min-n"] !== undefined) {
    if (!/^\d+$/.test(values["min-n"])) {
      console.error(`report: --min-n must be a whole number >= 0, got "${values["min-n"]}"`);
      return 2;
    }
    minN = Number(values["min-n"]);
  }
  const format = values.format;
  if (format !== "json" && format !== "csv") {
    console.error(`report: --format must be json or csv, got "${format}"`);
    return 2;
  }

  const { isMigrated, openConfigured } = await import("@/db/client");
  const { buildReport, reportToCsv } = await import("@/lib/metrics/report");
  const { safeMessage } = await import("@/lib/errors");
  const handle = openConfigured();
  try {
    const t0 = performance.now();
    // A database that is up to date costs one query, not the migrator's pass over every file.
    if (!(await isMigrated(handle.db))) await handle.migrate();
    const t1 = performance.now();
    const municipality = await resolveMunicipality(handle.db, values.municipality);
    const report = await buildReport(handle.db, { municipality, asOf, minN });
    // REPORT_TIMING=1: how long the report itself took, apart from Node starting (the benchmark reads it).
    if (process.env.REPORT_TIMING === "1") console.error(`report-timing: migrate ${Math.round(t1 - t0)} ms, report ${Math.round(performance.now() - t1)} ms`);
    const out = format === "json" ? JSON.stringify(report, null, 2) + "\n" : reportToCsv(report);
    await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`report: ${err.message}`);
      return 2;
    }
    console.error("report failed:", safeMessage(err));
    return 1;
  } finally {
    await handle.close();
  }
}

main().then((code) => process.exit(code));
