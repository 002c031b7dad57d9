// Reads of the audit log for admins (audit:read), always within the admin's own municipality.
import { and, asc, count, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { auditListedIdsSql, auditLog, users } from "@/db/schema";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { addDays, startOfSwedishDay } from "@/lib/dates";
import { isAuditAction } from "./labels";
import { escapeLike } from "@/lib/paging";
import { userMatches, userSearchText } from "@/lib/users/queries";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The filters of /admin/logg, parsed leniently from the query string (bad values are ignored). */
export const auditFilterSchema = z.object({
  userId: uuid.optional().catch(undefined),
  /** A name or e-mail address as typed (part of one will do): the entries of every user it matches. */
  user: z
    .string()
    .transform((s) => userSearchText(s) || undefined)
    .optional()
    .catch(undefined),
  participantId: uuid.optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) flat[k] = (Array.isArray(v) ? v[0] : v) || undefined;
  return auditFilterSchema.parse(flat);
}

/**
 * Entries about a participant: those of their own data (participant_id), and the reads of lists
 * that showed them (a caseload, a worklist, a dashboard's people, an sfi group: their ids in the
 * details, found by the index audit_listed_ids_idx).
 */
export function concernsParticipant(participantId: string): SQL {
  return or(eq(auditLog.participantId, participantId), sql`(${auditLog.participantId} is null and ${auditListedIdsSql} @> ${JSON.stringify([participantId])}::jsonb)`)!;
}

/** The admin's municipality's users, and of them those that `more` selects. */
function ownUsers(actor: Actor, more: SQL): SQL {
  return and(eq(users.municipalityId, actor.municipalityId), more)!;
}

function whereOf(actor: Actor, f: AuditFilter, db: Executor): SQL {
  const conditions: SQL[] = [eq(auditLog.municipalityId, actor.municipalityId)];
  if (f.userId) conditions.push(eq(auditLog.userId, f.userId));
  // A subquery, not a list of ids: a few letters can match thousands of users in a region.
  if (f.user) conditions.push(inArray(auditLog.userId, db.select({ id: users.id }).from(users).where(ownUsers(actor, userMatches(f.user)))));
  if (f.participantId) conditions.push(concernsParticipant(f.participantId));
  // A known code is that action alone ("sfi.enrol", not "sfi.enrol.search"); other text is the
  // start of codes ("participant." finds every participant action), a LIKE prefix with wildcards escaped.
  if (f.action) conditions.push(isAuditAction(f.action) ? eq(auditLog.action, f.action) : like(auditLog.action, `${escapeLike(f.action)}%`));
  // The days are Swedish days, as the log shows its times.
  if (f.from) conditions.push(gte(auditLog.at, startOfSwedishDay(f.from)));
  if (f.to) conditions.push(lt(auditLog.at, startOfSwedishDay(addDays(f.to, 1))));
  return and(...conditions)!;
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  userName: users.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  participantId: auditLog.participantId,
  details: auditLog.details,
};

export const AUDIT_PAGE_SIZE = 50;
/**
 * Entries counted at most: a municipality's log grows by thousands a day, and counting millions
 * for the heading took most of a second. Beyond this the view says "more than" and pages up to
 * it; older entries are found with the filters (a user, an action, the days).
 */
export const AUDIT_COUNT_MAX = 10_000;

/**
 * The log's order, newest or oldest first. With a participant the order is by `id + 0`: sorting a
 * participant's few hundred entries is cheap, while PostgreSQL, which cannot estimate how many of
 * the lists hold the person, otherwise walked the primary key of the whole log backwards to find
 * them (910 → 3.5 ms for a page among 700 000 entries, 100 000 of them list reads).
 */
function logOrder(f: AuditFilter, dir: typeof asc) {
  return f.participantId ? dir(sql`${auditLog.id} + 0`) : dir(auditLog.id);
}

export async function listAuditEntries(actor: Actor, f: AuditFilter, db: Executor = getDb()) {
  if (!hasPermission(actor, "audit:read")) throw new NotFoundError("audit");
  const where = whereOf(actor, f, db);
  const rows = await db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(logOrder(f, desc))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  const capped = db.select({ one: sql`1` }).from(auditLog).where(where).limit(AUDIT_COUNT_MAX + 1).as("capped");
  const [{ total }] = await db.select({ total: count() }).from(capped);
  return { rows, total: Math.min(total, AUDIT_COUNT_MAX), more: total > AUDIT_COUNT_MAX, page: f.page, pageSize: AUDIT_PAGE_SIZE };
}

export const AUDIT_USERS_SHOWN = 10;

/**
 * Whom the user filter stands for, to say beside it: the user a `userId` link names (null when
 * that is no user of the municipality) and the first users the typed text matches.
 */
export async function describeAuditUserFilter(actor: Actor, f: AuditFilter, db: Executor = getDb()) {
  if (!hasPermission(actor, "audit:read")) throw new NotFoundError("audit");
  const person = { id: users.id, name: users.name, email: users.email };
  const [picked] = f.userId ? await db.select(person).from(users).where(ownUsers(actor, eq(users.id, f.userId))).limit(1) : [];
  const matched = f.user
    ? await db.select(person).from(users).where(ownUsers(actor, userMatches(f.user))).orderBy(asc(users.name), asc(users.id)).limit(AUDIT_USERS_SHOWN + 1)
    : [];
  return { picked: picked ?? null, matched: matched.slice(0, AUDIT_USERS_SHOWN), more: matched.length > AUDIT_USERS_SHOWN };
}

/** Every matching entry (oldest first) for the CSV export, capped so one request stays bounded. */
export const AUDIT_EXPORT_MAX = 100_000;
export async function exportAuditEntries(actor: Actor, f: AuditFilter, db: Executor = getDb()) {
  if (!hasPermission(actor, "audit:read")) throw new NotFoundError("audit");
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(whereOf(actor, f, db))
    .orderBy(logOrder(f, asc))
    .limit(AUDIT_EXPORT_MAX);
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with '. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
