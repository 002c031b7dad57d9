// Reads about users and sign-in attempts.
import { and, count, eq, gte, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { loginAttempts, users } from "@/db/schema";
import { preparedOnce } from "@/db/prepared";

export async function findUserForSignIn(email: string, db: Executor = getDb()) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

/** The signed-in user as every request loads them (prepared once: db/prepared.ts); null when deactivated. */
export async function loadActiveUser(id: string, db: Executor = getDb()) {
  const [row] = await preparedOnce(db, "users_active_by_id", () =>
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        municipalityId: users.municipalityId,
        unitId: users.unitId,
        active: users.active,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder("id")))
      .limit(1),
  ).execute({ id });
  return row && row.active ? row : null;
}

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Too many failed sign-ins for this account, or from this address, in the last 15 minutes? */
export async function isSignInLocked(email: string, ip: string, db: Executor = getDb(), now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const normalized = email.trim().toLowerCase();
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, normalized), eq(loginAttempts.success, false), gte(loginAttempts.at, since)));
  if (byAccount.n >= MAX_FAILURES_PER_ACCOUNT) return true;
  const [byAddress] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gte(loginAttempts.at, since)));
  return byAddress.n >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordSignInAttempt(email: string, ip: string, success: boolean, db: Executor = getDb()) {
  await db.insert(loginAttempts).values({ email: email.trim().toLowerCase(), ip, success });
}
