// Plan commands on a real database: activities of each type validated by their details, dates
// checked against each other and the person's birth, another unit's coordinator gets not found,
// a stale form is a conflict with the saved version, and goal revisions are all kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { createActivityDef, updateActivityDef, updatePlanGoalDef } from "./commands";
import { describeGoalChange } from "./history-text";
import { activityFormValues } from "./form";
import { getPlan } from "./queries";
import { createActivitySchema, REVIEW_DATE_PAST } from "./schema";
import { addDays, todayIso } from "@/lib/dates";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let participant: typeof s.participants.$inferSelect;
let employerId: string;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  [participant] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
  [{ id: employerId }] = await handle.db.select({ id: s.employers.id }).from(s.employers).where(eq(s.employers.municipalityId, anna.municipalityId)).limit(1);
});
afterAll(async () => {
  await handle?.close();
});

const base = () => ({ participantId: participant.id, status: "planerad", plannedStartDate: "2026-08-01", plannedEndDate: "2026-10-31", hoursPerWeek: "15" });

describe("activity schema", () => {
  it("validates the details of each type and the dates against each other", () => {
    const paths = (input: object) => {
      const r = createActivitySchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ ...base(), details: { type: "sfi", studyPath: "4", course: "E" } })).toEqual(["details.studyPath", "details.course"]);
    expect(paths({ ...base(), plannedEndDate: "2026-07-01", status: "avbruten", actualStartDate: "2026-08-01", actualEndDate: "2026-07-15", details: { type: "sfi" } })).toEqual(
      expect.arrayContaining(["plannedEndDate", "actualEndDate", "interruptReason"]),
    );
    expect(createActivitySchema.safeParse({ ...base(), details: { type: "extratjanst", extentPercent: "120" } }).success).toBe(false);
    expect(createActivitySchema.safeParse({ ...base(), details: { type: "okand" } }).success).toBe(false);
    expect(createActivitySchema.safeParse({ ...base(), status: "pagaende", details: { type: "annan" } }).success).toBe(false);
    const ok = createActivitySchema.safeParse({ ...base(), details: { type: "halsoundersokning", healthStatus: "bokad", bookedDate: "2026-08-01", diagnosis: "x" } });
    expect(ok.success).toBe(true);
    // Health examinations carry status and dates only: anything else is dropped.
    expect(ok.success && "diagnosis" in ok.data.details).toBe(false);
  });
});

describe("activity commands", () => {
  it("adds an sfi and a praktik at an employer; another unit gets not found", async () => {
    const sfi = { ...base(), details: { type: "sfi", school: "Lärcentrum", studyPath: "2", course: "B" } };
    expect(await executeAction(createActivityDef, sfi, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const r = await executeAction(createActivityDef, sfi, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { type: "sfi", status: "planerad", startDate: "2026-08-01", plannedStartDate: "2026-08-01", details: { school: "Lärcentrum", studyPath: 2, course: "B" }, responsibleUserId: anna.id } });
    const praktik = { ...base(), details: { type: "praktik", employerId, workplace: "Köket", supervisor: "Eva", occupation: "Kock" } };
    const p = await executeAction(createActivityDef, praktik, anna, handle.db);
    expect(p).toMatchObject({ ok: true, data: { type: "praktik", employerId, details: { workplace: "Köket", supervisor: "Eva", occupation: "Kock" } } });
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "activity.create"), eq(s.auditLog.participantId, participant.id)));
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const plan = await getPlan(anna, participant.id, handle.db);
    expect(plan.activities.filter((a) => a.startDate === "2026-08-01").map((a) => a.type).sort()).toEqual(["praktik", "sfi"]);
  });

  it("refuses dates before birth and an employer of another municipality, next to the field", async () => {
    const early = await executeAction(createActivityDef, { ...base(), plannedStartDate: "1900-01-01", plannedEndDate: "", details: { type: "annan" } }, anna, handle.db);
    expect(early).toMatchObject({ ok: false, code: "invalid", fieldErrors: { plannedStartDate: ["Datumet är före personens födelsedatum."] } });
    const foreign = await executeAction(createActivityDef, { ...base(), details: { type: "praktik", employerId: "00000000-0000-4000-8000-000000000000" } }, anna, handle.db);
    expect(foreign).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "details.employerId": expect.any(Array) } });
    // A real employer, but the neighbouring municipality's: the id alone is not enough.
    const [m2] = await handle.db.insert(s.municipalities).values({ code: "9299", name: "Grannkommunen" }).returning();
    const [theirs] = await handle.db.insert(s.employers).values({ municipalityId: m2.id, orgNr: "559999-0001", name: "Grannens AB" }).returning();
    const neighbour = await executeAction(createActivityDef, { ...base(), details: { type: "anstallning", employerId: theirs.id } }, anna, handle.db);
    expect(neighbour).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "details.employerId": ["Välj en registrerad arbetsgivare."] } });
  });

  it("edits with the version: a stale form is a conflict showing the saved version", async () => {
    const created = await executeAction(createActivityDef, { ...base(), details: { type: "validering", subject: "Svets" } }, anna, handle.db);
    if (!created.ok) throw new Error("create failed");
    const form = activityFormValues(created.data);
    const started = { ...form, status: "pagaende", actualStartDate: "2026-08-03", details: { type: "validering", subject: "Svets", route: "Branschvalidering" } };
    expect(await executeAction(updateActivityDef, started, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const first = await executeAction(updateActivityDef, started, anna, handle.db);
    expect(first).toMatchObject({ ok: true, data: { after: { status: "pagaende", startDate: "2026-08-03", plannedStartDate: "2026-08-01", version: 2 } } });
    // The same (now stale) form again: nothing overwritten, the saved version comes back.
    const stale = await executeAction(updateActivityDef, { ...form, status: "avbruten", actualStartDate: "2026-08-03", actualEndDate: "2026-08-10", interruptReason: "Flyttade" }, anna, handle.db);
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { version: 2, status: "pagaende", details: { route: "Branschvalidering" } } });
    const [row] = await handle.db.select().from(s.activities).where(eq(s.activities.id, created.data.id));
    expect(row).toMatchObject({ status: "pagaende", version: 2, interruptReason: null });
    // Details the form does not know are kept through an edit of the same type.
    await handle.db.update(s.activities).set({ details: { ...row.details, groupId: "g-1" } }).where(eq(s.activities.id, row.id));
    const ended = await executeAction(updateActivityDef, { ...activityFormValues(row), status: "avbruten", actualEndDate: "2026-08-10", interruptReason: "Flyttade" }, anna, handle.db);
    expect(ended).toMatchObject({ ok: true, data: { after: { status: "avbruten", endDate: "2026-08-10", interruptReason: "Flyttade", version: 3, details: { subject: "Svets", route: "Branschvalidering", groupId: "g-1" } } } });
  });
});

describe("plan goal", () => {
  it("keeps every revision with who and what changed; a stale goal form is a conflict", async () => {
    const [existing] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, participant.id));
    const input = { participantId: participant.id, version: existing.version, goalType: "studier", goalOccupation: "Sjuksköterska", reviewDate: addDays(todayIso(), 60) };
    expect(await executeAction(updatePlanGoalDef, input, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const r = await executeAction(updatePlanGoalDef, input, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { plan: { goalType: "studier", goalOccupation: "Sjuksköterska", version: existing.version + 1 } } });
    expect(await executeAction(updatePlanGoalDef, { ...input, goalOccupation: "Läkare" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict", current: { goalOccupation: "Sjuksköterska" } });
    const plan = await getPlan(anna, participant.id, handle.db);
    expect(plan.revisions.length).toBeGreaterThanOrEqual(2);
    expect(plan.revisions[0]).toMatchObject({ version: existing.version + 1, changedByName: expect.any(String) });
    expect(plan.revisions[0].summary).toContain("Målyrke: " + (existing.goalOccupation ?? "–") + " → Sjuksköterska");
    const [audit] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "plan.update"), eq(s.auditLog.participantId, participant.id)));
    expect(audit).toBeTruthy();
  });

  it("takes a new next review today or later; a stored one that has passed can stay", async () => {
    const [before] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, participant.id));
    const input = { participantId: participant.id, version: before.version, goalType: "arbete", goalOccupation: "Undersköterska", goalNote: "" };
    for (const reviewDate of [addDays(todayIso(), -1), "2020-01-01"]) {
      expect(await executeAction(updatePlanGoalDef, { ...input, reviewDate }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reviewDate: [REVIEW_DATE_PAST] } });
    }
    const [unchanged] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, participant.id));
    expect(unchanged.version).toBe(before.version);
    expect(await executeAction(updatePlanGoalDef, { ...input, reviewDate: todayIso() }, anna, handle.db)).toMatchObject({ ok: true, data: { plan: { reviewDate: todayIso(), version: before.version + 1 } } });
    // A review date that has passed since it was set is kept when the rest of the goal is saved.
    await handle.db.update(s.plans).set({ reviewDate: "2026-01-15" }).where(eq(s.plans.participantId, participant.id));
    expect(await executeAction(updatePlanGoalDef, { ...input, version: before.version + 1, goalOccupation: "Barnskötare", reviewDate: "2026-01-15" }, anna, handle.db)).toMatchObject({ ok: true, data: { plan: { reviewDate: "2026-01-15", goalOccupation: "Barnskötare" } } });
    // Emptying it is always possible.
    expect(await executeAction(updatePlanGoalDef, { ...input, version: before.version + 2, reviewDate: "" }, anna, handle.db)).toMatchObject({ ok: true, data: { plan: { reviewDate: null } } });
  });

  it("describes a change in plain words", () => {
    expect(describeGoalChange({ goalType: "arbete", goalOccupation: "Kock", goalNote: null, reviewDate: null }, { goalType: "arbete", goalOccupation: "Bagare", goalNote: null, reviewDate: "2026-09-01" })).toBe("Målyrke: Kock → Bagare; Nästa översyn: – → 2026-09-01");
    expect(describeGoalChange(null, { goalType: "arbete", goalOccupation: "Kock", goalNote: null, reviewDate: null })).toBe("Planen upprättades. Mål: – → arbete; Målyrke: – → Kock");
  });
});
