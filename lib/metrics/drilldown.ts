// The people behind a dashboard figure, for users who may see those people (coordinators, their
// own unit). Everyone else gets counts only. Audited like any list of participants.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { writeAudit } from "@/lib/audit/commands";
import { can, type Actor } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { narrowedGender, parseDashboardFilter } from "./dashboard";
import { DEFAULT_MIN_N, participantFilter, type MetricFilter } from "./indicators";

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

async function queryPeople(actor: Actor, which: Drilldown, f: MetricFilter, limit: number, db: Executor): Promise<PersonRef[]> {
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
  return (Array.isArray(result) ? result : (result as unknown as { rows: PersonRef[] }).rows) as PersonRef[];
}

/** Audited like any list of participants: the ids shown. */
async function auditShown(actor: Actor, which: Drilldown, rows: PersonRef[], db: Executor): Promise<void> {
  if (rows.length === 0) return;
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "participant.list",
    entityType: "participant",
    details: { ids: rows.map((r) => r.id), source: `dashboard:${which}` },
  });
}

/** At most this many people behind a figure are named at once; the figure itself counts them all. */
export const PEOPLE_SHOWN = 200;

/** What the dashboard asks for when a list of people is opened: which figure, under which filters. */
export const peopleRequestSchema = z.object({
  which: z.enum(DRILLDOWNS),
  /** The dashboard's query string (as its address has it). */
  filter: z.string().max(4000),
});

/**
 * The people behind a figure of the dashboard as the user sees it, named when the user opens the
 * list: not on every view of the page, where nobody had asked for them, and where the names of up
 * to five lists of 200 would be rendered, sent and audited as seen each time. The filters are read
 * as the page reads them; whatever they say, a coordinator only ever sees their own unit.
 */
export async function peopleBehindDashboard(actor: Actor, input: unknown, db: Executor = getDb(), limit = PEOPLE_SHOWN): Promise<{ people: PersonRef[]; more: boolean }> {
  if (!mayDrillDown(actor)) throw new NotFoundError("participant");
  const { which, filter } = peopleRequestSchema.parse(input);
  const d = parseDashboardFilter(new URLSearchParams(filter));
  const f: MetricFilter = {
    municipalityId: actor.municipalityId,
    asOf: d.asOf ?? todayIso(),
    minN: DEFAULT_MIN_N,
    coordinatorId: d.coordinatorId,
    educationLevel: d.educationLevel,
    settlement: d.settlement,
    track: d.track,
    gender: narrowedGender(d.gender),
  };
  const rows = await queryPeople(actor, which, f, limit + 1, db);
  const people = rows.slice(0, limit);
  await auditShown(actor, which, people, db);
  return { people, more: rows.length > limit };
}
