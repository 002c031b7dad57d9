// The municipality's directory of actors ("vem gör vad", Kronoberg's "Vi vet vart vi vänder oss"):
// who offers which activities, and whom to call. The activity form suggests them as providers, so
// a provider's name is written the same way every time.
import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { activityTypeEnum } from "./enums";
import { municipalities, users } from "./tenancy";

export const actors = pgTable(
  "actors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    name: text("name").notNull(),
    /** A code of ACTOR_KINDS (lib/actors/schema.ts): the municipality, the region, AF, a school, … */
    kind: text("kind").notNull(),
    /** The activity types the actor provides; the activity form suggests it for those. */
    activityTypes: activityTypeEnum("activity_types").array().notNull().default(sql`'{}'::activity_type[]`),
    /** What the actor offers and how to refer someone there, in the coordinators' own words. */
    offer: text("offer"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    address: text("address"),
    website: text("website"),
    /** Set when the actor no longer offers anything: kept for the plans that name it, not suggested. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One entry per name in a municipality, however it is capitalised; the list is read in this order
    // (a municipality has tens of actors, a region a few thousand: no other index is needed).
    uniqueIndex("actors_name_uq").on(t.municipalityId, sql`lower(${t.name})`),
  ],
);
