// Reads of reference values and targets: admins (who enter them) and everyone who reads the
// dashboard (managers, coordinators) see their own municipality's, nobody another's.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { referenceValues } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

export async function listReferenceValues(actor: Actor, db: Executor = getDb()) {
  if (!hasPermission(actor, "reference:manage") && !hasPermission(actor, "metrics:read")) throw new NotFoundError("reference values");
  return db
    .select()
    .from(referenceValues)
    .where(eq(referenceValues.municipalityId, actor.municipalityId))
    .orderBy(asc(referenceValues.indicator), asc(referenceValues.year), asc(referenceValues.kind));
}

/** One value of the admin's municipality, for the edit page. */
export async function getReferenceValueForAdmin(actor: Actor, id: string, db: Executor = getDb()) {
  if (!hasPermission(actor, "reference:manage") || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("reference value");
  const [row] = await db
    .select()
    .from(referenceValues)
    .where(and(eq(referenceValues.id, id), eq(referenceValues.municipalityId, actor.municipalityId)))
    .limit(1);
  if (!row) throw new NotFoundError("reference value");
  return row;
}
