// The plan's history of activity changes on a real database: created, edited (old → new in plain
// Swedish, shown in English too) and interrupted activities each leave a revision with who and when,
// in the same transaction; a failed write leaves none; and activity changes never make an open goal
// form stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { createActivityDef, updateActivityDef, updatePlanGoalDef } from "./commands";
import { activityFormValues } from "./form";
import { describeActivityChange } from "./history";
import { activityRow as row } from "./testing";
import { historyEntryText } from "./history-text";
import { getPlan } from "./queries";
import { planHistoryOf } from "./testing";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let person: typeof s.participants.$inferSelect;
let employer: { id: string; name: string };

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  // Someone of Anna's unit with no plan yet (the demo gives everyone one): the goal form opens on version 0.
  [person] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
  await handle.db.delete(s.plans).where(eq(s.plans.participantId, person.id));
  [employer] = await handle.db.select({ id: s.employers.id, name: s.employers.name }).from(s.employers).where(eq(s.employers.municipalityId, anna.municipalityId)).limit(1);
});
afterAll(async () => {
  await handle?.close();
});


describe("describing an activity change", () => {
  const names = { e1: "Hamnkrogen", u1: "Anna Andersson", u2: "Jonas Berg" };
  it("says what was added, and what an edit changed, old → new", () => {
    expect(describeActivityChange(null, row({}), names)).toBe("Ny insats: Praktik hos Hamnkrogen, planerad 2026-03-01 – 2026-03-31");
    expect(describeActivityChange(null, row({ type: "samhallsorientering", employerId: null, endDate: null, details: {} }), names)).toBe("Ny insats: Samhällsorientering, planerad 2026-03-01 – tills vidare");
    // A planned date that moves with the activity's date is said once.
    expect(describeActivityChange(row({}), row({ endDate: "2026-04-01", plannedEndDate: "2026-04-01" }), names)).toBe("Praktik hos Hamnkrogen: slutdatum 2026-03-31 → 2026-04-01");
    expect(describeActivityChange(row({}), row({ status: "pagaende", startDate: "2026-03-03" }), names)).toBe("Praktik hos Hamnkrogen: status planerad → pågående; startdatum 2026-03-01 → 2026-03-03");
    expect(
      describeActivityChange(row({ status: "pagaende" }), row({ status: "avbruten", endDate: "2026-03-15", interruptReason: "Fick jobb på annat håll", responsibleUserId: "u2", hoursPerWeek: "12.5" }), names),
    ).toBe(
      "Praktik hos Hamnkrogen: status pågående → avbruten; slutdatum 2026-03-31 → 2026-03-15; ansvarig – → Jonas Berg; timmar per vecka 20 → 12,5; skäl till avbrott – → Fick jobb på annat håll",
    );
    expect(describeActivityChange(row({}), row({ details: { occupation: "Bagare", openingId: "o2" } }), names)).toBe("Praktik hos Hamnkrogen: yrke Kock → Bagare");
    // Nothing a reader would see: no revision.
    expect(describeActivityChange(row({}), row({ version: 2, details: { occupation: "Kock", openingId: "o2" } }), names)).toBeNull();
  });
});

describe("activity writes in the plan's history", () => {
  it("records created, edited and interrupted, and the goal form opened before stays valid", async () => {
    const goalFormVersion = 0;
    const created = await executeAction(
      createActivityDef,
      { participantId: person.id, status: "planerad", plannedStartDate: "2026-08-01", plannedEndDate: "2026-10-31", hoursPerWeek: "20", details: { type: "praktik", employerId: employer.id, occupation: "Kock" } },
      anna,
      handle.db,
    );
    if (!created.ok) throw new Error(`create failed: ${created.code}`);
    let history = await planHistoryOf(handle.db, person.id);
    expect(history).toEqual([
      expect.objectContaining({ kind: "activity", activityId: created.data.id, version: 1, changedBy: anna.id, summary: `Ny insats: Praktik hos ${employer.name}, planerad 2026-08-01 – 2026-10-31` }),
    ]);
    // The plan exists for its history but has no goal yet: the page still says so.
    const [plan] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, person.id));
    expect(plan).toMatchObject({ version: 0, goalType: null });
    expect((await getPlan(anna, person.id, handle.db)).plan).toBeNull();

    const form = activityFormValues(created.data);
    const edited = await executeAction(updateActivityDef, { ...form, plannedEndDate: "2026-11-30", status: "pagaende", actualStartDate: "2026-08-03" }, anna, handle.db);
    if (!edited.ok) throw new Error(`edit failed: ${edited.code}`);
    const interrupted = await executeAction(
      updateActivityDef,
      { ...activityFormValues(edited.data.after), status: "avbruten", actualEndDate: "2026-09-15", interruptReason: "Fick anställning på annat håll" },
      anna,
      handle.db,
    );
    if (!interrupted.ok) throw new Error(`interrupt failed: ${interrupted.code}`);
    // A stale edit is a conflict and leaves nothing in the history.
    expect(await executeAction(updateActivityDef, { ...form, plannedEndDate: "2026-12-31" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });

    history = await planHistoryOf(handle.db, person.id);
    expect(history.map((h) => [h.kind, h.version, h.summary])).toEqual([
      ["activity", 3, `Praktik hos ${employer.name}: status pågående → avbruten; slutdatum 2026-11-30 → 2026-09-15; skäl till avbrott – → Fick anställning på annat håll`],
      ["activity", 2, `Praktik hos ${employer.name}: status planerad → pågående; startdatum 2026-08-01 → 2026-08-03; slutdatum 2026-10-31 → 2026-11-30`],
      ["activity", 1, `Ny insats: Praktik hos ${employer.name}, planerad 2026-08-01 – 2026-10-31`],
    ]);
    expect(history[0].snapshot).toMatchObject({ status: "avbruten", endDate: "2026-09-15", interruptReason: "Fick anställning på annat håll" });

    // The goal form opened before all this saves: activity changes are not goal changes.
    const goal = { participantId: person.id, version: goalFormVersion, goalType: "arbete", goalOccupation: "Kock", goalNote: "", reviewDate: "" };
    const saved = await executeAction(updatePlanGoalDef, goal, anna, handle.db);
    expect(saved).toMatchObject({ ok: true, data: { plan: { version: 1 }, summary: "Planen upprättades. Mål: – → arbete; Målyrke: – → Kock" } });
    await executeAction(createActivityDef, { participantId: person.id, status: "planerad", plannedStartDate: "2026-10-01", details: { type: "samhallsorientering" } }, anna, handle.db);
    expect(await executeAction(updatePlanGoalDef, { ...goal, version: 1, goalOccupation: "Kock eller bagare" }, anna, handle.db)).toMatchObject({ ok: true, data: { plan: { version: 2 } } });
    // A stale goal form is still a conflict: that one is meant.
    expect(await executeAction(updatePlanGoalDef, { ...goal, version: 1, goalOccupation: "Bagare" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });

    const page = await getPlan(anna, person.id, handle.db);
    expect(page.plan).toMatchObject({ version: 2, goalOccupation: "Kock eller bagare" });
    expect(page.revisions.map((r) => r.kind)).toEqual(["goal", "activity", "goal", "activity", "activity", "activity"]);
    expect(page.revisions[1].summary).toBe("Ny insats: Samhällsorientering, planerad 2026-10-01 – tills vidare");
    expect(page.revisions[0]).toMatchObject({ summary: "Målyrke: Kock → Kock eller bagare", changedByName: anna.name });

    // Stored in Swedish, every entry shows in English too.
    expect(page.revisions.map((r) => historyEntryText(r.kind, r.summary, "en"))).toEqual(
      [
        "Goal occupation: Kock → Kock eller bagare",
        "New activity: Civic orientation (samhällsorientering), planned 2026-10-01 – until further notice",
        "The plan was drawn up. Goal: – → work; Goal occupation: – → Kock",
        `Internship (praktik) at ${employer.name}: status ongoing → interrupted; end date 2026-11-30 → 2026-09-15; reason for interruption – → Fick anställning på annat håll`,
        `Internship (praktik) at ${employer.name}: status planned → ongoing; start date 2026-08-01 → 2026-08-03; end date 2026-10-31 → 2026-11-30`,
        `New activity: Internship (praktik) at ${employer.name}, planned 2026-08-01 – 2026-10-31`,
      ].map((text) => ({ text, lang: "en" })),
    );
  });
});
