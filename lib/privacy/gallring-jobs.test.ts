// Gallring from the admin page as a job: it starts only for the set the admin saw, one at a time a
// municipality, reports its progress to the municipality's admins only, and anonymises every case,
// each checked again just before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { searchNameOf } from "@/lib/participants/search";
import { getGallringJob, runningGallringJob, startGallringJob } from "./gallring-jobs";
import { findDueCases, runGallring } from "./retention";

const AS_OF = "2026-06-01";
let handle: DbHandle;
let m: string;
let other: string;
let admin: string;

async function closedCase(municipalityId: string, closedAt: string) {
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId, firstName: "Ali", lastName: "Noor", searchName: searchNameOf("Ali", "Noor"), birthDate: "1990-02-02", gender: "M", receptionDate: "2018-01-01", closedAt })
    .returning();
  return p.id;
}

async function finished(id: string, municipalityId: string) {
  for (let i = 0; i < 400; i++) {
    const job = getGallringJob(id, municipalityId);
    if (job?.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the job did not finish");
}

beforeAll(async () => {
  handle = await createTestDb();
  const [a, b] = await handle.db.insert(s.municipalities).values([{ code: "9411", name: "A" }, { code: "9412", name: "B" }]).returning();
  [m, other] = [a.id, b.id];
  const [u] = await handle.db.insert(s.users).values({ municipalityId: m, email: "admin@a.se", name: "Admin A", role: "admin" }).returning();
  admin = u.id;
  for (let i = 0; i < 12; i++) await closedCase(m, `2019-0${1 + (i % 9)}-01`);
  await closedCase(other, "2019-01-01");
});
afterAll(async () => {
  await handle?.close();
});

describe("gallring as a job", () => {
  it("starts only for the set previewed, one at a time, and anonymises every case with progress seen by the municipality only", async () => {
    expect(await startGallringJob(handle.db, { municipalityId: m, actorId: admin, asOf: AS_OF, expected: 11 })).toEqual({ ok: false, reason: "changed" });
    const started = await startGallringJob(handle.db, { municipalityId: m, actorId: admin, asOf: AS_OF, expected: 12 });
    expect(started).toMatchObject({ ok: true, job: { status: "running", done: 0, total: 12 } });
    const id = (started as { job: { id: string } }).job.id;
    // A second press while it runs starts nothing and shows the running job.
    const again = await startGallringJob(handle.db, { municipalityId: m, actorId: admin, asOf: AS_OF, expected: 12 });
    if (!again.ok && again.reason === "running") expect(again.job?.id).toBe(id);
    else expect(getGallringJob(id, m)?.status).toBe("done");
    // Another municipality's admin learns nothing of it.
    expect(getGallringJob(id, other)).toBeNull();
    expect(runningGallringJob(other)).toBeNull();
    expect(await finished(id, m)).toMatchObject({ status: "done", done: 12, total: 12 });
    expect(runningGallringJob(m)).toBeNull();
    expect(await handle.db.$count(s.participants, and(eq(s.participants.municipalityId, m), isNotNull(s.participants.erasedAt)))).toBe(12);
    expect(await handle.db.$count(s.auditLog, and(eq(s.auditLog.action, "participant.erase"), eq(s.auditLog.userId, admin)))).toBe(12);
    // The other municipality's case is untouched.
    expect(await findDueCases(handle.db, { asOf: AS_OF, municipalityId: other })).toHaveLength(1);
    expect(await findDueCases(handle.db, { asOf: AS_OF, municipalityId: m })).toEqual([]);
  });

  it("leaves a case that got an activity after it was found, and counts only what it anonymised", async () => {
    const cases = await findDueCases(handle.db, { asOf: AS_OF, municipalityId: other });
    await handle.db.insert(s.activities).values({ municipalityId: other, participantId: cases[0].id, type: "praktik", status: "pagaende", startDate: "2026-05-01" });
    const seen: number[][] = [];
    const r = await runGallring(handle.db, { asOf: AS_OF, dryRun: false, municipalityId: other, cases, onProgress: (done, total) => seen.push([done, total]) });
    expect(r.cases).toEqual([]);
    expect(seen).toEqual([[0, 1]]);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.id, cases[0].id));
    expect(p.erasedAt).toBeNull();
  });
});
