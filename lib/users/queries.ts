// Reads of user accounts, for admins of the same municipality.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { units, users } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

export async function listUsers(actor: Actor, db: Executor = getDb()) {
  if (!hasPermission(actor, "user:manage")) throw new NotFoundError("users");
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.municipalityId, actor.municipalityId))
    .orderBy(asc(users.name));
}

/** One user of the admin's municipality, for the edit page. */
export async function getUserForAdmin(actor: Actor, id: string, db: Executor = getDb()) {
  if (!hasPermission(actor, "user:manage") || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("user");
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, unitId: users.unitId, active: users.active, updatedAt: users.updatedAt })
    .from(users)
    .where(and(eq(users.id, id), eq(users.municipalityId, actor.municipalityId)))
    .limit(1);
  if (!row) throw new NotFoundError("user");
  return row;
}

export async function listUnits(actor: Actor, db: Executor = getDb()) {
  return db.select({ id: units.id, name: units.name }).from(units).where(eq(units.municipalityId, actor.municipalityId)).orderBy(asc(units.name));
}
