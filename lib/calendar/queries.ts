// The calendar feed: a coordinator's planned follow-ups as .ics, reached by the secret token
// alone (calendar apps send no session). Nothing but the meeting's type, its date and the
// participant's initials leaves the app; every read is audited as the feed owner's.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { calendarFeeds, followups, participants, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { followupMessages } from "@/lib/i18n/areas/followup";
import { participantScope } from "@/lib/participants/scope";
import { hashFeedToken } from "./commands";
import { buildIcs, initials } from "./ics";
import { FEED_TOKEN_PATTERN } from "./schema";

export const CALENDAR_NAME = "Etablera – mina uppföljningar";

/** Whether the user has a link, and since when; the token itself cannot be shown again. */
export async function getCalendarFeedStatus(actor: Actor, db: Executor = getDb()) {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt, lastReadAt: calendarFeeds.lastReadAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  return row ?? null;
}

/** The .ics text for a valid token of an active coordinator; null (→ 404) for anything else. */
export async function readCalendarFeed(token: string, db: Executor = getDb(), now: Date = new Date()): Promise<string | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const [feed] = await db
    .select({ id: calendarFeeds.id, municipalityId: calendarFeeds.municipalityId, userId: users.id, role: users.role, active: users.active, userMunicipalityId: users.municipalityId, unitId: users.unitId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashFeedToken(token)));
  if (!feed || !feed.active || feed.municipalityId !== feed.userMunicipalityId) return null;
  const actor: Actor = { id: feed.userId, role: feed.role, municipalityId: feed.userMunicipalityId, unitId: feed.unitId };
  if (!hasPermission(actor, "worklist:read")) return null;
  const rows = await db
    .select({ id: followups.id, type: followups.type, dueDate: followups.dueDate, version: followups.version, participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName })
    .from(followups)
    .innerJoin(participants, eq(participants.id, followups.participantId))
    .where(and(eq(followups.responsibleUserId, actor.id), eq(followups.status, "planerad"), participantScope(actor)))
    .orderBy(asc(followups.dueDate), asc(followups.id));
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "calendar.read",
    entityType: "calendar_feed",
    entityId: feed.id,
    details: { source: "calendar", ids: [...new Set(rows.map((r) => r.participantId))] },
  });
  await db.update(calendarFeeds).set({ lastReadAt: now }).where(eq(calendarFeeds.id, feed.id));
  // The feed is in Swedish whatever the owner's language: it has no session to ask.
  const types = followupMessages.sv.types;
  return buildIcs({
    name: CALENDAR_NAME,
    now,
    events: rows.map((r) => ({ uid: `${r.id}@etablera`, date: r.dueDate, summary: `${types[r.type] ?? r.type} – ${initials(r.firstName, r.lastName)}`, sequence: r.version - 1 })),
  });
}
