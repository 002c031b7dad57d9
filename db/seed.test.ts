// The demo municipality's sfi: results and interruptions as teachers log them, consistent with the
// sfi activities they belong to, so the manager's sfi figure and the teacher's pages show real data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { sfiResults } from "@/lib/metrics/more";
import { rng, seedDemo, SFI_PATH_COURSES, sfiStudyOutcome } from "./seed";

let handle: DbHandle;
const TODAY = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: TODAY });
});
afterAll(async () => {
  await handle?.close();
});

describe("the demo's sfi results and interruptions", () => {
  it("give the sfi figure people who passed, who interrupted (some for work or studies) and who still study", async () => {
    const [m] = await handle.db.select().from(s.municipalities).where(eq(s.municipalities.code, "9999"));
    const total = (await sfiResults(handle.db, { municipalityId: m.id, asOf: TODAY, minN: 0 })).filter((row) => row.group === "total");
    const sum = (k: "n" | "passed" | "interrupted" | "studying" | "interruptedToWorkOrStudies") => total.reduce((acc, row) => acc + row[k], 0);
    expect(sum("passed")).toBeGreaterThan(10);
    expect(sum("interrupted")).toBeGreaterThan(0);
    expect(sum("interruptedToWorkOrStudies")).toBeGreaterThan(0);
    expect(sum("studying")).toBeGreaterThan(10);
    expect(sum("passed") + sum("interrupted") + sum("studying")).toBe(sum("n"));
  });

  it("logs each result and interruption on or before today, against the person's sfi activity", async () => {
    const results = await handle.db.select().from(s.sfiResults);
    const breaks = await handle.db.select().from(s.sfiBreaks);
    const sfi = await handle.db.select().from(s.activities).where(eq(s.activities.type, "sfi"));
    const activityOf = new Map(sfi.map((a) => [a.participantId, a]));
    expect(results.length).toBeGreaterThan(20);
    for (const r of results) {
      const a = activityOf.get(r.participantId)!;
      expect(a, "a result belongs to someone with an sfi activity").toBeDefined();
      expect(r.resultDate <= TODAY && r.resultDate >= a.startDate!).toBe(true);
      expect(SFI_PATH_COURSES[r.studyPath]).toContain(r.course);
      expect(r.studyPath).toBe((a.details as { studyPath: number }).studyPath);
    }
    const interruptions = breaks.filter((b) => b.kind === "avbrott");
    expect(interruptions.length).toBeGreaterThan(0);
    for (const b of interruptions) {
      const a = activityOf.get(b.participantId)!;
      expect(a.status).toBe("avbruten");
      expect(b.fromDate).toBe(a.endDate);
      expect(b.reason).toBeTruthy();
    }
    // Every interrupted sfi activity has its interruption logged.
    expect(new Set(interruptions.map((b) => b.participantId))).toEqual(new Set(sfi.filter((a) => a.status === "avbruten").map((a) => a.participantId)));
    for (const b of breaks.filter((x) => x.kind === "uppehall")) expect(b.toDate! > b.fromDate && b.fromDate <= TODAY).toBe(true);
  });

  it("has the enrolled students in their group's course now: no grade in it yet, their pauses logged in the group", async () => {
    const enrolments = await handle.db.select().from(s.sfiEnrolments);
    const groups = await handle.db.select().from(s.sfiGroups);
    const courseOf = new Map(enrolments.map((e) => [e.participantId, groups.find((g) => g.id === e.groupId)!]));
    expect(courseOf.size).toBeGreaterThan(10);
    const results = await handle.db.select().from(s.sfiResults);
    for (const r of results) {
      const group = courseOf.get(r.participantId);
      if (group) expect(r.course < group.course).toBe(true);
      expect(r.groupId).toBeNull();
    }
    for (const b of await handle.db.select().from(s.sfiBreaks)) expect(b.groupId).toBe(courseOf.get(b.participantId)?.id ?? null);
  });
});

describe("sfiStudyOutcome", () => {
  const study = { participantId: "p", startDate: "2024-01-10", studyPath: 2, course: "B" };
  it("grades a finished course (or fails it now and then), logs the reason of an interruption, and nothing for a planned course", () => {
    const r = rng(7);
    const graded = Array.from({ length: 40 }, () => sfiStudyOutcome(r, { ...study, status: "avslutad", endDate: "2024-05-30" }, TODAY, { recordedBy: null, toWork: false, wholeStudy: false }));
    const finals = graded.flatMap((o) => o.results.filter((x) => x.kind === "kursbetyg"));
    expect(finals.every((x) => x.course === "B" && x.resultDate === "2024-05-30")).toBe(true);
    expect(finals.filter((x) => x.grade !== "F").length).toBeGreaterThan(30);
    expect(finals.some((x) => x.grade === "F")).toBe(true);
    expect(graded.every((o) => o.breaks.length === 0)).toBe(true);
    const interrupted = sfiStudyOutcome(r, { ...study, status: "avbruten", endDate: "2024-03-01" }, TODAY, { recordedBy: null, toWork: true, wholeStudy: false });
    expect(interrupted.breaks).toEqual([expect.objectContaining({ kind: "avbrott", fromDate: "2024-03-01", toDate: null })]);
    expect(sfiStudyOutcome(r, { ...study, status: "planerad", endDate: null }, TODAY, { recordedBy: null, toWork: false, wholeStudy: true })).toEqual({ results: [], breaks: [] });
  });

  it("gives a whole study the path's first course on the way and its last at the end, nothing after today", () => {
    const r = rng(3);
    const outs = Array.from({ length: 30 }, () => sfiStudyOutcome(r, { ...study, status: "avslutad", endDate: "2025-06-01" }, TODAY, { recordedBy: null, toWork: false, wholeStudy: true }));
    const courses = outs.map((o) => o.results.filter((x) => x.kind === "kursbetyg").map((x) => x.course));
    expect(courses.every((c) => c[0] === "B")).toBe(true);
    expect(courses.filter((c) => c.join() === "B,C").length).toBeGreaterThan(20);
    const ongoing = sfiStudyOutcome(r, { ...study, status: "pagaende", startDate: "2026-05-01", endDate: null }, TODAY, { recordedBy: null, toWork: false, wholeStudy: true });
    expect(ongoing.results).toEqual([]);
  });
});
