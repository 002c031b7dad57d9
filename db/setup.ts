// Brings a database up to date: applies the committed migrations and, for the embedded demo
// database, seeds the demo municipality the first time. Run at server start and by scripts.
import type { DbHandle } from "./client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoExists, seedDemo } from "./seed";
import { municipalities } from "./schema";

export async function ensureDatabase(handle: DbHandle, opts: { seedIfEmpty: boolean; log?: (msg: string) => void }) {
  const log = opts.log ?? ((m: string) => console.error(m));
  await handle.migrate();
  if (!opts.seedIfEmpty) return;
  const any = await handle.db.select({ id: municipalities.id }).from(municipalities).limit(1);
  if (any.length > 0) return;
  const result = await seedDemo(handle.db);
  log(`Demo municipality seeded: ${result.participants} participants, ${result.activities} activities.`);
  printDemoAccounts(log);
}

export async function isDemoSeeded(handle: DbHandle) {
  return demoExists(handle.db);
}

export function printDemoAccounts(log: (msg: string) => void = console.error) {
  log("Demo accounts (password for all: " + DEMO_PASSWORD + "):");
  for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(12)} ${a.email}`);
}
