// The building blocks the key figures share: the filter, raw rows on either driver, numbers.
import { sql, type SQL } from "drizzle-orm";

export interface MetricFilter {
  municipalityId: string;
  asOf: string;
  minN?: number;
  /** Optional narrowing used by the dashboard; the report uses none of them. */
  unitId?: string;
  coordinatorId?: string;
  educationLevel?: string;
  settlement?: string;
  track?: string;
  /** Women or men only (the dashboard's gender filter); the cohort figures keep their group rows. */
  gender?: "K" | "M";
}

/** Active participants of the municipality, narrowed by the dashboard's filters. */
export function participantFilter(f: MetricFilter, alias = "p"): SQL {
  const p = sql.raw(alias);
  const parts: SQL[] = [
    sql`${p}.municipality_id = ${f.municipalityId}`,
    sql`${p}.deleted_at is null`,
    sql`${p}.erased_at is null`,
  ];
  return sql.join([...parts, ...narrowing(f, p)], sql` and `);
}

/** The dashboard's narrowing filters on a relation with the participant's columns (participants, metric_facts). */
export function narrowing(f: MetricFilter, p: SQL): SQL[] {
  const parts: SQL[] = [];
  if (f.unitId) parts.push(sql`${p}.unit_id = ${f.unitId}`);
  if (f.coordinatorId) parts.push(sql`${p}.coordinator_id = ${f.coordinatorId}`);
  if (f.educationLevel) parts.push(sql`${p}.education_level = ${f.educationLevel}`);
  if (f.settlement) parts.push(sql`${p}.settlement = ${f.settlement}`);
  if (f.track) parts.push(sql`${p}.track = ${f.track}`);
  if (f.gender) parts.push(sql`${p}.gender = ${f.gender}`);
  return parts;
}

export { rows, type Raw } from "@/db/json";

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

