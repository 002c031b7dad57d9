// The calendar link on a real database: created, read by token alone with initials only,
// renewed (the old URL dies), turned off; inactive users and other roles get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { createCalendarFeedDef, hashFeedToken, revokeCalendarFeedDef } from "./commands";
import { getCalendarFeedStatus, readCalendarFeed } from "./queries";

const TODAY = "2026-06-30";
const NOW = new Date("2026-06-30T06:00:00Z");
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let lena: SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  lena = demo.userBy("lena");
});
afterAll(async () => {
  await handle?.close();
});

async function newToken(user: SessionUser) {
  const r = await executeAction(createCalendarFeedDef, {}, user, handle.db);
  if (!r.ok) throw new Error(`no feed: ${r.code}`);
  return r.data;
}

describe("calendar feed", () => {
  it("creates a link whose token is stored only as its hash and never audited", async () => {
    expect(await getCalendarFeedStatus(anna, handle.db)).toBeNull();
    const { token, feedId, renewed } = await newToken(anna);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed).toBe(false);
    const [row] = await handle.db.select().from(s.calendarFeeds).where(eq(s.calendarFeeds.id, feedId));
    expect(row.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.entityId, feedId));
    expect(audit.map((a) => a.action)).toEqual(["calendar.create"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(await getCalendarFeedStatus(anna, handle.db)).toMatchObject({ lastReadAt: null });
    // Roles without a worklist have no calendar link.
    expect(await executeAction(createCalendarFeedDef, {}, lena, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("answers the owner's planned follow-ups with initials only, and audits the read", async () => {
    const { token, feedId } = await newToken(samira);
    const mine = await handle.db
      .select({ id: s.followups.id, dueDate: s.followups.dueDate, type: s.followups.type, firstName: s.participants.firstName, lastName: s.participants.lastName, personnummer: s.participants.personnummer, notes: s.followups.notes, participantId: s.participants.id })
      .from(s.followups)
      .innerJoin(s.participants, eq(s.participants.id, s.followups.participantId))
      .where(and(eq(s.followups.responsibleUserId, samira.id), eq(s.followups.status, "planerad")));
    expect(mine.length).toBeGreaterThan(0);
    const ics = (await readCalendarFeed(token, handle.db, NOW))!;
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(mine.length);
    const unfolded = ics.replace(/\r\n /g, "");
    for (const f of mine) {
      expect(unfolded).toContain(`UID:${f.id}@etablera\r\nDTSTAMP:20260630T060000Z\r\nDTSTART;VALUE=DATE:${f.dueDate.replace(/-/g, "")}\r\n`);
      expect(unfolded).toContain(`– ${f.firstName[0].toUpperCase()}.${f.lastName[0].toUpperCase()}.\r\n`);
      expect(unfolded).not.toContain(f.firstName);
      expect(unfolded).not.toContain(f.lastName);
      if (f.personnummer) expect(unfolded).not.toContain(f.personnummer);
      if (f.notes) expect(unfolded).not.toContain(f.notes.replace(/,/g, "\\,"));
    }
    // Another coordinator's follow-ups are not in it.
    const annas = await handle.db.select({ id: s.followups.id }).from(s.followups).where(and(eq(s.followups.responsibleUserId, anna.id), eq(s.followups.status, "planerad")));
    for (const f of annas) expect(ics).not.toContain(f.id);
    const [read] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.entityId, feedId), eq(s.auditLog.action, "calendar.read")));
    expect(read).toMatchObject({ userId: samira.id, entityType: "calendar_feed" });
    expect(new Set((read.details as { ids: string[] }).ids)).toEqual(new Set(mine.map((f) => f.participantId)));
    expect((await getCalendarFeedStatus(samira, handle.db))?.lastReadAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("renewing kills the old URL; turning it off kills the new one", async () => {
    const first = await newToken(anna);
    expect(await readCalendarFeed(first.token, handle.db, NOW)).not.toBeNull();
    const second = await newToken(anna);
    expect(second.renewed).toBe(true);
    expect(second.feedId).toBe(first.feedId);
    expect(await readCalendarFeed(first.token, handle.db, NOW)).toBeNull();
    expect(await readCalendarFeed(second.token, handle.db, NOW)).not.toBeNull();
    expect(await executeAction(revokeCalendarFeedDef, {}, anna, handle.db)).toMatchObject({ ok: true, data: { feedId: first.feedId } });
    expect(await readCalendarFeed(second.token, handle.db, NOW)).toBeNull();
    expect(await getCalendarFeedStatus(anna, handle.db)).toBeNull();
    const actions = (await handle.db.select().from(s.auditLog).where(eq(s.auditLog.entityId, first.feedId)).orderBy(s.auditLog.id)).map((a) => a.action);
    expect(actions.filter((a) => a !== "calendar.read")).toEqual(["calendar.create", "calendar.renew", "calendar.renew", "calendar.revoke"]);
  });

  it("answers nothing for a malformed or unknown token, or a deactivated user's", async () => {
    expect(await readCalendarFeed("", handle.db)).toBeNull();
    expect(await readCalendarFeed("x".repeat(42), handle.db)).toBeNull();
    expect(await readCalendarFeed("A".repeat(43), handle.db)).toBeNull();
    expect(await readCalendarFeed("' or 1=1 --" + "A".repeat(32), handle.db)).toBeNull();
    const { token } = await newToken(samira);
    expect(await readCalendarFeed(token, handle.db, NOW)).not.toBeNull();
    await handle.db.update(s.users).set({ active: false }).where(eq(s.users.id, samira.id));
    expect(await readCalendarFeed(token, handle.db, NOW)).toBeNull();
    await handle.db.update(s.users).set({ active: true }).where(eq(s.users.id, samira.id));
  });
});
