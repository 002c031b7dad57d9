// "Ej tilldelade": people imported without a coordinator have no unit. Every coordinator of their
// municipality sees them in this list (paged, audited as the caseload is) and takes them on; nobody
// else sees them, and taking one is version-checked and audited.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { runImport } from "@/lib/import/run";
import { openSource } from "@/lib/import/source";
import { folder, P_HEADER } from "@/lib/import/testing";
import { assignFromIntakeDef } from "./commands";
import { getParticipant, getParticipantHistory, listParticipants, UNASSIGNED_COUNT_CAP } from "./queries";
import { intakeScope } from "./scope";
import { searchNameOf } from "./search";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let jonas: SessionUser;
let samira: SessionUser;
let lena: SessionUser;
let karin: SessionUser;
let admin: SessionUser;
let otherCoordinator: SessionUser;
let otherUnassignedId: string;

/** Ten people of an import without coordinator_email: they have no unit. */
const PEOPLE = Array.from({ length: 10 }, (_, i) => `EJ${i + 1},,Ejtill${String.fromCharCode(65 + i)},Delad,1990-01-0${(i % 9) + 1},${i % 2 ? "M" : "K"},,2026-05-0${(i % 9) + 1},,,,`);

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  const as = (prefix: string) => demo.userBy(prefix) as SessionUser;
  [anna, jonas, samira, lena, karin, admin] = ["anna", "jonas", "samira", "lena", "karin", "admin"].map(as);
  const dir = folder({ participants: [P_HEADER, ...PEOPLE].join("\n") });
  const result = await runImport(handle.db, await openSource(dir), { municipalityCode: "9999", sourceName: path.basename(dir), today: TODAY });
  expect(result.errors).toEqual([]);
  expect(result.planned.unassigned).toBe(10);
  // Another municipality with an unassigned person of its own and a coordinator.
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "1287", name: "Trelleborg" }).returning();
  const [u2] = await handle.db.insert(s.units).values({ municipalityId: m2.id, name: "AME" }).returning();
  const [c2] = await handle.db
    .insert(s.users)
    .values({ municipalityId: m2.id, unitId: u2.id, email: "k@trelleborg.se", name: "Tora Trelle", role: "coordinator", passwordHash: "x" })
    .returning();
  otherCoordinator = { id: c2.id, name: c2.name, email: c2.email, role: c2.role, municipalityId: m2.id, unitId: u2.id };
  const [p2] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m2.id, firstName: "Hiba", lastName: "Osman", searchName: searchNameOf("Hiba", "Osman"), birthDate: "1990-01-01", gender: "K", receptionDate: "2025-01-01" })
    .returning();
  otherUnassignedId = p2.id;
});
afterAll(async () => {
  await handle?.close();
});

async function unassignedInDemo() {
  const [m] = await handle.db.select().from(s.municipalities).where(eq(s.municipalities.code, "9999"));
  const [r] = await handle.db
    .select({ n: count() })
    .from(s.participants)
    .where(and(eq(s.participants.municipalityId, m.id), isNull(s.participants.unitId), isNull(s.participants.deletedAt), isNull(s.participants.erasedAt)));
  return r.n;
}

describe("the list Ej tilldelade", () => {
  it("shows every coordinator of the municipality its people without a unit, paged, and counts them beside the caseload", async () => {
    const expected = await unassignedInDemo();
    expect(expected).toBeGreaterThanOrEqual(10);
    for (const who of [anna, samira]) {
      const list = await listParticipants(who, { intake: true, pageSize: 200 }, handle.db);
      expect(list.total).toBe(expected);
      expect(list.unassigned).toBe(expected);
      expect(list.rows.map((r) => r.firstName)).toEqual(expect.arrayContaining(["EjtillA", "EjtillJ"]));
      expect(list.rows.every((r) => typeof r.version === "number")).toBe(true);
      expect(list.rows.map((r) => r.id)).not.toContain(otherUnassignedId);
      // The unit's own list does not hold them, but says how many wait.
      const caseload = await listParticipants(who, { pageSize: 200 }, handle.db);
      expect(caseload.unassigned).toBe(expected);
      expect(caseload.rows.some((r) => r.firstName.startsWith("Ejtill"))).toBe(false);
    }
    const page2 = await listParticipants(anna, { intake: true, pageSize: 4, page: 2 }, handle.db);
    expect(page2.rows).toHaveLength(4);
    const all = await listParticipants(anna, { intake: true, pageSize: 200 }, handle.db);
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(4, 8).map((r) => r.id));
    // The list's filters work on it too.
    const named = await listParticipants(anna, { intake: true, q: "ejtillc" }, handle.db);
    expect(named.rows.map((r) => r.firstName)).toEqual(["EjtillC"]);
  });

  it("counts at most a thousand for the caseload's link, however many wait", async () => {
    await handle.db.execute(sql`insert into participants (municipality_id, first_name, last_name, search_name, birth_date, gender, reception_date)
      select ${otherCoordinator.municipalityId}::uuid, 'Many', 'M' || g, 'many m' || g, date '1990-01-01', 'K', date '2025-01-01' from generate_series(1, 1005) g`);
    expect((await listParticipants(otherCoordinator, {}, handle.db)).unassigned).toBe(UNASSIGNED_COUNT_CAP + 1);
    expect((await listParticipants(otherCoordinator, { intake: true }, handle.db)).total).toBe(1006);
    await handle.db.execute(sql`delete from participants where municipality_id = ${otherCoordinator.municipalityId}::uuid and first_name = 'Many'`);
  });

  it("shows nothing to sfi teachers, managers, admins or another municipality", async () => {
    for (const who of [lena, karin, admin]) {
      const list = await listParticipants(who, { intake: true, pageSize: 200 }, handle.db);
      expect(list.rows).toEqual([]);
      expect(list.total).toBe(0);
      expect(list.unassigned).toBe(0);
    }
    const other = await listParticipants(otherCoordinator, { intake: true, pageSize: 200 }, handle.db);
    expect(other.rows.map((r) => r.id)).toEqual([otherUnassignedId]);
  });

  it("is audited as the caseload is, naming the list", async () => {
    const list = await listParticipants(samira, { intake: true, pageSize: 3 }, handle.db);
    const [entry] = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.userId, samira.id)).orderBy(desc(s.auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: "participant.list", details: { ids: list.rows.map((r) => r.id), query: null, list: "intake" } });
    await listParticipants(samira, { pageSize: 3 }, handle.db);
    const [caseload] = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.userId, samira.id)).orderBy(desc(s.auditLog.id)).limit(1);
    expect(caseload.details).not.toHaveProperty("list");
  });

  it("does not open the person's page before the case is taken", async () => {
    const [p] = (await listParticipants(anna, { intake: true, pageSize: 1 }, handle.db)).rows;
    await expect(getParticipant(anna, p.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reads the list from the caseload's index, the unit-less entries only", async () => {
    // As the app runs it: a prepared statement's generic plan, over statistics of the table as it is
    // (a region's tables are vacuumed and analyzed); the index must serve the scope alone.
    await handle.db.execute(sql`vacuum analyze participants`);
    const query = new PgDialect().sqlToQuery(handle.db.select({ n: count() }).from(s.participants).where(intakeScope(anna)).getSQL());
    const literal = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`;
    const plan = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`prepare intake_plan as ${query.sql}`));
      const out = await tx.execute(sql.raw(`explain execute intake_plan(${query.params.map(literal).join(", ")})`));
      await tx.execute(sql`deallocate intake_plan`);
      return out;
    });
    expect(JSON.stringify(plan)).toMatch(/Index Only Scan using participants_unit_list_idx/);
    expect(JSON.stringify(plan)).toMatch(/unit_id IS NULL/);
  });
});

describe("taking a case from Ej tilldelade", () => {
  async function intakeRow(name: string) {
    const { rows } = await listParticipants(anna, { intake: true, q: name }, handle.db);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it("gives the person the coordinator and unit, version-checked and audited, and opens their page", async () => {
    const p = await intakeRow("ejtilla");
    const r = await executeAction(assignFromIntakeDef, { items: [{ participantId: p.id, version: p.version }], coordinatorId: anna.id }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { to: { id: anna.id }, unitId: anna.unitId } });
    const [row] = await handle.db.select().from(s.participants).where(eq(s.participants.id, p.id));
    expect(row).toMatchObject({ unitId: anna.unitId, coordinatorId: anna.id, version: p.version! + 1 });
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "participant.assign"), eq(s.auditLog.participantId, p.id)));
    expect(entry).toMatchObject({ userId: anna.id, details: { source: "intake", toId: anna.id, toName: anna.name, unitId: anna.unitId, version: p.version! + 1 } });
    expect((await getParticipant(anna, p.id, handle.db)).id).toBe(p.id);
    expect((await getParticipantHistory(anna, p.id, handle.db))[0]).toMatchObject({ action: "participant.assign", userName: anna.name });
    expect((await listParticipants(anna, { intake: true, pageSize: 200 }, handle.db)).rows.map((x) => x.id)).not.toContain(p.id);
    expect((await listParticipants(anna, { pageSize: 200 }, handle.db)).rows.map((x) => x.id)).toContain(p.id);
    // Another unit's coordinator no longer sees them anywhere.
    await expect(getParticipant(samira, p.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is a conflict when someone else took the case, or it changed, since the list was shown", async () => {
    const p = await intakeRow("ejtillb");
    expect(await executeAction(assignFromIntakeDef, { items: [{ participantId: p.id, version: p.version }], coordinatorId: samira.id }, samira, handle.db)).toMatchObject({ ok: true });
    // Anna's list still showed it: taken meanwhile.
    expect(await executeAction(assignFromIntakeDef, { items: [{ participantId: p.id, version: p.version }], coordinatorId: anna.id }, anna, handle.db)).toMatchObject({
      ok: false,
      code: "conflict",
      current: { taken: [p.id], changed: [] },
    });
    const q = await intakeRow("ejtillc");
    await handle.db.update(s.participants).set({ version: sql`${s.participants.version} + 1` }).where(eq(s.participants.id, q.id));
    expect(await executeAction(assignFromIntakeDef, { items: [{ participantId: q.id, version: q.version }], coordinatorId: anna.id }, anna, handle.db)).toMatchObject({
      ok: false,
      code: "conflict",
      current: { taken: [], changed: [q.id] },
    });
    const [still] = await handle.db.select().from(s.participants).where(eq(s.participants.id, q.id));
    expect(still.unitId).toBeNull();
  });

  it("assigns several to a coordinator of the user's unit, all or none, never to another unit's", async () => {
    const d = await intakeRow("ejtilld");
    const e = await intakeRow("ejtille");
    const items = [d, e].map((x) => ({ participantId: x.id, version: x.version }));
    expect(await executeAction(assignFromIntakeDef, { items, coordinatorId: samira.id }, anna, handle.db)).toMatchObject({ ok: false, code: "invalid" });
    // One of them of another municipality: nothing moves.
    expect(await executeAction(assignFromIntakeDef, { items: [...items, { participantId: otherUnassignedId, version: 1 }], coordinatorId: jonas.id }, anna, handle.db)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await executeAction(assignFromIntakeDef, { items, coordinatorId: jonas.id }, anna, handle.db)).toMatchObject({ ok: true, data: { to: { id: jonas.id } } });
    const moved = await handle.db.select().from(s.participants).where(eq(s.participants.coordinatorId, jonas.id));
    expect(moved.map((x) => x.id)).toEqual(expect.arrayContaining([d.id, e.id]));
    expect(moved.filter((x) => [d.id, e.id].includes(x.id)).every((x) => x.unitId === anna.unitId)).toBe(true);
  });

  it("is not found for sfi teachers, managers, admins and another municipality's coordinator", async () => {
    const f = await intakeRow("ejtillf");
    const items = [{ participantId: f.id, version: f.version }];
    for (const who of [lena, karin, admin]) {
      expect(await executeAction(assignFromIntakeDef, { items, coordinatorId: who.id }, who, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await executeAction(assignFromIntakeDef, { items, coordinatorId: otherCoordinator.id }, otherCoordinator, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const [row] = await handle.db.select().from(s.participants).where(eq(s.participants.id, f.id));
    expect(row.unitId).toBeNull();
  });

  it("is kept when the same files are imported again (no coordinator_email does not put a person back)", async () => {
    const [taken] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "EJ1"));
    expect(taken.unitId).toBe(anna.unitId);
    const dir = folder({ participants: [P_HEADER, ...PEOPLE].join("\n") });
    const again = await runImport(handle.db, await openSource(dir), { municipalityCode: "9999", sourceName: "again", today: TODAY });
    expect(again.errors).toEqual([]);
    // EJ1, EJ2 (taken), EJ4, EJ5 (assigned) have a unit now; EJ3 (changed, not taken) and the rest still wait.
    expect(again.planned.unassigned).toBe(6);
    const [after] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "EJ1"));
    expect(after).toMatchObject({ unitId: anna.unitId, coordinatorId: anna.id, version: taken.version });
  });
});
