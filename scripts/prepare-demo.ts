// `npm run demo` step one: make sure the server has a session secret (written once to
// .env.local, which Next.js reads at start), and list the demo accounts.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, appendFileSync } from "node:fs";
import { printDemoAccounts } from "@/db/setup";

const file = ".env.local";
const has = process.env.AUTH_SECRET || (existsSync(file) && /^AUTH_SECRET=/m.test(readFileSync(file, "utf8")));
if (!has) {
  appendFileSync(file, `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.error("Wrote a new AUTH_SECRET to .env.local.");
}
console.error(process.env.DATABASE_URL ? "Database: PostgreSQL (DATABASE_URL)." : "Database: embedded PGlite under ./data/pglite (created and seeded on first start).");
printDemoAccounts();
console.error("When the build is done, open http://localhost:3000");
