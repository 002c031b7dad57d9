// Starts the production server for the Playwright journeys on a fresh demo database: a new
// PGlite folder under data/e2e-<port>, or (with DATABASE_URL) a new PostgreSQL database `etablera_e2e`
// beside the one named. Builds first unless E2E_SKIP_BUILD=1.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openPglite, openPostgres } from "@/db/client";
import { ensureDatabase } from "@/db/setup";
import { seedE2eFixtures } from "@/e2e/support/seed";
import { startCommand } from "./start-command";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-use-0123456789",
    NODE_ENV: "production",
  };
  if (process.env.DATABASE_URL) {
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe("DROP DATABASE IF EXISTS etablera_e2e WITH (FORCE)");
    await admin.unsafe("CREATE DATABASE etablera_e2e");
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/etablera_e2e";
    env.DATABASE_URL = url.toString();
    const handle = openPostgres(env.DATABASE_URL, { max: 1 });
    await ensureDatabase(handle, { seedIfEmpty: true });
    await seedE2eFixtures(handle.db);
    await handle.close();
  } else {
    const dir = path.join(process.cwd(), "data", `e2e-${port}`);
    rmSync(dir, { recursive: true, force: true });
    env.PGLITE_DIR = dir;
    const handle = openPglite(dir);
    await ensureDatabase(handle, { seedIfEmpty: true });
    await seedE2eFixtures(handle.db);
    await handle.close();
  }
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // What `npm start` runs, with its Node flags (scripts/start-command.ts).
  const server = spawn(process.execPath, startCommand().args(port, "127.0.0.1"), { stdio: "inherit", env });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error("e2e server failed:", err);
  process.exit(1);
});
