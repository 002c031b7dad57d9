// A coordinator's calendar subscription (.ics) of their planned follow-ups. Only the SHA-256 hash
// of the secret token in the feed's URL is stored, so the database alone cannot open a feed.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { municipalities, users } from "./tenancy";

export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    /** One feed per user: renewing replaces the token, so the old URL stops working. */
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the token. */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("calendar_feeds_user_uq").on(t.userId), uniqueIndex("calendar_feeds_token_uq").on(t.tokenHash), index("calendar_feeds_municipality_idx").on(t.municipalityId)],
);
