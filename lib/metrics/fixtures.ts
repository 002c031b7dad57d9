// Test fixtures for the key figures: a municipality and participants written directly to the
// database, with just the fields the definitions read.
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import * as s from "@/db/schema";
import type { ActivityStatus, ActivityType, Gender, OutcomeStatus } from "@/db/schema/enums";
import { searchNameOf } from "@/lib/participants/search";
import type { Dashboard } from "./dashboard";
import { rows } from "./sql";

export interface FixturePerson {
  gender?: Gender;
  reception?: string;
  programmeEnd?: string | null;
  deleted?: boolean;
  outcome?: { status: OutcomeStatus; recorded: string };
  activities?: { type: ActivityType; status?: ActivityStatus; start: string; end?: string | null }[];
}

let counter = 0;

export async function makeMunicipality(db: Db, code: string) {
  const [m] = await db.insert(s.municipalities).values({ code, name: `Kommun ${code}` }).returning();
  return m;
}

export async function addPeople(db: Db, municipalityId: string, people: FixturePerson[]) {
  for (const person of people) {
    counter += 1;
    const [p] = await db
      .insert(s.participants)
      .values({
        municipalityId,
        firstName: "Test",
        lastName: `Person${counter}`,
        searchName: searchNameOf("Test", `Person${counter}`),
        birthDate: "1990-01-01",
        gender: person.gender ?? "K",
        receptionDate: person.reception ?? "2024-01-01",
        programmeEnd: person.programmeEnd ?? null,
        deletedAt: person.deleted ? new Date() : null,
      })
      .returning();
    if (person.outcome) {
      await db.insert(s.outcomes).values({
        municipalityId,
        participantId: p.id,
        kind: "dag90",
        status: person.outcome.status,
        recordedDate: person.outcome.recorded,
      });
    }
    if (person.activities?.length) {
      await db.insert(s.activities).values(
        person.activities.map((a) => ({
          municipalityId,
          participantId: p.id,
          type: a.type,
          status: a.status ?? "pagaende",
          startDate: a.start,
          endDate: a.end ?? null,
        })),
      );
    }
  }
}

export function repeat<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** The 90-day outcomes recorded, over the dashboard's total rows. */
export function recordedOutcomes(d: Pick<Dashboard, "outcome90">): number {
  return d.outcome90.filter((r) => r.group === "total").reduce((a, r) => a + r.recorded, 0);
}

/**
 * Someone who left the programme more than 90 days before `asOf` without a 90-day outcome gets
 * one (in work): one more recorded outcome in the figures. Returns the participant's id.
 */
export async function recordOutcomeOfALeaver(db: Db, municipalityId: string, asOf: string, createdBy?: string): Promise<string> {
  const [leaver] = await rows(
    db,
    sql`select p.id from participants p where p.municipality_id = ${municipalityId} and p.programme_end <= ${asOf}::date - 90
          and not exists (select 1 from outcomes o where o.participant_id = p.id and o.kind = 'dag90') limit 1`,
  );
  if (!leaver) throw new Error("no leaver without a 90-day outcome in this municipality");
  const participantId = String(leaver.id);
  await db.insert(s.outcomes).values({ participantId, municipalityId, kind: "dag90", status: "arbete", subsidized: false, recordedDate: asOf, createdBy: createdBy ?? null });
  return participantId;
}
