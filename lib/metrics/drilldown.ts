// The people behind a dashboard figure, for users who may see those people (coordinators, their
// own unit). Everyone else gets counts only. Audited like any list of participants.
import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { writeAudit } from "@/lib/audit/commands";
import { can, type Actor } from "@/lib/auth/permissions";
import { participantFilter, type MetricFilter } from "./indicators";

export const DRILLDOWNS = ["exitsWithoutOutcome", "exitsWithoutReason", "withoutEducationLevel", "withoutCoordinator", "idle"] as const;
export type Drilldown = (typeof DRILLDOWNS)[number];

export interface PersonRef {
  id: string;
  name: string;
}

/** May this user see the people behind figures of this filter? Only within their own unit. */
export function mayDrillDown(actor: Actor): boolean {
  return actor.role === "coordinator" && actor.unitId !== null && can(actor, "participant:read", { municipalityId: actor.municipalityId, unitId: actor.unitId });
}

export async function peopleBehind(actor: Actor, which: Drilldown, f: MetricFilter, limit = 200, db: Executor = getDb()): Promise<PersonRef[]> {
  if (!mayDrillDown(actor)) return [];
  // Whatever the filter says, a coordinator only ever sees their own unit.
  const scoped: MetricFilter = { ...f, municipalityId: actor.municipalityId, unitId: actor.unitId! };
  const asOf = sql`${f.asOf}::date`;
  const condition = {
    exitsWithoutOutcome: sql`p.programme_end is not null and p.programme_end + 90 <= ${asOf}
      and not exists (select 1 from outcomes o where o.participant_id = p.id and o.kind = 'dag90' and o.recorded_date <= ${asOf})`,
    exitsWithoutReason: sql`p.programme_end is not null and p.programme_end <= ${asOf} and p.exit_reason is null`,
    withoutEducationLevel: sql`p.education_level is null`,
    withoutCoordinator: sql`p.coordinator_id is null`,
    idle: sql`(p.programme_end is null or p.programme_end >= ${asOf}) and not exists (
      select 1 from activities a where a.participant_id = p.id and a.status <> 'planerad'
        and a.start_date <= ${asOf} and coalesce(a.end_date, ${asOf}) >= ${asOf} - 30)`,
  }[which];
  const result = await db.execute(sql`
    select p.id, p.first_name || ' ' || p.last_name as name
    from participants p
    where ${participantFilter(scoped)} and p.reception_date <= ${asOf} and ${condition}
    order by p.last_name, p.first_name
    limit ${limit}`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: PersonRef[] }).rows) as PersonRef[];
  if (rows.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "participant.list",
      entityType: "participant",
      details: { ids: rows.map((r) => r.id), source: `dashboard:${which}` },
    });
  }
  return rows;
}
