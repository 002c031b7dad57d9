// Samtycke: a participant's consent to share information with a named actor. Withdrawal keeps
// the row (withdrawn_on), so the history of what was allowed when stays readable.
import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { municipalities, users } from "./tenancy";

export const CONSENT_ACTORS = ["arbetsformedlingen", "region_halsa", "arbetsgivare", "vuxenutbildning"] as const;
export type ConsentActor = (typeof CONSENT_ACTORS)[number];
export const CONSENT_METHODS = ["skriftligt", "muntligt", "digitalt"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    /** One of CONSENT_ACTORS. */
    actor: text("actor").$type<ConsentActor>().notNull(),
    /** The named actor, e.g. the employer's name; optional for Arbetsförmedlingen. */
    actorName: text("actor_name"),
    /** What may be shared, in the participant's own terms. */
    scope: text("scope").notNull(),
    /** One of CONSENT_METHODS. */
    method: text("method").$type<ConsentMethod>().notNull(),
    givenOn: date("given_on").notNull(),
    validUntil: date("valid_until"),
    withdrawnOn: date("withdrawn_on"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consents_participant_idx").on(t.participantId, t.actor)],
);
