// Follow-ups on a real database: recording books the next, a stale form is a conflict, another
// unit gets not found, and the overdue signal goes away.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { getWorklist } from "@/lib/signals/queries";
import { addDays, todayIso } from "@/lib/dates";
import { bookThreePartyDef, recordFollowupDef, scheduleFollowupDef } from "./commands";
import { planHistoryOf } from "@/lib/plans/testing";
import { listFollowups } from "./queries";
import { HELD_IN_FUTURE, recordFollowupSchema } from "./schema";

/** The whole worklist on one page. */
const ALL = Number.MAX_SAFE_INTEGER;

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
});
afterAll(async () => {
  await handle?.close();
});

describe("follow-up commands", () => {
  it("validate: attendees required, the next one after this one", () => {
    const r = recordFollowupSchema.safeParse({ followupId: "00000000-0000-4000-8000-000000000000", version: 1, heldDate: TODAY, attendees: "", scheduleNext: true, nextDueDate: "2026-06-01" });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["attendees", "nextDueDate"]));
  });

  it("validate: a meeting recorded as held took place today (Swedish time) or earlier", () => {
    const base = { followupId: "00000000-0000-4000-8000-000000000000", version: 1, attendees: "Deltagaren, koordinator", scheduleNext: false };
    const tomorrow = recordFollowupSchema.safeParse({ ...base, heldDate: addDays(todayIso(), 1) });
    expect(tomorrow.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["heldDate", HELD_IN_FUTURE]]);
    expect(recordFollowupSchema.safeParse({ ...base, heldDate: "2099-05-01" }).success).toBe(false);
    expect(recordFollowupSchema.safeParse({ ...base, heldDate: todayIso() }).success).toBe(true);
    expect(recordFollowupSchema.safeParse({ ...base, heldDate: addDays(todayIso(), -3) }).success).toBe(true);
  });

  it("record an overdue follow-up, book the next, and the worklist stops signalling it", async () => {
    const signals = (await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals;
    const overdue = signals.find((x) => x.key === "followup_overdue")!;
    const [f] = await handle.db.select().from(s.followups).where(and(eq(s.followups.participantId, overdue.participantId), eq(s.followups.status, "planerad"))).orderBy(s.followups.dueDate).limit(1);
    const input = { followupId: f.id, version: f.version, heldDate: TODAY, attendees: "Deltagaren, koordinator", notes: "Praktiken fungerar bra.", nextSteps: "Fråga om förlängning", scheduleNext: true, nextDueDate: "2026-07-28" };
    expect(await executeAction(recordFollowupDef, input, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const ok = await executeAction(recordFollowupDef, input, anna, handle.db);
    expect(ok).toMatchObject({ ok: true });
    // The same form again is stale: a conflict, nothing overwritten.
    expect(await executeAction(recordFollowupDef, { ...input, notes: "Annat" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const [held] = await handle.db.select().from(s.followups).where(eq(s.followups.id, f.id));
    expect(held).toMatchObject({ status: "genomford", notes: "Praktiken fungerar bra." });
    const after = (await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals;
    const stillOverdue = await handle.db.select().from(s.followups).where(and(eq(s.followups.participantId, overdue.participantId), eq(s.followups.status, "planerad")));
    if (!stillOverdue.some((x) => x.dueDate < TODAY)) expect(after.some((x) => x.participantId === overdue.participantId && x.key === "followup_overdue")).toBe(false);
    expect(stillOverdue.some((x) => x.dueDate === "2026-07-28")).toBe(true);
  });

  it("book a follow-up for one's own unit only", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    expect(await executeAction(scheduleFollowupDef, { participantId: p.id, type: "trepartssamtal", dueDate: "2026-07-15" }, anna, handle.db)).toMatchObject({ ok: true });
    expect(await executeAction(scheduleFollowupDef, { participantId: p.id, type: "trepartssamtal", dueDate: "2026-07-15" }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("records a follow-up that adds a planned activity to the plan, audited as activity.create", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    const booked = await executeAction(scheduleFollowupDef, { participantId: p.id, type: "uppfoljning", dueDate: TODAY }, anna, handle.db);
    if (!booked.ok) throw new Error("not booked");
    const base = { followupId: booked.data.id, version: 1, heldDate: TODAY, attendees: "Deltagaren, koordinator", scheduleNext: false, addActivity: true };
    // Without type or start: refused next to the fields, nothing recorded.
    const bad = await executeAction(recordFollowupDef, { ...base, activityType: "", activityStart: "2026-06-01", activityEnd: "2026-05-01" }, anna, handle.db);
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(bad.ok ? {} : bad.fieldErrors!).sort()).toEqual(["activityEnd", "activityStart", "activityType"]);
    const before = await handle.db.select().from(s.activities).where(eq(s.activities.participantId, p.id));
    const ok = await executeAction(recordFollowupDef, { ...base, activityType: "praktik", activityStart: "2026-08-03", activityEnd: "2026-09-25", activityProvider: "Bageriet i Centrum" }, anna, handle.db);
    expect(ok).toMatchObject({ ok: true, data: { next: null, activity: { type: "praktik", status: "planerad", startDate: "2026-08-03", plannedStartDate: "2026-08-03", endDate: "2026-09-25", provider: "Bageriet i Centrum" } } });
    const after = await handle.db.select().from(s.activities).where(eq(s.activities.participantId, p.id));
    expect(after.length).toBe(before.length + 1);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.participantId, p.id), eq(s.auditLog.action, "activity.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: anna.id, entityType: "activity", entityId: ok.ok ? ok.data.activity!.id : "" });
    // And in the plan's history, saying where it came from.
    const [revision] = await planHistoryOf(handle.db, p.id);
    expect(revision).toMatchObject({ kind: "activity", activityId: ok.ok ? ok.data.activity!.id : "", changedBy: anna.id, summary: `Ny insats: Praktik hos Bageriet i Centrum, planerad 2026-08-03 – 2026-09-25 (från uppföljningen ${TODAY})` });
    // Without the box ticked, no activity is made even if fields are filled.
    const b2 = await executeAction(scheduleFollowupDef, { participantId: p.id, type: "uppfoljning", dueDate: TODAY }, anna, handle.db);
    const r2 = await executeAction(recordFollowupDef, { ...base, followupId: b2.ok ? b2.data.id : "", addActivity: false, activityType: "sfi", activityStart: "2026-08-03" }, anna, handle.db);
    expect(r2).toMatchObject({ ok: true, data: { activity: null } });
    expect((await handle.db.select().from(s.activities).where(eq(s.activities.participantId, p.id))).length).toBe(after.length);
  });

  it("books a praktik's proposed three-party meeting once, scoped to the unit", async () => {
    // The booking checks the proposal against the real today, so the praktik is placed from it.
    const today = todayIso();
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1).offset(1);
    const [a] = await handle.db
      .insert(s.activities)
      .values({ municipalityId: p.municipalityId, participantId: p.id, type: "praktik", status: "planerad", startDate: addDays(today, 10), endDate: addDays(today, 50), provider: "Verkstaden" })
      .returning();
    const mid = addDays(today, 30);
    const proposals = (await listFollowups(anna, p.id, handle.db, today)).proposals.filter((x) => x.activityId === a.id);
    expect(proposals.map((x) => [x.moment, x.dueDate])).toEqual([["mitt", mid], ["slut", addDays(today, 50)]]);
    expect(proposals[0].praktik).toEqual({ startDate: addDays(today, 10), endDate: addDays(today, 50), where: "Verkstaden" });

    expect(await executeAction(bookThreePartyDef, { activityId: a.id, moment: "mitt" }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const ok = await executeAction(bookThreePartyDef, { activityId: a.id, moment: "mitt" }, anna, handle.db);
    expect(ok).toMatchObject({ ok: true, data: { type: "trepartssamtal", dueDate: mid, activityId: a.id, status: "planerad", responsibleUserId: anna.id } });
    // A second click (or another coordinator's stale page) books nothing more.
    expect(await executeAction(bookThreePartyDef, { activityId: a.id, moment: "mitt" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const after = (await listFollowups(anna, p.id, handle.db, today)).proposals.filter((x) => x.activityId === a.id);
    expect(after.map((x) => x.moment)).toEqual(["slut"]);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.entityId, ok.ok ? ok.data.id : ""), eq(s.auditLog.action, "followup.schedule")));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ moment: "mitt", dueDate: mid, activityId: a.id });
    expect(await executeAction(bookThreePartyDef, { activityId: "00000000-0000-4000-8000-000000000000", moment: "mitt" }, anna, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });
});
