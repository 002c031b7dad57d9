// `npm run gallring -- [--dry-run] [--as-of YYYY-MM-DD]`: applies the retention policy
// (lib/privacy/retention.ts) to every municipality in the configured database. Meant to run on a
// schedule (e.g. nightly); --dry-run lists what would be anonymised and changes nothing.
import { openConfigured } from "@/db/client";
import { isValidIsoDate, todayIso } from "@/lib/dates";
import { CASE_RETENTION_YEARS, runGallring } from "@/lib/privacy/retention";

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const i = args.indexOf("--as-of");
  const asOf = i >= 0 ? args[i + 1] : todayIso();
  if (!asOf || !isValidIsoDate(asOf)) {
    console.error("Usage: npm run gallring -- [--dry-run] [--as-of YYYY-MM-DD]");
    return 2;
  }
  const handle = openConfigured();
  try {
    await handle.migrate();
    const result = await runGallring(handle.db, { asOf, dryRun });
    const verb = dryRun ? "Would anonymise" : "Anonymised";
    console.log(`${verb} ${result.cases.length} closed case(s) (last activity more than ${CASE_RETENTION_YEARS} years before ${asOf}).`);
    for (const c of result.cases) console.log(`  participant ${c.id} (last activity ${c.lastActivity})`);
    console.log(`${dryRun ? "Would delete" : "Deleted"} ${result.loginAttemptsDeleted} old sign-in attempt(s). Audit entries are kept.`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error("gallring failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
