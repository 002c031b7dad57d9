// Choosing the municipality (tenant) a command-line tool works on.
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { municipalities } from "@/db/schema";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type Municipality = typeof municipalities.$inferSelect;

/** The municipality with this code; without a code the only one, or an error naming the choices. */
export async function resolveMunicipality(db: Executor, code?: string): Promise<Municipality> {
  if (code !== undefined) {
    if (!/^\d{4}$/.test(code)) throw new UsageError(`--municipality must be a 4-digit kommunkod, got "${code}"`);
    const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code));
    if (!row) throw new UsageError(`unknown municipality ${code}`);
    return row;
  }
  const all = await db.select().from(municipalities).orderBy(asc(municipalities.code));
  if (all.length === 1) return all[0];
  if (all.length === 0) throw new UsageError("the database holds no municipality yet");
  throw new UsageError(
    `several municipalities: choose one with --municipality (${all.map((m) => `${m.code} ${m.name}`).join(", ")})`,
  );
}
