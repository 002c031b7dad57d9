// Participant commands on a real database (PGlite, or PostgreSQL with DATABASE_URL): validation
// on the server, unit scoping, duplicate personnummer, version conflicts, kartläggning versions
// and handover.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { editParticipant, handoverDef, registerParticipant, saveSkillMappingDef, setCaseStateDef, updateParticipantDef } from "./commands";
import { findByPersonnummer, getParticipant, getParticipantHistory, getSkillMappings, listParticipants, participantHistoryStatement } from "./queries";
import { addDays, todayIso } from "@/lib/dates";
import { PNR_MESSAGES, PROGRAMME_END_FUTURE, createParticipantSchema, emptyParticipantForm, skillMappingFormOf, type ParticipantFormValues } from "./schema";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let jonas: SessionUser;
let samira: SessionUser;

/** A valid personnummer born on yyyymmdd with serial nnn. */
function pnr(yyyymmdd: string, nnn: string): string {
  return `${yyyymmdd}${nnn}${luhnCheckDigit(yyyymmdd.slice(2) + nnn)}`;
}

function form(over: Partial<ParticipantFormValues> = {}): ParticipantFormValues {
  return { ...emptyParticipantForm(anna.id), firstName: "Amal", lastName: "Yusuf", birthDate: "1977-07-07", gender: "K", receptionDate: "2026-03-01", personnummer: pnr("19770707", "123"), ...over };
}

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  jonas = demo.userBy("jonas");
  samira = demo.userBy("samira");
});
afterAll(async () => {
  await handle?.close();
});

describe("register a participant", () => {
  it("refuses bad input next to the field", async () => {
    const r = await registerParticipant(anna, form({ personnummer: `${pnr("19770707", "123").slice(0, 11)}${(Number(pnr("19770707", "123").slice(11)) + 1) % 10}`, firstName: "", track: "annat_stod", programmeStart: "2026-05-01", programmeEnd: "2026-04-01" }), handle.db);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(Object.keys(r.fieldErrors ?? {})).toEqual(expect.arrayContaining(["personnummer", "firstName", "trackReason", "trackReviewDate", "programmeEnd"]));
    const birth = await registerParticipant(anna, form({ birthDate: "1977-07-08" }), handle.db);
    expect(birth.ok ? null : birth.fieldErrors?.birthDate?.[0]).toMatch(/stämmer inte med personnumret/);
  });

  it("refuses a programme end after today (Swedish time), the day the person actually left", async () => {
    const future = await registerParticipant(anna, form({ personnummer: "", programmeStart: "2026-03-01", programmeEnd: addDays(todayIso(), 1) }), handle.db);
    expect(future).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [PROGRAMME_END_FUTURE] } });
    const today = await registerParticipant(anna, form({ personnummer: "", programmeStart: "2026-03-01", programmeEnd: todayIso() }), handle.db);
    expect(today).toMatchObject({ ok: true, data: { programmeEnd: todayIso() } });
  });

  it("opens the form on today's date and checks dates against today in Swedish time, not UTC", () => {
    // 23:30 UTC on 7 December is 00:30 on 8 December in Sweden.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-07T23:30:00Z"));
      expect(emptyParticipantForm(anna.id).receptionDate).toBe("2026-12-08");
      const leftToday = createParticipantSchema.safeParse(form({ personnummer: "", programmeStart: "2026-03-01", programmeEnd: "2026-12-08" }));
      expect(leftToday.success).toBe(true);
      const leftTomorrow = createParticipantSchema.safeParse(form({ personnummer: "", programmeStart: "2026-03-01", programmeEnd: "2026-12-09" }));
      expect(leftTomorrow.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["programmeEnd", PROGRAMME_END_FUTURE]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("registers in the user's own unit and audits without the personnummer", async () => {
    const r = await registerParticipant(anna, form({ languages: "arabiska, engelska", childrenCount: "2", childcareNeed: true, interpreterLanguage: "arabiska" }), handle.db);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ unitId: anna.unitId, municipalityId: anna.municipalityId, coordinatorId: anna.id, languages: ["arabiska", "engelska"], childrenCount: 2, childcareNeed: true, track: "arbetsmarknad", version: 1 });
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.participantId, r.data.id), eq(s.auditLog.action, "participant.create")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain("770707");
  });

  it("refuses a personnummer already in the municipality, linking to the person only if visible", async () => {
    const same = await registerParticipant(jonas, form({ firstName: "Annan" }), handle.db);
    expect(same).toMatchObject({ ok: false, code: "invalid", fieldErrors: { personnummer: [PNR_MESSAGES.taken] } });
    expect(same.ok ? undefined : same.existingId).toMatch(/^[0-9a-f-]{36}$/);
    // Samira's unit may not open Anna's participant: refused, but no link.
    const other = await registerParticipant(samira, form({ coordinatorId: samira.id }), handle.db);
    expect(other).toMatchObject({ ok: false, code: "invalid", fieldErrors: { personnummer: [PNR_MESSAGES.taken] } });
    expect(other.ok ? "x" : other.existingId).toBeUndefined();
  });

  it("refuses a coordinator of another unit as responsible", async () => {
    const r = await registerParticipant(anna, form({ personnummer: "", coordinatorId: samira.id }), handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? null : r.fieldErrors?.coordinatorId).toBeTruthy();
  });

  it("gives other roles not found", async () => {
    const r = await registerParticipant({ ...anna, role: "manager" }, form({ personnummer: "" }), handle.db);
    expect(r).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("edit a participant", () => {
  async function fresh(serial: string) {
    const r = await registerParticipant(anna, form({ personnummer: pnr("19770707", serial) }), handle.db);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data;
  }

  it("saves with the version and records which fields changed", async () => {
    const p = await fresh("234");
    const r = await executeAction(updateParticipantDef, { ...form({ personnummer: p.personnummer!, phone: "070-123 45 67" }), id: p.id, version: 1 }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { participant: { phone: "070-123 45 67", version: 2 }, changed: ["phone"] } });
  });

  it("refuses an edit that puts the programme end after today, and keeps the stored one", async () => {
    const p = await fresh("890");
    const base = { ...form({ personnummer: p.personnummer!, programmeStart: "2026-03-01" }), id: p.id, version: 1 };
    expect(await executeAction(updateParticipantDef, { ...base, programmeEnd: addDays(todayIso(), 30) }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { programmeEnd: [PROGRAMME_END_FUTURE] } });
    const [row] = await handle.db.select().from(s.participants).where(eq(s.participants.id, p.id));
    expect(row).toMatchObject({ programmeEnd: null, version: 1 });
    expect(await executeAction(updateParticipantDef, { ...base, programmeEnd: "2026-06-01" }, anna, handle.db)).toMatchObject({ ok: true, data: { participant: { programmeEnd: "2026-06-01" } } });
  });

  it("never overwrites a newer save: a conflict carries their version", async () => {
    const p = await fresh("345");
    const base = { ...form({ personnummer: p.personnummer! }), id: p.id, version: 1 };
    expect(await executeAction(updateParticipantDef, { ...base, phone: "0701111111" }, jonas, handle.db)).toMatchObject({ ok: true });
    const mine = await executeAction(updateParticipantDef, { ...base, address: "Storgatan 1" }, anna, handle.db);
    expect(mine).toMatchObject({ ok: false, code: "conflict", current: { phone: "0701111111", address: "", version: 2 } });
    const [row] = await handle.db.select().from(s.participants).where(eq(s.participants.id, p.id));
    expect(row).toMatchObject({ phone: "0701111111", address: null, version: 2 });
    // Re-applied on their version, it saves.
    expect(await executeAction(updateParticipantDef, { ...base, phone: "0701111111", address: "Storgatan 1", version: 2 }, anna, handle.db)).toMatchObject({ ok: true, data: { participant: { version: 3 } } });
  });

  it("answers not found to another unit's coordinator", async () => {
    const p = await fresh("456");
    const r = await executeAction(updateParticipantDef, { ...form({ personnummer: p.personnummer!, coordinatorId: samira.id }), id: p.id, version: 1 }, samira, handle.db);
    expect(r).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses changing to a personnummer someone else has", async () => {
    const a = await fresh("567");
    const b = await fresh("678");
    const r = await editParticipant(anna, { ...form({ personnummer: a.personnummer! }), id: b.id, version: 1 }, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", existingId: a.id });
  });
});

describe("kartläggning", () => {
  it("each save is a new version; a stale form is a conflict; history says what changed", async () => {
    const r = await registerParticipant(anna, form({ personnummer: "" }), handle.db);
    if (!r.ok) throw new Error("setup");
    const id = r.data.id;
    const v1 = { ...skillMappingFormOf(id, 0, null), educationYears: "12", educationLevel: "gymnasial" as const, educationCountry: "Syrien", work: [{ occupation: "Snickare", years: "8" }], drivingLicence: "B" as const, languageSkills: [{ language: "arabiska", level: "modersmal" as const }], goalOccupations: "Snickare, Byggarbetare" };
    expect(await executeAction(saveSkillMappingDef, v1, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(saveSkillMappingDef, { ...v1, work: [{ occupation: "", years: "x" }] }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    expect(await executeAction(saveSkillMappingDef, v1, anna, handle.db)).toMatchObject({ ok: true, data: { version: 1 } });
    // A stale form (opened before Anna's save) gets the saved version back, with who and when, and saves nothing.
    const stale = await executeAction(saveSkillMappingDef, { ...v1, healthNeeds: true }, jonas, handle.db);
    expect(stale).toMatchObject({
      ok: false,
      code: "conflict",
      current: { version: 1, savedByName: anna.name, savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), data: { healthNeeds: false, work: [{ occupation: "Snickare", years: 8 }], goalOccupations: ["Snickare", "Byggarbetare"] } },
    });
    expect((await getSkillMappings(anna, id, handle.db)).history).toHaveLength(1);
    expect(await executeAction(saveSkillMappingDef, { ...v1, baseVersion: 1, healthNeeds: true }, jonas, handle.db)).toMatchObject({ ok: true, data: { version: 2, changed: ["healthNeeds"] } });
    const { current, history } = await getSkillMappings(anna, id, handle.db);
    expect(current).toMatchObject({ version: 2, createdByName: "Jonas Berg", changed: ["healthNeeds"], data: { healthNeeds: true, goalOccupations: ["Snickare", "Byggarbetare"], education: { years: 12 } } });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    await expect(getSkillMappings(samira, id, handle.db)).rejects.toThrow();
  });
});

describe("handover", () => {
  it("moves many at once to a coordinator of the unit, in one transaction, and the history shows it", async () => {
    const mine = await handle.db.select().from(s.participants).where(eq(s.participants.coordinatorId, anna.id)).limit(3);
    const ids = mine.map((p) => p.id);
    // Not to another unit's coordinator.
    expect(await executeAction(handoverDef, { participantIds: ids, coordinatorId: samira.id }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    // One id of another unit: nothing moves.
    const [theirs] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, samira.unitId!)).limit(1);
    expect(await executeAction(handoverDef, { participantIds: [...ids, theirs.id], coordinatorId: jonas.id }, anna, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const still = await handle.db.select().from(s.participants).where(eq(s.participants.coordinatorId, anna.id));
    expect(still.map((p) => p.id)).toEqual(expect.arrayContaining(ids));
    expect(await executeAction(handoverDef, { participantIds: ids, coordinatorId: jonas.id }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });

    const r = await executeAction(handoverDef, { participantIds: ids, coordinatorId: jonas.id }, anna, handle.db);
    expect(r).toMatchObject({ ok: true });
    const moved = await handle.db.select().from(s.participants).where(eq(s.participants.coordinatorId, jonas.id));
    expect(moved.map((p) => p.id)).toEqual(expect.arrayContaining(ids));
    const history = await getParticipantHistory(anna, ids[0], handle.db);
    expect(history[0]).toMatchObject({ action: "participant.handover", userName: "Anna Lindqvist", details: { fromName: "Anna Lindqvist", toName: "Jonas Berg" } });
  });
});

describe("list filters and personnummer search", () => {
  it("filters by track, coordinator and status", async () => {
    const r = await registerParticipant(anna, form({ personnummer: pnr("19770707", "789"), track: "annat_stod", trackReason: "Behöver vård först", trackReviewDate: "2099-01-01" }), handle.db);
    if (!r.ok) throw new Error("setup");
    const annat = await listParticipants(anna, { track: "annat_stod", pageSize: 200 }, handle.db);
    expect(annat.rows.map((x) => x.id)).toContain(r.data.id);
    expect(annat.rows.every((x) => x.track === "annat_stod")).toBe(true);
    const byJonas = await listParticipants(anna, { coordinatorId: jonas.id, pageSize: 200 }, handle.db);
    expect(byJonas.rows.every((x) => x.coordinatorId === jonas.id)).toBe(true);
    const ny = await listParticipants(anna, { status: "ny", pageSize: 200, today: TODAY }, handle.db);
    expect(ny.rows.map((x) => x.id)).toContain(r.data.id);
    const inProg = await listParticipants(anna, { status: "i_program", pageSize: 200, today: TODAY }, handle.db);
    expect(inProg.total).toBeGreaterThan(0);
    expect(inProg.rows.every((x) => x.programmeStart && x.programmeStart <= TODAY && (!x.programmeEnd || x.programmeEnd > TODAY))).toBe(true);
    const after = await listParticipants(anna, { status: "efter_program", pageSize: 200, today: TODAY }, handle.db);
    expect(after.rows.every((x) => x.programmeEnd && x.programmeEnd <= TODAY)).toBe(true);
  });

  it("closes a case (then listed as avslutad) and reopens it; a stale form or another unit gets nothing", async () => {
    const [p] = (await listParticipants(anna, { status: "i_program", pageSize: 1, today: TODAY }, handle.db)).rows;
    const [row] = await handle.db.select().from(s.participants).where(eq(s.participants.id, p.id));
    const early = await executeAction(setCaseStateDef, { participantId: p.id, version: row.version, closedDate: "1990-01-01" }, anna, handle.db);
    expect(early).toMatchObject({ ok: false, fieldErrors: { closedDate: ["Ärendet kan inte avslutas före mottagandet."] } });
    expect(await executeAction(setCaseStateDef, { participantId: p.id, version: row.version, closedDate: "2026-06-01" }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const closed = await executeAction(setCaseStateDef, { participantId: p.id, version: row.version, closedDate: "2026-06-01" }, anna, handle.db);
    expect(closed).toMatchObject({ ok: true, data: { closedAt: "2026-06-01", version: row.version + 1 } });
    expect((await listParticipants(anna, { status: "avslutad", pageSize: 200, today: TODAY }, handle.db)).rows.map((x) => x.id)).toContain(p.id);
    expect(await executeAction(setCaseStateDef, { participantId: p.id, version: row.version, closedDate: "" }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    expect(await executeAction(setCaseStateDef, { participantId: p.id, version: row.version + 1, closedDate: "" }, anna, handle.db)).toMatchObject({ ok: true, data: { closedAt: null } });
    const history = await getParticipantHistory(anna, p.id, handle.db);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(["participant.close", "participant.reopen"]));
  });

  it("reads the history's few changes from their own index, however often the page was read", async () => {
    const r = await registerParticipant(anna, form({ personnummer: pnr("19810303", "456"), birthDate: "1981-03-03" }), handle.db);
    if (!r.ok) throw new Error("setup");
    const p = r.data;
    for (let i = 0; i < 30; i++) await getParticipant(anna, p.id, handle.db);
    const history = await getParticipantHistory(anna, p.id, handle.db);
    expect(history.map((h) => h.action)).toEqual(["participant.create"]);
    // As the app runs it: a prepared statement, whose generic plan knows no parameter's value; the
    // index's condition must still be seen to hold. Whatever the table's size, a plan that reads
    // the history at all then reads it by this index.
    const query = new PgDialect().sqlToQuery(participantHistoryStatement(anna, p.id));
    const literal = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`prepare history_plan as ${query.sql}`));
      const out = await tx.execute(sql.raw(`explain execute history_plan(${query.params.map(literal).join(", ")})`));
      await tx.execute(sql`deallocate history_plan`);
      return out;
    });
    expect(JSON.stringify(plan)).toMatch(/Index Scan Backward using audit_participant_history_idx/);
  });

  it("finds by exact personnummer within the unit only, and never audits the number", async () => {
    const number = pnr("19770707", "789");
    expect((await findByPersonnummer(anna, `${number.slice(0, 8)}-${number.slice(8)}`, handle.db)).length).toBe(1);
    expect(await findByPersonnummer(samira, number, handle.db)).toEqual([]);
    const rows = await handle.db.select().from(s.auditLog);
    expect(rows.some((a) => JSON.stringify(a.details ?? {}).includes(number.slice(2)))).toBe(false);
  });
});
