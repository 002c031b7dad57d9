// Computed key figures kept for reuse (lib/metrics/cache.ts): aggregates only, never a person.
// A row is valid while the data version it was computed at is the current one; writes to this
// table do not move that version (it has no trigger of migration 0007).
import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const metricCache = pgTable(
  "metric_cache",
  {
    /** What was computed and for which filter, e.g. `outcome90:{"asOf":…,"municipalityId":…}`. */
    key: text("key").primaryKey(),
    dataVersion: bigint("data_version", { mode: "number" }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** JSON text, exactly as computed (jsonb would reorder the keys). */
    value: text("value").notNull(),
  },
  (t) => [index("metric_cache_computed_idx").on(t.computedAt)],
);
