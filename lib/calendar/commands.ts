// Creating, renewing and turning off one's calendar link. The token is shown once, to its owner;
// only its SHA-256 hash is stored, and it never goes into the audit log.
import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { calendarFeeds } from "@/db/schema";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { calendarFeedSchema } from "./schema";

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

type Created = { feedId: string; token: string; renewed: boolean };

export const createCalendarFeedDef = {
  schema: calendarFeedSchema,
  permission: "worklist:read",
  async run({ tx, user }: ActionContext<z.infer<typeof calendarFeedSchema>>): Promise<Created> {
    const token = randomBytes(32).toString("base64url");
    const [before] = await tx.select({ id: calendarFeeds.id }).from(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
    // Renewing replaces the hash: the old URL stops working at once.
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ municipalityId: user.municipalityId, userId: user.id, tokenHash: hashFeedToken(token) })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashFeedToken(token), createdAt: sql`now()`, lastReadAt: null } })
      .returning({ id: calendarFeeds.id });
    return { feedId: row.id, token, renewed: Boolean(before) };
  },
  audit: (r: Created) => ({ action: r.renewed ? "calendar.renew" : "calendar.create", entityType: "calendar_feed", entityId: r.feedId }),
} satisfies ActionDefinition<typeof calendarFeedSchema, Created>;

export const revokeCalendarFeedDef = {
  schema: calendarFeedSchema,
  permission: "worklist:read",
  async run({ tx, user }: ActionContext<z.infer<typeof calendarFeedSchema>>): Promise<{ feedId: string | null }> {
    const [row] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, user.id)).returning({ id: calendarFeeds.id });
    return { feedId: row?.id ?? null };
  },
  audit: (r: { feedId: string | null }) => ({ action: "calendar.revoke", entityType: "calendar_feed", entityId: r.feedId }),
} satisfies ActionDefinition<typeof calendarFeedSchema, { feedId: string | null }>;

export const createCalendarFeed = defineAction(createCalendarFeedDef);
export const revokeCalendarFeed = defineAction(revokeCalendarFeedDef);
