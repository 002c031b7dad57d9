// `npm run seed [-- --reset]`: seed the demo municipality into the configured database.
// --reset removes all data first (never use it on a database with real data).
import { sql } from "drizzle-orm";
import { openConfigured } from "@/db/client";
import { demoExists, seedDemo } from "@/db/seed";
import { printDemoAccounts } from "@/db/setup";

async function main() {
  const reset = process.argv.includes("--reset");
  const handle = openConfigured();
  try {
    await handle.migrate();
    if (reset) {
      // The audit log is append-only (a trigger); only this demo reset, run as the table's owner,
      // switches the truncate guard off for one transaction.
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`);
        await tx.execute(sql`TRUNCATE municipalities, login_attempts, audit_log RESTART IDENTITY CASCADE`);
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate`);
      });
      console.error("All data removed.");
    } else if (await demoExists(handle.db)) {
      console.error("The demo municipality is already there (use --reset to start over).");
      printDemoAccounts();
      return;
    }
    const result = await seedDemo(handle.db);
    console.error(`Seeded: ${result.participants} participants, ${result.activities} activities, ${result.outcomes} outcomes, ${result.employers} employers.`);
    printDemoAccounts();
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error("Seeding failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
