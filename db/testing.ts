// Test databases: a fresh in-memory PGlite by default, or a fresh PostgreSQL database (created
// next to the one DATABASE_URL names, dropped afterwards) when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DbHandle } from "./client";

export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = openPglite();
    await handle.migrate();
    return handle;
  }
  const name = `etablera_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openPostgres(testUrl.toString(), { max: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const admin2 = postgres(url, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin2.end();
    },
  };
}

/**
 * A fresh test database with the demo municipality seeded as of `today`, and its users by the
 * start of their email (e.g. "anna" for the first coordinator of unit Centrum).
 */
export async function createDemoTestDb(today: string) {
  const { seedDemo } = await import("./seed");
  const { users } = await import("./schema");
  const handle = await createTestDb();
  await seedDemo(handle.db, { today });
  const all = await handle.db.select().from(users);
  const userBy = (emailPrefix: string) => {
    const u = all.find((x) => x.email.startsWith(emailPrefix));
    if (!u) throw new Error(`no demo user ${emailPrefix}`);
    return { id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId };
  };
  return { handle, userBy };
}
