// Reference values and local targets for the key figures, entered by an admin per indicator and
// year (e.g. the national or county figure from Kolada). Entered, never computed: the dashboard
// draws them beside the municipality's own figures.
import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { referenceKindEnum } from "./enums";
import { municipalities, users } from "./tenancy";

export const referenceValues = pgTable(
  "reference_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    /** A key of lib/references/indicators.ts, e.g. "outcome90.share". */
    indicator: text("indicator").notNull(),
    /** The cohort year for cohort figures, the calendar year of the as-of date for the others. */
    year: integer("year").notNull(),
    kind: referenceKindEnum("kind").notNull(),
    /** In the indicator's own unit: a share as a fraction 0–1, days as days. */
    value: doublePrecision("value").notNull(),
    /** Where the figure comes from, e.g. "Riket (Kolada)" or "Länet"; for a target, who set it. */
    source: text("source"),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reference_values_uq").on(t.municipalityId, t.indicator, t.year, t.kind),
    index("reference_values_municipality_idx").on(t.municipalityId, t.year),
  ],
);
