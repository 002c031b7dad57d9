// Exit and 90-day outcome on a real database: the follow-up at exit + 90, refused before then,
// corrections kept, stale forms refused, another unit not found, the worklist stops asking; a
// corrected exit date moves the booked follow-up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, lte } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { getWorklist } from "@/lib/signals/queries";
import { addDays, todayIso } from "@/lib/dates";
import { auditLabels, describeAuditAction, describeAuditDetails } from "@/lib/audit/labels";
import { recordFollowupDef } from "@/lib/followups/commands";
import { correctExitDef, EXIT_FOLLOWUP_NOTE, exitFollowupDueDate, recordExitDef, recordOutcomeDef } from "./commands";
import { EXIT_IN_FUTURE } from "./schema";
import { getExitAndOutcome } from "./queries";

/** The whole worklist on one page. */
const ALL = Number.MAX_SAFE_INTEGER;

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let demoUser: (emailPrefix: string) => SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  demoUser = demo.userBy;
});
afterAll(async () => {
  await handle?.close();
});

describe("exit and outcome", () => {
  it("records an exit, books the 90-day follow-up, then the outcome from day 90 on", async () => {
    const [p] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd), lte(s.participants.programmeStart, "2026-01-01"))).limit(1);
    const exit = { participantId: p.id, version: p.version, programmeEnd: "2026-03-01", exitReason: "arbete" };
    expect(await executeAction(recordExitDef, { ...exit, programmeEnd: "2000-01-01" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    expect(await executeAction(recordExitDef, exit, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(recordExitDef, exit, anna, handle.db)).toMatchObject({ ok: true });
    expect(await executeAction(recordExitDef, exit, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const fus = await handle.db.select().from(s.followups).where(and(eq(s.followups.participantId, p.id), eq(s.followups.dueDate, "2026-05-30")));
    expect(fus.filter((f) => f.status === "planerad" && f.notes?.startsWith("Utfall 90 dagar"))).toHaveLength(1);
    expect((await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals.some((x) => x.participantId === p.id && x.key === "outcome_due")).toBe(true);

    const outcome = { participantId: p.id, status: "arbete", subsidized: "nej", recordedDate: "2026-05-29", source: "samtal", version: 0 };
    expect(await executeAction(recordOutcomeDef, outcome, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { recordedDate: ["Utfallet kan fastställas tidigast 2026-05-30 (90 dagar efter avslutet)."] } });
    const first = await executeAction(recordOutcomeDef, { ...outcome, recordedDate: "2026-05-30" }, anna, handle.db);
    expect(first).toMatchObject({ ok: true, data: { status: "arbete", subsidized: false, version: 1 } });
    expect((await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals.some((x) => x.participantId === p.id && x.key === "outcome_due")).toBe(false);

    // A correction keeps the earlier value; a form opened before it is stale.
    expect(await executeAction(recordOutcomeDef, { ...outcome, status: "studier", recordedDate: "2026-06-01", version: 1 }, anna, handle.db)).toMatchObject({ ok: true, data: { status: "studier", version: 2 } });
    expect(await executeAction(recordOutcomeDef, { ...outcome, status: "ovrigt", recordedDate: "2026-06-02", version: 1 }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const [o] = await handle.db.select().from(s.outcomes).where(eq(s.outcomes.participantId, p.id));
    const history = await handle.db.select().from(s.outcomeHistory).where(eq(s.outcomeHistory.outcomeId, o.id));
    expect(history.map((h) => h.status)).toEqual(["arbete"]);
  });

  it("refuses an outcome for someone still in the programme", async () => {
    const [p] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd))).limit(1);
    expect(await executeAction(recordOutcomeDef, { participantId: p.id, status: "arbete", subsidized: "", recordedDate: TODAY, source: "samtal", version: 0 }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("records the optional 12-month outcome from exit + 365 days, apart from the 90-day one, corrections kept", async () => {
    const [p] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd), lte(s.participants.programmeStart, "2025-01-01"))).limit(1);
    expect(await executeAction(recordExitDef, { participantId: p.id, version: p.version, programmeEnd: "2025-06-01", exitReason: "arbete" }, anna, handle.db)).toMatchObject({ ok: true });
    const m12 = { participantId: p.id, kind: "manad12", status: "arbete", subsidized: "ja", recordedDate: "2026-05-31", source: "arbetsformedlingen", version: 0 };
    // Exit + 364 days is refused; exit + 365 (2026-06-01) is the first day.
    expect(await executeAction(recordOutcomeDef, m12, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { recordedDate: ["Utfallet kan fastställas tidigast 2026-06-01 (12 månader efter avslutet)."] } });
    expect(await executeAction(recordOutcomeDef, { ...m12, kind: "manad6" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    expect(await executeAction(recordOutcomeDef, { ...m12, recordedDate: "2026-06-01" }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const first = await executeAction(recordOutcomeDef, { ...m12, recordedDate: "2026-06-01" }, anna, handle.db);
    expect(first).toMatchObject({ ok: true, data: { kind: "manad12", status: "arbete", subsidized: true, version: 1 } });
    // The 90-day outcome is its own record: version 0 still opens it, and the 12-month one stays.
    const d90 = await executeAction(recordOutcomeDef, { ...m12, kind: "dag90", status: "arbetssokande", subsidized: "", recordedDate: "2025-09-01" }, anna, handle.db);
    expect(d90).toMatchObject({ ok: true, data: { kind: "dag90", status: "arbetssokande", version: 1 } });
    // A correction of the 12-month outcome keeps the earlier value; a stale form is a conflict.
    expect(await executeAction(recordOutcomeDef, { ...m12, status: "arbete_och_studier", recordedDate: "2026-06-15", version: 1 }, anna, handle.db)).toMatchObject({ ok: true, data: { kind: "manad12", status: "arbete_och_studier", version: 2 } });
    expect(await executeAction(recordOutcomeDef, { ...m12, status: "ovrigt", recordedDate: "2026-06-16", version: 1 }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const view = await getExitAndOutcome(anna, p.id, handle.db);
    expect(view.outcome).toMatchObject({ kind: "dag90", status: "arbetssokande" });
    expect(view.history).toEqual([]);
    expect(view.month12.outcome).toMatchObject({ kind: "manad12", status: "arbete_och_studier", recordedDate: "2026-06-15" });
    expect(view.month12.history.map((h) => [h.status, h.recordedDate])).toEqual([["arbete", "2026-06-01"]]);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.participantId, p.id), eq(s.auditLog.entityType, "outcome"))).orderBy(s.auditLog.id);
    expect(audit.map((a) => [a.action, (a.details as { kind: string }).kind])).toEqual([["outcome.record", "manad12"], ["outcome.record", "dag90"], ["outcome.correct", "manad12"]]);
  });

  it("refuses an exit after today (Swedish time), next to the date, and accepts today", async () => {
    const [p] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd), lte(s.participants.programmeStart, "2026-01-01"))).limit(1);
    const exit = { participantId: p.id, version: p.version, exitReason: "arbete" };
    expect(await executeAction(recordExitDef, { ...exit, programmeEnd: addDays(todayIso(), 1) }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [EXIT_IN_FUTURE] } });
    expect(await executeAction(recordExitDef, { ...exit, programmeEnd: "2027-12-01" > todayIso() ? "2027-12-01" : "2099-12-01" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [EXIT_IN_FUTURE] } });
    const [still] = await handle.db.select().from(s.participants).where(eq(s.participants.id, p.id));
    expect(still.programmeEnd).toBeNull();
    expect(await executeAction(recordExitDef, { ...exit, programmeEnd: todayIso() }, anna, handle.db)).toMatchObject({ ok: true, data: { participant: { programmeEnd: todayIso() } } });
  });

  it("adds a missing exit reason to a recorded exit: audited as a participant change, and the worklist stops asking", async () => {
    const missing = (await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals.filter((x) => x.key === "missing_exit_reason");
    expect(missing.length).toBeGreaterThan(0);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.id, missing[0].participantId));
    expect(p.programmeEnd).not.toBeNull();
    expect(p.exitReason).toBeNull();
    const fix = { participantId: p.id, version: p.version, programmeEnd: p.programmeEnd!, exitReason: "studier" };
    // Server-side validation: a reason from the list, an exit not in the future nor before the programme began.
    expect(await executeAction(correctExitDef, { ...fix, exitReason: "" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { exitReason: ["Välj orsak."] } });
    expect(await executeAction(correctExitDef, { ...fix, programmeEnd: addDays(todayIso(), 1) }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [EXIT_IN_FUTURE] } });
    expect(await executeAction(correctExitDef, { ...fix, programmeEnd: "1990-01-01" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [expect.stringMatching(/^Avslutet kan inte vara före/)] } });
    // Another unit's coordinator does not find the person; a stale form is a conflict.
    expect(await executeAction(correctExitDef, fix, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(correctExitDef, { ...fix, version: p.version + 5 }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });

    const r = await executeAction(correctExitDef, fix, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { participant: { exitReason: "studier", programmeEnd: p.programmeEnd, version: p.version + 1 }, changed: ["exitReason"] } });
    const signals = (await getWorklist(anna, TODAY, { pageSize: ALL }, handle.db)).signals;
    expect(signals.some((x) => x.participantId === p.id && x.key === "missing_exit_reason")).toBe(false);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.participantId, p.id), eq(s.auditLog.action, "participant.update")));
    expect(audit.map((a) => a.details)).toEqual([{ changed: ["exitReason"], version: p.version + 1 }]);
    // The old version is now stale too; the date can be corrected on the new one.
    expect(await executeAction(correctExitDef, fix, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    const earlier = addDays(p.programmeEnd!, -1) >= (p.programmeStart ?? p.receptionDate) ? addDays(p.programmeEnd!, -1) : p.programmeEnd!;
    const again = await executeAction(correctExitDef, { ...fix, version: p.version + 1, programmeEnd: earlier, exitReason: "arbete" }, anna, handle.db);
    expect(again).toMatchObject({ ok: true, data: { participant: { exitReason: "arbete", programmeEnd: earlier, version: p.version + 2 } } });
  });

  it("corrects only a recorded exit, and not to a date that makes a recorded outcome too early", async () => {
    const [open] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd))).limit(1);
    expect(await executeAction(correctExitDef, { participantId: open.id, version: open.version, programmeEnd: "2026-01-01", exitReason: "arbete" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    const [p] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd), lte(s.participants.programmeStart, "2025-06-01"))).limit(1);
    const exit = await executeAction(recordExitDef, { participantId: p.id, version: p.version, programmeEnd: "2025-08-01", exitReason: "arbete" }, anna, handle.db);
    if (!exit.ok) throw new Error(JSON.stringify(exit));
    expect(await executeAction(recordOutcomeDef, { participantId: p.id, status: "arbete", subsidized: "", recordedDate: "2025-11-01", source: "samtal", version: 0 }, anna, handle.db)).toMatchObject({ ok: true });
    // 2025-08-15 + 90 days is 2025-11-13, after the outcome's 2025-11-01.
    const later = await executeAction(correctExitDef, { participantId: p.id, version: exit.data.participant.version, programmeEnd: "2025-08-15", exitReason: "arbete" }, anna, handle.db);
    expect(later).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [expect.stringContaining("2025-11-13")] } });
    expect(await executeAction(correctExitDef, { participantId: p.id, version: exit.data.participant.version, programmeEnd: "2025-07-15", exitReason: "arbete" }, anna, handle.db)).toMatchObject({ ok: true, data: { changed: ["programmeEnd"] } });
  });
});

describe("a corrected exit date moves the booked 90-day follow-up", () => {
  /** Someone of Anna's unit still in the programme, exited on `end`; the follow-up booked at exit. */
  async function exited(end: string) {
    const [p] = await handle.db
      .select()
      .from(s.participants)
      .where(and(eq(s.participants.unitId, anna.unitId!), isNull(s.participants.programmeEnd), lte(s.participants.programmeStart, "2025-01-01")))
      .limit(1);
    const r = await executeAction(recordExitDef, { participantId: p.id, version: p.version, programmeEnd: end, exitReason: "arbete" }, anna, handle.db);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [followup] = await handle.db.select().from(s.followups).where(eq(s.followups.id, r.data.followupId));
    expect(followup).toMatchObject({ dueDate: addDays(end, 90), status: "planerad", notes: EXIT_FOLLOWUP_NOTE });
    return { participant: r.data.participant, followup };
  }
  const followupOf = async (id: string) => (await handle.db.select().from(s.followups).where(eq(s.followups.id, id)))[0];
  const auditOf = async (participantId: string) =>
    (await handle.db.select().from(s.auditLog).where(eq(s.auditLog.participantId, participantId)).orderBy(s.auditLog.id)).map((a) => [a.action, a.entityId, a.details]);

  it("moves the open follow-up on the old exit + 90 days to the new one, audited with why, in words", async () => {
    const { participant: p, followup } = await exited("2025-08-01");
    // Another follow-up on the same day, booked by hand, is not the exit's and stays.
    const [other] = await handle.db.insert(s.followups).values({ municipalityId: p.municipalityId, participantId: p.id, type: "uppfoljning", dueDate: followup.dueDate, responsibleUserId: anna.id }).returning();
    const r = await executeAction(correctExitDef, { participantId: p.id, version: p.version, programmeEnd: "2025-07-15", exitReason: "arbete" }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { changed: ["programmeEnd"], movedFollowups: [{ id: followup.id, from: "2025-10-30", to: "2025-10-13" }], keptFollowups: 0 } });
    expect(exitFollowupDueDate("2025-07-15")).toBe("2025-10-13");
    expect(await followupOf(followup.id)).toMatchObject({ dueDate: "2025-10-13", status: "planerad", version: followup.version + 1 });
    expect(await followupOf(other.id)).toMatchObject({ dueDate: "2025-10-30", version: 1 });
    // The exit's entries, then the correction's: the participant's change, the follow-up's move.
    expect((await auditOf(p.id)).slice(-2)).toEqual([
      ["participant.update", p.id, { changed: ["programmeEnd"], version: p.version + 1 }],
      ["followup.reschedule", followup.id, { from: "2025-10-30", to: "2025-10-13", by: "exit.correct" }],
    ]);
    expect(describeAuditDetails({ from: "2025-10-30", to: "2025-10-13", by: "exit.correct" }, auditLabels.sv, "followup.reschedule")).toEqual([
      ["datum", "2025-10-30 → 2025-10-13"],
      ["till följd av", "rättat datum för avslutet"],
    ]);
    expect(describeAuditAction("followup.reschedule", auditLabels.sv)).toBe("Flyttade en uppföljning");

    // Only the reason corrected: nothing moves, nothing more audited about follow-ups.
    const reason = await executeAction(correctExitDef, { participantId: p.id, version: p.version + 1, programmeEnd: "2025-07-15", exitReason: "studier" }, anna, handle.db);
    expect(reason).toMatchObject({ ok: true, data: { changed: ["exitReason"], movedFollowups: [], keptFollowups: 0 } });
    expect(await followupOf(followup.id)).toMatchObject({ dueDate: "2025-10-13", version: followup.version + 1 });
    expect((await auditOf(p.id)).filter(([a]) => a === "followup.reschedule")).toHaveLength(1);
  });

  it("leaves a follow-up that was held, or moved by hand to another day, where it is", async () => {
    const held = await exited("2025-06-02");
    expect(
      await executeAction(recordFollowupDef, { followupId: held.followup.id, version: held.followup.version, heldDate: "2025-09-01", attendees: "Deltagaren och koordinatorn", scheduleNext: false }, anna, handle.db),
    ).toMatchObject({ ok: true });
    const afterHeld = await followupOf(held.followup.id);
    const r = await executeAction(correctExitDef, { participantId: held.participant.id, version: held.participant.version, programmeEnd: "2025-05-20", exitReason: "arbete" }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { changed: ["programmeEnd"], movedFollowups: [], keptFollowups: 0 } });
    expect(await followupOf(held.followup.id)).toEqual(afterHeld);
    expect((await auditOf(held.participant.id)).filter(([a]) => a === "followup.reschedule")).toEqual([]);

    // Moved by hand (the coordinator agreed another day): open, but not on the old exit + 90 days.
    const moved = await exited("2025-06-03");
    await handle.db.update(s.followups).set({ dueDate: "2025-09-15" }).where(eq(s.followups.id, moved.followup.id));
    const m = await executeAction(correctExitDef, { participantId: moved.participant.id, version: moved.participant.version, programmeEnd: "2025-05-21", exitReason: "arbete" }, anna, handle.db);
    expect(m).toMatchObject({ ok: true, data: { movedFollowups: [], keptFollowups: 1 } });
    expect(await followupOf(moved.followup.id)).toMatchObject({ dueDate: "2025-09-15", version: moved.followup.version });
    expect((await auditOf(moved.participant.id)).filter(([a]) => a === "followup.reschedule")).toEqual([]);
  });

  it("moves nothing when the correction is refused: a stale form, another unit, a role without the permission, an outcome it would make too early", async () => {
    const { participant: p, followup } = await exited("2025-04-01");
    const fix = { participantId: p.id, version: p.version, programmeEnd: "2025-03-20", exitReason: "arbete" };
    expect(await executeAction(correctExitDef, { ...fix, version: p.version - 1 }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    expect(await executeAction(correctExitDef, fix, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    for (const who of ["lena", "karin", "admin"]) expect(await executeAction(correctExitDef, fix, demoUser(who), handle.db), who).toMatchObject({ ok: false, code: "not_found" });
    // An outcome recorded on 2025-07-01 (the old exit + 91 days) is before the new date's + 90.
    expect(await executeAction(recordOutcomeDef, { participantId: p.id, status: "arbete", subsidized: "", recordedDate: "2025-07-01", source: "samtal", version: 0 }, anna, handle.db)).toMatchObject({ ok: true });
    expect(await executeAction(correctExitDef, { ...fix, programmeEnd: "2025-04-10" }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    expect(await followupOf(followup.id)).toEqual(followup);
    expect((await auditOf(p.id)).filter(([a]) => a === "followup.reschedule" || a === "participant.update")).toEqual([]);
    // The same correction, current and allowed, moves it; a second with the old version is stale and moves nothing more.
    expect(await executeAction(correctExitDef, fix, anna, handle.db)).toMatchObject({ ok: true, data: { movedFollowups: [{ id: followup.id, to: "2025-06-18" }] } });
    expect(await executeAction(correctExitDef, { ...fix, programmeEnd: "2025-03-19" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    expect(await followupOf(followup.id)).toMatchObject({ dueDate: "2025-06-18", version: followup.version + 1 });
  });
});
