// Employers and their openings (praktikplatser, extratjänster, jobs, rekryteringsutbildningar).
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { openingTypeEnum } from "./enums";
import { municipalities } from "./tenancy";

export const employers = pgTable(
  "employers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    /** Organisationsnummer NNNNNN-NNNN (Luhn-checked). */
    orgNr: text("org_nr").notNull(),
    name: text("name").notNull(),
    industry: text("industry"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    address: text("address"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("employers_org_nr_uq").on(t.municipalityId, t.orgNr)],
);

export const openings = pgTable(
  "openings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    employerId: uuid("employer_id").notNull().references(() => employers.id, { onDelete: "cascade" }),
    type: openingTypeEnum("type").notNull(),
    occupation: text("occupation").notNull(),
    places: integer("places").notNull().default(1),
    startDate: date("start_date"),
    endDate: date("end_date"),
    languageRequirement: text("language_requirement"),
    /** Set when the opening no longer takes anyone (filled, withdrawn); it is not matched or booked. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedReason: text("closed_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("openings_employer_idx").on(t.employerId), index("openings_municipality_idx").on(t.municipalityId)],
);
