// `npm run db:setup`: migrate the configured database; seed the demo on an empty one.
import { openConfigured } from "@/db/client";
import { ensureDatabase, printDemoAccounts } from "@/db/setup";

async function main() {
  const handle = openConfigured();
  try {
    await ensureDatabase(handle, { seedIfEmpty: process.env.ETABLERA_NO_DEMO !== "1" });
    console.error(`Database ready (${handle.kind}).`);
    printDemoAccounts();
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error("Database setup failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
