// Reads of user accounts, for admins of the same municipality.
import { asc, eq } from "drizzle-orm";
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
