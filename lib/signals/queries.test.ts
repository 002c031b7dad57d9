// The worklist on a real database: only the coordinator's unit, signals computed from the data,
// and a snooze (audited) hides a signal until its date.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { snoozeSignalDef } from "./commands";
import { getWorklist, participantFacts } from "./queries";

const AS_OF = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(AS_OF);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
});
afterAll(async () => {
  await handle?.close();
});

describe("getWorklist", () => {
  it("shows signals of the coordinator's own unit only, own participants first", async () => {
    const signals = await getWorklist(anna, AS_OF, {}, handle.db);
    expect(signals.length).toBeGreaterThan(0);
    const own = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.unitId, anna.unitId!));
    const ownIds = new Set(own.map((p) => p.id));
    for (const sig of signals) expect(ownIds.has(sig.participantId)).toBe(true);
    const firstOther = signals.findIndex((x) => x.coordinatorId !== anna.id);
    if (firstOther >= 0) expect(signals.slice(firstOther).every((x) => x.coordinatorId !== anna.id)).toBe(true);
  });
  it("finds the overdue follow-ups the data holds", async () => {
    const facts = await participantFacts(anna, AS_OF, handle.db);
    const overdue = facts.filter((f) => f.overdueFollowupDue !== null).length;
    const signals = await getWorklist(anna, AS_OF, {}, handle.db);
    expect(signals.filter((x) => x.key === "followup_overdue").length).toBe(overdue);
  });
  it("my participants only: the unit's signals of the coordinator's own people, for each coordinator and day", async () => {
    for (const asOf of [AS_OF, "2026-07-11"]) {
      const unit = await getWorklist(anna, asOf, {}, handle.db);
      const mine = await getWorklist(anna, asOf, { onlyMine: true }, handle.db);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((x) => `${x.participantId}:${x.key}`)).toEqual(unit.filter((x) => x.coordinatorId === anna.id).map((x) => `${x.participantId}:${x.key}`));
      // The same statement with another coordinator's values: theirs, not Anna's.
      const samiras = await getWorklist(samira, asOf, { onlyMine: true }, handle.db);
      expect(samiras.every((x) => x.coordinatorId === samira.id)).toBe(true);
    }
  });
  it("refuses roles without a worklist", async () => {
    await expect(getWorklist({ ...anna, role: "manager" }, AS_OF, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
  it("hides a snoozed signal until its date, and the snooze is audited; another unit cannot snooze", async () => {
    const before = await getWorklist(anna, AS_OF, {}, handle.db);
    const [first] = before;
    const input = { participantId: first.participantId, signalKey: first.key, until: "2026-07-10", reason: "Väntar på besked från AF" };
    expect(await executeAction(snoozeSignalDef, input, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(snoozeSignalDef, input, anna, handle.db)).toMatchObject({ ok: true });
    const after = await getWorklist(anna, AS_OF, {}, handle.db);
    expect(after.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    // Only that signal waits: the person's other signals stay, in both views, through the snooze's last day.
    const others = before.filter((x) => x.participantId === first.participantId && x.key !== first.key).map((x) => x.key);
    expect(after.filter((x) => x.participantId === first.participantId).map((x) => x.key)).toEqual(others);
    const mine = await getWorklist(anna, AS_OF, { onlyMine: true }, handle.db);
    expect(mine.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    const lastDay = await getWorklist(anna, "2026-07-10", {}, handle.db);
    expect(lastDay.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    const later = await getWorklist(anna, "2026-07-11", {}, handle.db);
    expect(later.some((x) => x.participantId === first.participantId && x.key === first.key) || first.key === "followup_due").toBe(true);
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "signal.snooze"));
    expect(audit).toHaveLength(1);
  });
});
