// The facts behind the worklist, at their edges: each one read from a person's activities and
// follow-ups with its own condition (a day inside or outside a window, planned or not, ongoing
// or ended), so that combining the reads can never blur one fact into another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { ActivityStatus, ActivityType } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/permissions";
import { searchNameOf } from "@/lib/participants/search";
import { participantFacts } from "./queries";

const AS_OF = "2026-06-30";
const day = (offset: number) => new Date(Date.parse(`${AS_OF}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
let handle: DbHandle;
let actor: Actor;
const ids: Record<string, string> = {};

async function person(key: string, activities: { type: ActivityType; status: ActivityStatus; start: number; end?: number }[], followups: { status: "planerad" | "genomford"; due: number }[] = []) {
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: actor.municipalityId, unitId: actor.unitId, coordinatorId: actor.id, firstName: "Test", lastName: key, searchName: searchNameOf("Test", key), birthDate: "1990-01-01", gender: "M", receptionDate: day(-200) })
    .returning();
  for (const a of activities) {
    await handle.db.insert(s.activities).values({ municipalityId: actor.municipalityId, participantId: p.id, type: a.type, status: a.status, startDate: day(a.start), endDate: a.end === undefined ? null : day(a.end) });
  }
  for (const f of followups) {
    await handle.db.insert(s.followups).values({ municipalityId: actor.municipalityId, participantId: p.id, type: "uppfoljning", status: f.status, dueDate: day(f.due) });
  }
  ids[key] = p.id;
}

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "8803", name: "Faktakommun" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "Enhet" }).returning();
  const [c] = await handle.db.insert(s.users).values({ municipalityId: m.id, unitId: u.id, email: "c@fakta.test", name: "Cecilia Koordinator", role: "coordinator" }).returning();
  actor = { id: c.id, role: "coordinator", municipalityId: m.id, unitId: u.id };
  // Ended exactly 30 days ago: still covered. Ended 31 days ago: not.
  await person("edge30", [{ type: "sfi", status: "avslutad", start: -90, end: -30 }]);
  await person("edge31", [{ type: "sfi", status: "avslutad", start: -90, end: -31 }, { type: "praktik", status: "planerad", start: -20, end: 20 }]);
  // A praktik under way, a health examination, a later planned praktik that does not count.
  await person("working", [
    { type: "halsoundersokning", status: "avslutad", start: -150, end: -150 },
    { type: "praktik", status: "pagaende", start: -10, end: 40 },
    { type: "praktik", status: "planerad", start: 60, end: 90 },
  ]);
  // An extratjänst that ended yesterday: a first workplace, not ongoing work; follow-ups overdue and coming.
  await person("ended", [{ type: "extratjanst", status: "avslutad", start: -120, end: -1 }], [
    { status: "planerad", due: -5 },
    { status: "planerad", due: -2 },
    { status: "planerad", due: 7 },
    { status: "genomford", due: -40 },
  ]);
  await person("nothing", []);
});
afterAll(async () => {
  await handle?.close();
});

describe("participantFacts at the edges", () => {
  it("reads each fact with its own condition", async () => {
    const facts = new Map((await participantFacts(actor, AS_OF, handle.db)).map((f) => [f.participantId, f]));
    const f = (key: string) => facts.get(ids[key])!;
    expect(f("edge30")).toMatchObject({ coveredLast30: true, lastActivityEnd: day(-30), firstWorkplaceStart: null, hasOngoingWorkOrStudy: false, hasHealthExam: false });
    expect(f("edge31")).toMatchObject({ coveredLast30: false, lastActivityEnd: day(-31), firstWorkplaceStart: null, hasOngoingWorkOrStudy: false });
    expect(f("working")).toMatchObject({ coveredLast30: true, lastActivityEnd: day(40), firstWorkplaceStart: day(-10), hasOngoingWorkOrStudy: true, hasHealthExam: true });
    expect(f("ended")).toMatchObject({
      coveredLast30: true,
      lastActivityEnd: day(-1),
      firstWorkplaceStart: day(-120),
      hasOngoingWorkOrStudy: false,
      overdueFollowupDue: day(-5),
      nextFollowupDue: day(7),
    });
    expect(f("nothing")).toMatchObject({ coveredLast30: false, lastActivityEnd: null, firstWorkplaceStart: null, hasOngoingWorkOrStudy: false, hasHealthExam: false, overdueFollowupDue: null, nextFollowupDue: null });
  });
});
