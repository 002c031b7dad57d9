// Append-only audit log: who read or changed what, and when.
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    municipalityId: uuid("municipality_id"),
    userId: uuid("user_id"),
    /** e.g. participant.read, participant.update, activity.create, import.run */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    participantId: uuid("participant_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    /** Hash chain for tamper evidence (filled by the audit module). */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_participant_idx").on(t.participantId, t.at),
    index("audit_user_idx").on(t.userId, t.at),
    index("audit_municipality_idx").on(t.municipalityId, t.at),
  ],
);
