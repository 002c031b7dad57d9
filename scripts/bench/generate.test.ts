// The benchmark generator's data must be internally consistent: checked on the pure rows, on a
// database loaded through drizzle (PGlite or PostgreSQL) and, with DATABASE_URL, through COPY.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { luhnValid } from "@/lib/validation/personnummer";
import { verifyAuditChain } from "@/lib/audit/verify";
import { CHUNK_TABLES, benchUuid, emptyChunk, generateChunks, generateSetup, type Chunk } from "./rows";
import { copyValue, loadWithCopy, loadWithInserts } from "./load";
import { writeImportFiles } from "./import-files";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const OPTS = { participants: 300, today: "2026-03-16", seed: 7, chunkSize: 120 };

function allRows() {
  const setup = generateSetup(OPTS, "x");
  const merged: Chunk = emptyChunk();
  for (const c of generateChunks(OPTS, setup)) for (const t of CHUNK_TABLES) (merged[t] as unknown[]).push(...c[t]);
  return { setup, rows: merged };
}

/** The consistency rules, as SQL that must return no rows. */
const VIOLATIONS = {
  activityWithoutParticipant: sql`select a.id from activities a left join participants p on p.id = a.participant_id where p.id is null`,
  endBeforeStart: sql`select id from activities where end_date < start_date`,
  outcomeWithoutProgrammeEnd: sql`select o.id from outcomes o join participants p on p.id = o.participant_id where p.programme_end is null or o.recorded_date < p.programme_end + 90`,
  programmeEndBeforeStart: sql`select id from participants where programme_end < programme_start or programme_start < reception_date`,
  coordinatorOutsideUnit: sql`select p.id from participants p join users u on u.id = p.coordinator_id where u.unit_id is distinct from p.unit_id or u.role <> 'coordinator'`,
  attendanceWithoutEnrolment: sql`select a.participant_id from sfi_attendance a left join sfi_enrolments e on e.participant_id = a.participant_id and e.group_id = a.group_id where e.id is null or a.lesson_date < e.start_date or a.attended_hours > a.scheduled_hours`,
  enrolmentNotOnOngoingSfi: sql`select e.id from sfi_enrolments e join activities a on a.id = e.activity_id where a.type <> 'sfi' or a.participant_id <> e.participant_id`,
  sfiResultOutsideItsCourse: sql`select r.id from sfi_results r where not exists (select 1 from activities a where a.participant_id = r.participant_id and a.type = 'sfi' and a.details->>'course' = r.course and a.start_date <= r.result_date and a.end_date >= r.result_date) or r.result_date > '2026-03-16'`,
  interruptionWithoutInterruptedSfi: sql`select b.id from sfi_breaks b where b.kind = 'avbrott' and not exists (select 1 from activities a where a.participant_id = b.participant_id and a.type = 'sfi' and a.status = 'avbruten' and a.end_date = b.from_date)`,
  followupBeforeReception: sql`select f.id from followups f join participants p on p.id = f.participant_id where f.due_date < p.reception_date`,
};

/** postgres-js returns the rows, PGlite an object holding them. */
async function rowsOf<T>(handle: DbHandle, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await handle.db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

async function expectConsistent(handle: DbHandle, participants: number) {
  for (const [rule, q] of Object.entries(VIOLATIONS)) {
    const res = await rowsOf(handle, q);
    expect({ rule, violations: res.length }).toEqual({ rule, violations: 0 });
  }
  const [{ n }] = await rowsOf<{ n: number }>(handle, sql`select count(*)::int as n from participants`);
  expect(n).toBe(participants);
  // The generated audit log is one unbroken chain, as the app writes it.
  const chain = await verifyAuditChain(handle.db);
  expect(chain.breaks).toEqual([]);
  expect(chain.ok).toBe(true);
  expect(chain.checked).toBeGreaterThan(participants * 4);
  const pnrs = await rowsOf<{ personnummer: string }>(handle, sql`select personnummer from participants where personnummer is not null`);
  expect(pnrs.length).toBeGreaterThan(participants * 0.8);
  expect(pnrs.every((r) => /^\d{12}$/.test(r.personnummer) && luhnValid(r.personnummer.slice(2)))).toBe(true);
}

describe("bench data rows (pure)", () => {
  it("is deterministic, whatever the chunk size", () => {
    const a = allRows();
    const setup = generateSetup(OPTS, "x");
    const b: string[] = [];
    for (const c of generateChunks({ ...OPTS, chunkSize: 1000 }, setup)) b.push(...c.activities.map((x) => x.id!));
    expect(b).toEqual(a.rows.activities.map((x) => x.id));
    expect(allRows().rows.participants).toEqual(a.rows.participants);
  });

  it("gives unique ids and valid, unique personnummer", () => {
    const { rows } = allRows();
    for (const t of CHUNK_TABLES) {
      const ids = (rows[t] as { id?: string }[]).map((r) => r.id).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const pnrs = rows.participants.map((p) => p.personnummer).filter((p): p is string => Boolean(p));
    expect(new Set(pnrs).size).toBe(pnrs.length);
    expect(pnrs.every((p) => luhnValid(p.slice(2)))).toBe(true);
    expect(benchUuid(10, 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps dates in order and outcomes to those who left", () => {
    const { rows } = allRows();
    const byId = new Map(rows.participants.map((p) => [p.id, p]));
    for (const a of rows.activities) {
      expect(byId.has(a.participantId)).toBe(true);
      if (a.endDate) expect(a.endDate >= a.startDate).toBe(true);
      if (a.status === "planerad") expect(a.endDate === null || a.startDate > OPTS.today || a.type === "halsoundersokning").toBe(true);
    }
    for (const o of rows.outcomes) expect(byId.get(o.participantId)!.programmeEnd).toBeTruthy();
    expect(rows.activities.length / rows.participants.length).toBeGreaterThan(6);
    expect(rows.outcomes.length).toBeGreaterThan(0);
    expect(rows.sfiAttendance.length).toBeGreaterThan(rows.participants.length * 5);
  });

  it("grades finished sfi courses, mostly passed, and logs an interruption for every interrupted one", () => {
    const { rows } = allRows();
    const finished = rows.activities.filter((a) => a.type === "sfi" && a.status === "avslutad");
    const grades = rows.sfiResults.filter((r) => r.kind === "kursbetyg");
    expect(grades.length).toBeGreaterThan(finished.length * 0.8);
    expect(grades.length).toBeLessThanOrEqual(finished.length);
    expect(grades.filter((g) => g.grade === "F").length / grades.length).toBeLessThan(0.2);
    const interrupted = rows.activities.filter((a) => a.type === "sfi" && a.status === "avbruten");
    const avbrott = rows.sfiBreaks.filter((b) => b.kind === "avbrott");
    expect(interrupted.length).toBeGreaterThan(0);
    expect(avbrott.map((b) => `${b.participantId} ${b.fromDate}`).sort()).toEqual(interrupted.map((a) => `${a.participantId} ${a.endDate}`).sort());
    expect(avbrott.every((b) => b.reason)).toBe(true);
  });

  it("writes an audit log, chained: each person registered, planned and read, each caseload read as a list", () => {
    const { setup, rows } = allRows();
    const creates = rows.auditLog.filter((e) => e.action === "participant.create");
    expect(creates.map((e) => e.participantId).sort()).toEqual(rows.participants.map((p) => p.id).sort());
    expect(rows.auditLog.filter((e) => e.action === "participant.read").length).toBeGreaterThanOrEqual(rows.participants.length);
    const lists = rows.auditLog.filter((e) => e.action === "participant.list");
    expect(lists).toHaveLength(setup.coordinators.length * 12);
    // A caseload read names exactly the coordinator's own people.
    const c = setup.coordinators[1];
    const theirs = rows.participants.filter((p) => p.coordinatorId === c.id).map((p) => p.id).sort();
    expect(theirs.length).toBeGreaterThan(0);
    const read = lists.find((e) => e.userId === c.id && !(e.details as { source?: string }).source)!;
    expect([...(read.details as { ids: string[] }).ids].sort()).toEqual(theirs);
    expect(rows.auditLog[0].prevHash).toBeNull();
    for (let k = 1; k < rows.auditLog.length; k++) expect(rows.auditLog[k].prevHash).toBe(rows.auditLog[k - 1].hash);
  });

  it("writes import files in the import format", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-import-"));
    try {
      const n = await writeImportFiles(dir, { participants: 50, today: OPTS.today });
      const read = (f: string) => readFileSync(path.join(dir, f), "utf8").trimEnd().split("\n");
      const p = read("participants.csv");
      expect(p[0]).toBe("external_id,personnummer,first_name,last_name,birth_date,gender,education_level,reception_date,settlement,programme_start,programme_end");
      expect(p).toHaveLength(51);
      const a = read("activities.csv");
      expect(a).toHaveLength(n.activities + 1);
      const ids = new Set(p.slice(1).map((l) => l.split(",")[0]));
      expect(a.slice(1).every((l) => ids.has(l.split(",")[0]))).toBe(true);
      expect(read("outcomes.csv")[0]).toBe("participant_external_id,status,recorded_date");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes COPY text with escapes and \\N for null", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue("a\tb\nc\\d")).toBe("a\\tb\\nc\\\\d");
    expect(copyValue(["arabiska"])).toBe('["arabiska"]');
    expect(copyValue(true)).toBe("t");
  });
});

describe("bench data loaded through drizzle", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("is internally consistent in the database", async () => {
    const result = await loadWithInserts(handle.db, OPTS);
    expect(result.rows.participants).toBe(OPTS.participants);
    await expectConsistent(handle, OPTS.participants);
  });
});

// The COPY path needs a PostgreSQL server; on PGlite the drizzle path above covers the rows.
if (process.env.DATABASE_URL) {
  describe("bench data loaded by COPY (PostgreSQL)", () => {
    let handle: DbHandle;
    beforeAll(async () => {
      handle = await createTestDb();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("writes the same consistent data", async () => {
      // createTestDb's handle wraps its own client; COPY needs a postgres-js client of ours.
      const [{ db }] = await rowsOf<{ db: string }>(handle, sql`select current_database() as db`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${db}`;
      const client = postgres(url.toString(), { max: 6, onnotice: () => {} });
      try {
        const result = await loadWithCopy(client, handle.db, OPTS);
        expect(result.rows.activities).toBeGreaterThan(OPTS.participants * 6);
      } finally {
        await client.end();
      }
      await expectConsistent(handle, OPTS.participants);
    });
  });
}
