// Append-only audit log: who read or changed what, and when.
import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The changes a participant's page lists as its history (lib/participants/queries.ts). */
export const PARTICIPANT_HISTORY_ACTIONS = [
  "participant.create",
  "participant.update",
  "participant.handover",
  // Taken from the coordinators' list "Ej tilldelade" (a person imported without a coordinator).
  "participant.assign",
  "skillmapping.save",
  "participant.close",
  "participant.reopen",
] as const;

/**
 * `action in ('participant.create', …)` written out: the history query and its partial index share
 * it, and a literal list (not parameters) lets PostgreSQL match the two in a prepared statement.
 */
export const participantHistoryActionsSql = sql.raw(`action in (${PARTICIPANT_HISTORY_ACTIONS.map((a) => `'${a}'`).join(", ")})`);

/**
 * The participants a read of a list showed, as a JSON array of ids (`ids` or, for sfi groups,
 * `participantIds` in the details). Written out the same way in the index and in the queries, so
 * PostgreSQL matches them.
 */
export const auditListedIdsSql = sql.raw(`(coalesce(details -> 'ids', details -> 'participantIds'))`);

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
    // Every view of a participant's page adds read entries for that person (four per view), so
    // the history's few changes are read from an index of their own, not found among thousands
    // of reads.
    index("audit_participant_history_idx").on(t.participantId, t.at, t.id).where(participantHistoryActionsSql),
    // Reads of a list (the caseload, the worklist, a dashboard's people, an sfi group) name no one
    // participant: their ids are in the details. This index finds them by participant, for the
    // audit log's participant filter and the register extract (auditListedIdsSql).
    index("audit_listed_ids_idx").using("gin", sql`${auditListedIdsSql} jsonb_path_ops`).where(sql`participant_id is null`),
    index("audit_user_idx").on(t.userId, t.at),
    index("audit_municipality_idx").on(t.municipalityId, t.at),
  ],
);
