// The worklist on a real database: only the coordinator's unit, signals computed from the data,
// a page at a time, and a snooze (audited) hides a signal until its date.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { FOLLOWUP_TYPES } from "@/db/schema/enums";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { snoozeSignalDef } from "./commands";
import { SNOOZE_NOT_AFTER_TODAY, snoozeSchema } from "./schema";
import { getWorklist, participantFacts } from "./queries";

/** The whole worklist on one page. */
const ALL = Number.MAX_SAFE_INTEGER;

const AS_OF = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let jonas: SessionUser;

/** Runs `fn` with the clock at `instant` (only Date is faked: the database's timers run on). */
async function at<T>(instant: string, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(instant));
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  const demo = await createDemoTestDb(AS_OF);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  jonas = demo.userBy("jonas");
});
afterAll(async () => {
  await handle?.close();
});

describe("getWorklist", () => {
  it("shows signals of the coordinator's own unit only, own participants first", async () => {
    const signals = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
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
    const signals = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    expect(signals.filter((x) => x.key === "followup_overdue").length).toBe(overdue);
  });
  it("my participants only: the unit's signals of the coordinator's own people, for each coordinator and day", async () => {
    for (const asOf of [AS_OF, "2026-07-11"]) {
      const unit = (await getWorklist(anna, asOf, { pageSize: ALL }, handle.db)).signals;
      const mine = (await getWorklist(anna, asOf, { onlyMine: true, pageSize: ALL }, handle.db)).signals;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((x) => `${x.participantId}:${x.key}`)).toEqual(unit.filter((x) => x.coordinatorId === anna.id).map((x) => `${x.participantId}:${x.key}`));
      // The same statement with another coordinator's values: theirs, not Anna's.
      const samiras = (await getWorklist(samira, asOf, { onlyMine: true, pageSize: ALL }, handle.db)).signals;
      expect(samiras.every((x) => x.coordinatorId === samira.id)).toBe(true);
    }
  });
  it("comes a page at a time, in the order of the whole list, and audits as read only the page", async () => {
    const whole = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    expect(whole.length).toBeGreaterThan(4);
    const key = (x: { participantId: string; key: string }) => `${x.participantId}:${x.key}`;
    const first = await getWorklist(anna, AS_OF, { pageSize: 3 }, handle.db);
    expect(first).toMatchObject({ total: whole.length, page: 1, pages: Math.ceil(whole.length / 3), pageSize: 3 });
    expect(first.signals.map(key)).toEqual(whole.slice(0, 3).map(key));
    const auditedBefore = await handle.db.select({ id: s.auditLog.id }).from(s.auditLog);
    const second = await getWorklist(anna, AS_OF, { pageSize: 3, page: 2 }, handle.db);
    expect(second.signals.map(key)).toEqual(whole.slice(3, 6).map(key));
    const [entry] = (await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "participant.list"))).filter((e) => !auditedBefore.some((b) => b.id === e.id));
    expect(new Set((entry.details as { ids: string[] }).ids)).toEqual(new Set(whole.slice(3, 6).map((x) => x.participantId)));
    // A page past the last (the list got shorter since the link was made) shows the last; nonsense shows the first.
    const last = await getWorklist(anna, AS_OF, { pageSize: 3, page: 10_000 }, handle.db);
    expect(last.page).toBe(first.pages);
    expect(last.signals.map(key)).toEqual(whole.slice((first.pages - 1) * 3).map(key));
    expect((await getWorklist(anna, AS_OF, { pageSize: 3, page: -2 }, handle.db)).page).toBe(1);
    // The default page holds the first 50.
    expect((await getWorklist(anna, AS_OF, {}, handle.db)).signals.map(key)).toEqual(whole.slice(0, 50).map(key));
  });
  it("refuses roles without a worklist", async () => {
    await expect(getWorklist({ ...anna, role: "manager" }, AS_OF, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
  it("the whole unit's list (kept between views): the same for the unit's coordinators, each with their own first, and a change shows at once", async () => {
    const key = (x: { participantId: string; key: string }) => `${x.participantId}:${x.key}`;
    const annas = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    const jonass = (await getWorklist(jonas, AS_OF, { pageSize: ALL }, handle.db)).signals;
    expect(new Set(jonass.map(key))).toEqual(new Set(annas.map(key)));
    for (const [who, list] of [[anna, annas], [jonas, jonass]] as const) {
      const firstOther = list.findIndex((x) => x.coordinatorId !== who.id);
      expect(firstOther).toBeGreaterThan(0);
      expect(list.slice(firstOther).every((x) => x.coordinatorId !== who.id)).toBe(true);
    }
    // A follow-up missed for someone of the unit shows on the next view, whichever page it was cached for.
    const person = annas.find((x) => !annas.some((y) => y.participantId === x.participantId && y.key.startsWith("followup_")))!;
    expect(person).toBeDefined();
    await handle.db.insert(s.followups).values({ municipalityId: anna.municipalityId, participantId: person.participantId, type: FOLLOWUP_TYPES[0], dueDate: "2026-06-01" });
    const after = (await getWorklist(jonas, AS_OF, { pageSize: 3, page: 2 }, handle.db)).total;
    expect(after).toBe(jonass.length + 1);
    expect((await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals.some((x) => x.participantId === person.participantId && x.key === "followup_overdue")).toBe(true);
  });
  it("hides a snoozed signal until its date, and the snooze is audited; another unit cannot snooze", async () => {
    const before = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    const [first] = before;
    const input = { participantId: first.participantId, signalKey: first.key, until: "2026-07-10", reason: "Väntar på besked från AF" };
    // A snooze must end after today: the worklist's day is AS_OF here.
    await at(`${AS_OF}T12:00:00Z`, async () => {
      expect(await executeAction(snoozeSignalDef, input, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
      expect(await executeAction(snoozeSignalDef, input, anna, handle.db)).toMatchObject({ ok: true });
    });
    const after = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    expect(after.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    // Only that signal waits: the person's other signals stay, in both views, through the snooze's last day.
    const others = before.filter((x) => x.participantId === first.participantId && x.key !== first.key).map((x) => x.key);
    expect(after.filter((x) => x.participantId === first.participantId).map((x) => x.key)).toEqual(others);
    const mine = (await getWorklist(anna, AS_OF, { onlyMine: true, pageSize: ALL }, handle.db)).signals;
    expect(mine.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    const lastDay = (await getWorklist(anna, "2026-07-10", { pageSize: ALL }, handle.db)).signals;
    expect(lastDay.some((x) => x.participantId === first.participantId && x.key === first.key)).toBe(false);
    const later = (await getWorklist(anna, "2026-07-11", { pageSize: ALL }, handle.db)).signals;
    expect(later.some((x) => x.participantId === first.participantId && x.key === first.key) || first.key === "followup_due").toBe(true);
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "signal.snooze"));
    expect(audit).toHaveLength(1);
  });

  it("refuses a snooze until today or a day gone by (Swedish time), next to the date; tomorrow is the first day", async () => {
    const [first] = (await getWorklist(anna, AS_OF, { pageSize: ALL }, handle.db)).signals;
    const input = { participantId: first.participantId, signalKey: first.key, reason: "Väntar på besked från AF" };
    // 22:30 UTC on 30 June is 00:30 on 1 July in Sweden: 1 July is today, not tomorrow.
    await at("2026-06-30T22:30:00Z", async () => {
      for (const until of ["2020-01-01", "2026-06-30", "2026-07-01"]) {
        expect(await executeAction(snoozeSignalDef, { ...input, until }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { until: [SNOOZE_NOT_AFTER_TODAY] } });
      }
      expect(snoozeSchema.safeParse({ ...input, until: "2026-07-02" }).success).toBe(true);
      expect(await executeAction(snoozeSignalDef, { ...input, until: "2026-07-02" }, anna, handle.db)).toMatchObject({ ok: true, data: { until: "2026-07-02" } });
    });
  });
});
