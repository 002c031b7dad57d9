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
import { recordFollowupDef, scheduleFollowupDef } from "./commands";
import { recordFollowupSchema } from "./schema";

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

  it("record an overdue follow-up, book the next, and the worklist stops signalling it", async () => {
    const signals = await getWorklist(anna, TODAY, {}, handle.db);
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
    const after = await getWorklist(anna, TODAY, {}, handle.db);
    const stillOverdue = await handle.db.select().from(s.followups).where(and(eq(s.followups.participantId, overdue.participantId), eq(s.followups.status, "planerad")));
    if (!stillOverdue.some((x) => x.dueDate < TODAY)) expect(after.some((x) => x.participantId === overdue.participantId && x.key === "followup_overdue")).toBe(false);
    expect(stillOverdue.some((x) => x.dueDate === "2026-07-28")).toBe(true);
  });

  it("book a follow-up for one's own unit only", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    expect(await executeAction(scheduleFollowupDef, { participantId: p.id, type: "trepartssamtal", dueDate: "2026-07-15" }, anna, handle.db)).toMatchObject({ ok: true });
    expect(await executeAction(scheduleFollowupDef, { participantId: p.id, type: "trepartssamtal", dueDate: "2026-07-15" }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });
});
