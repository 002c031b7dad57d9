// A participant's follow-ups, for the coordinator of their unit, with the three-party meetings
// their praktik still calls for.
import { asc, desc, getTableColumns, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { frozen, jsonList, listFromJson } from "@/db/json";
import { activities, employers, followups, participants, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { todayIso, type IsoDate } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { scopedParticipantRow } from "@/lib/participants/scope";
import { proposeThreePartyMeetings } from "./praktik";

const followupFields = getTableColumns(followups);
const praktikFields = {
  id: activities.id,
  type: activities.type,
  status: activities.status,
  startDate: activities.startDate,
  endDate: activities.endDate,
  provider: activities.provider,
  employerName: sql<string | null>`${employers.name}`,
};

/** The select list of listFollowups, as subqueries of the person's row. */
const followupSelect = frozen(sql`(select ${units.followupCadenceDays} from ${units} where ${units.id} = ${participants.unitId}) as "cadence",
  ${jsonList(followupFields, sql`from ${followups} where ${followups.participantId} = ${participants.id}`, [asc(followups.status), desc(followups.dueDate)])} as "followups",
  ${jsonList(
    praktikFields,
    sql`from ${activities} left join ${employers} on ${employers.id} = ${activities.employerId}
      where ${activities.participantId} = ${participants.id} and ${activities.type} = 'praktik'`,
    [],
  )} as "praktik"`);

/** One statement: the scope check, the unit's cadence, the follow-ups and the praktik as subqueries. */
export async function listFollowups(actor: Actor, participantId: string, db: Executor = getDb(), asOf: IsoDate = todayIso()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  const p = await scopedParticipantRow(db, actor, "followups", () => followupSelect, participantId);
  if (!p) throw new NotFoundError("participant");
  const list = listFromJson(followupFields, p.followups);
  const praktik = listFromJson(praktikFields, p.praktik);
  const proposals = proposeThreePartyMeetings(praktik, list, asOf).map((x) => {
    const a = praktik.find((y) => y.id === x.activityId)!;
    return { ...x, praktik: { startDate: a.startDate, endDate: a.endDate!, where: a.employerName ?? a.provider ?? null } };
  });
  return {
    cadenceDays: p.cadence === null || p.cadence === undefined ? 28 : Number(p.cadence),
    planned: list.filter((r) => r.status === "planerad").sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    held: list.filter((r) => r.status !== "planerad"),
    proposals,
  };
}
