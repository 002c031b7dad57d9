// Reads of the actor directory: a page of the municipality's actors, found by name or by what they
// offer and filtered by activity type; one actor; and the providers the activity form suggests.
// The directory holds organisations and their contact people, no participant data.
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { actors } from "@/db/schema";
import { ACTIVITY_TYPES, type ActivityType } from "@/db/schema/enums";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { containsPattern, pageBounds, searchText } from "@/lib/paging";

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
const isActivityType = (v: unknown): v is ActivityType => typeof v === "string" && (ACTIVITY_TYPES as readonly string[]).includes(v);

export type ActorRow = typeof actors.$inferSelect;

export interface ActorListOptions {
  q?: string;
  /** Only actors that provide this activity type (an unknown code is ignored). */
  type?: string;
  /** The archived actors instead of the active ones. */
  archived?: boolean;
  page?: number;
  pageSize?: number;
}

/**
 * A page of the municipality's active (or archived) actors, by name, found by a part of the name or
 * of what they offer. Every role reads the directory; nobody sees another municipality's.
 */
export async function listActors(actor: Actor, opts: ActorListOptions = {}, db: Executor = getDb()) {
  const type = isActivityType(opts.type) ? opts.type : undefined;
  if (!hasPermission(actor, "actor:read")) return { rows: [] as ActorRow[], total: 0, type, ...pageBounds(0, opts) };
  const q = searchText(opts.q);
  const where = and(
    eq(actors.municipalityId, actor.municipalityId),
    opts.archived ? isNotNull(actors.archivedAt) : isNull(actors.archivedAt),
    q ? or(ilike(actors.name, containsPattern(q)), ilike(actors.offer, containsPattern(q))) : undefined,
    type ? sql`${actors.activityTypes} @> array[${type}]::activity_type[]` : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(actors).where(where);
  const { offset, ...bounds } = pageBounds(total, opts);
  const rows = await db
    .select()
    .from(actors)
    .where(where)
    .orderBy(sql`lower(${actors.name})`, asc(actors.id))
    .limit(bounds.pageSize)
    .offset(offset);
  return { rows, total, type, ...bounds };
}

/** One actor of the own municipality (archived too), or NotFoundError. */
export async function getActor(actor: Actor, id: string, db: Executor = getDb()): Promise<ActorRow> {
  if (!hasPermission(actor, "actor:read") || !isUuid(id)) throw new NotFoundError("actor");
  const [row] = await db.select().from(actors).where(and(eq(actors.id, id), eq(actors.municipalityId, actor.municipalityId)));
  if (!row) throw new NotFoundError("actor");
  return row;
}

/** The activity form suggests at most this many providers (a municipality has tens). */
export const PROVIDER_SUGGESTION_LIMIT = 500;

export interface ProviderSuggestion {
  id: string;
  name: string;
  activityTypes: ActivityType[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

/**
 * The active actors the activity form suggests as providers, by name; the form puts those that
 * provide the chosen type first. Needs what the activity form needs (plan:write); without it, none.
 */
export async function providerSuggestions(actor: Actor, db: Executor = getDb()): Promise<ProviderSuggestion[]> {
  if (!hasPermission(actor, "plan:write")) return [];
  return db
    .select({
      id: actors.id,
      name: actors.name,
      activityTypes: actors.activityTypes,
      contactName: actors.contactName,
      contactPhone: actors.contactPhone,
      contactEmail: actors.contactEmail,
    })
    .from(actors)
    .where(and(eq(actors.municipalityId, actor.municipalityId), isNull(actors.archivedAt)))
    .orderBy(sql`lower(${actors.name})`)
    .limit(PROVIDER_SUGGESTION_LIMIT);
}
