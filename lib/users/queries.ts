// Reads of user accounts, for admins of the same municipality.
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { sfiGroupTeachers, units, users } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { containsPattern, pageBounds, searchText } from "@/lib/paging";

export const USERS_PAGE_SIZE = 50;
/** Search text as it is matched: trimmed and bounded (no name or e-mail address is 200 characters long); "" means every user. */
export const userSearchText = searchText;

/**
 * Users whose name or e-mail address contains `q` (already `userSearchText`), in any case, with
 * LIKE's wildcards and escape character taken as the letters they are. Not scoped: the caller
 * adds the municipality.
 */
export function userMatches(q: string): SQL {
  const pattern = containsPattern(q);
  return or(ilike(users.name, pattern), ilike(users.email, pattern))!;
}

/**
 * The municipality's users a page at a time (thousands in a region), by name, those matching `q`
 * only. A page past the last shows the last; nonsense shows the first.
 */
export async function listUsers(actor: Actor, opts: { q?: string; page?: number; pageSize?: number } = {}, db: Executor = getDb()) {
  if (!hasPermission(actor, "user:manage")) throw new NotFoundError("users");
  const q = userSearchText(opts.q);
  const where = and(eq(users.municipalityId, actor.municipalityId), q ? userMatches(q) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const { page, pages, pageSize, offset } = pageBounds(total, opts, USERS_PAGE_SIZE);
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(pageSize)
    .offset(offset);
  return { rows, total, page, pages, pageSize };
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

export interface GroupTeacher {
  name: string;
  active: boolean;
}

/**
 * The teachers of the given sfi groups, by group, by name, each with whether the account is
 * active: the admin's overview marks a deactivated teacher. One query for a page of groups; only
 * the admin's municipality's users.
 */
export async function listGroupTeachers(actor: Actor, groupIds: string[], db: Executor = getDb()): Promise<Map<string, GroupTeacher[]>> {
  if (!hasPermission(actor, "settings:manage")) throw new NotFoundError("sfi_group");
  const out = new Map<string, GroupTeacher[]>();
  if (groupIds.length === 0) return out;
  const rows = await db
    .select({ groupId: sfiGroupTeachers.groupId, name: users.name, active: users.active })
    .from(sfiGroupTeachers)
    .innerJoin(users, eq(users.id, sfiGroupTeachers.userId))
    .where(and(inArray(sfiGroupTeachers.groupId, groupIds), eq(users.municipalityId, actor.municipalityId)))
    .orderBy(asc(users.name), asc(users.id));
  for (const r of rows) {
    const list = out.get(r.groupId) ?? [];
    list.push({ name: r.name, active: r.active });
    out.set(r.groupId, list);
  }
  return out;
}

/** A group's teachers as one line, a deactivated one marked ("Bo Berg (inaktiv)"); "" for none. */
export function describeGroupTeachers(teachers: GroupTeacher[] | undefined, inactiveMark: string): string {
  return (teachers ?? []).map((t) => (t.active ? t.name : `${t.name} ${inactiveMark}`)).join(", ");
}
