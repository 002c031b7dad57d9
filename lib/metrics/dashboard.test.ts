// The dashboard's scoping and its export: managers see the municipality, coordinators their own
// unit whatever the filter says, others nothing; the export carries the selection and the rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { exportSnapshotOption, getDashboard, parseDashboardFilter } from "./dashboard";
import { toCsv } from "./export";
import { recordedOutcomes, recordOutcomeOfALeaver } from "./fixtures";
import { outcome90 } from "./indicators";

let handle: DbHandle;
let manager: Actor;
let coordinator: Actor;
let teacher: Actor;
let otherUnitId: string;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: AS_OF });
  const all = await handle.db.select().from(s.users);
  const actor = (role: string, prefix: string): Actor => {
    const u = all.find((x) => x.role === role && x.email.startsWith(prefix))!;
    return { id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId };
  };
  manager = actor("manager", "karin");
  coordinator = actor("coordinator", "anna");
  teacher = actor("sfi_teacher", "lena");
  const units = await handle.db.select().from(s.units).where(eq(s.units.municipalityId, manager.municipalityId));
  otherUnitId = units.find((u) => u.id !== coordinator.unitId)!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("getDashboard", () => {
  it("gives a manager the municipality's figures, the same as the report's", async () => {
    const d = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF })), handle.db);
    expect(d.outcome90).toEqual(await outcome90(handle.db, { municipalityId: manager.municipalityId, asOf: AS_OF }));
    expect(d.options.units).toHaveLength(2);
  });
  it("keeps a coordinator to their own unit, whatever the filter asks", async () => {
    const own = await getDashboard(coordinator, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF })), handle.db);
    const asked = await getDashboard(coordinator, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF, unit: otherUnitId })), handle.db);
    expect(asked.filter.unitId).toBe(coordinator.unitId);
    expect(asked.outcome90).toEqual(own.outcome90);
    expect(own.options.units.map((u) => u.id)).toEqual([coordinator.unitId]);
    const unitOnly = await outcome90(handle.db, { municipalityId: manager.municipalityId, asOf: AS_OF, unitId: coordinator.unitId! });
    expect(own.outcome90).toEqual(unitOnly);
  });
  it("filters by gender and cohort, and drops malformed filters", async () => {
    const d = await getDashboard(manager, parseDashboardFilter(new URLSearchParams([["asOf", AS_OF], ["gender", "K"], ["cohort", "2025"], ["unit", "'; drop table x"]])), handle.db);
    expect(d.outcome90.every((r) => r.group === "K" && r.cohort === "2025")).toBe(true);
    expect(d.filter.unitId).toBeUndefined();
    // A day after today: today's figures, not a projection.
    const future = parseDashboardFilter(new URLSearchParams({ asOf: "2999-01-01", gender: "M" }));
    expect(future.asOf).toBeUndefined();
    expect(future.gender).toBe("M");
  });
  it("counts only women or only men everywhere on the page when a gender is chosen, the situation on the day too", async () => {
    const view = (gender?: string) => getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF, ...(gender ? { gender } : {}) })), handle.db);
    const [all, total, women, men] = [await view(), await view("total"), await view("K"), await view("M")];
    expect(total.idle).toEqual(all.idle);
    expect(total.caseload).toEqual(all.caseload);
    for (const g of [women, men]) {
      expect(g.idle.active).toBeGreaterThan(0);
      expect(g.idle.active).toBeLessThan(all.idle.active);
      expect(g.caseload.reduce((n, r) => n + r.active, 0)).toBe(g.idle.active);
      expect(g.signalsByUnit.reduce((n, u) => n + u.signals, 0)).toBe(g.caseload.reduce((n, r) => n + r.signals, 0));
    }
    // People with gender X count in neither.
    expect(women.idle.active + men.idle.active).toBeLessThanOrEqual(all.idle.active);
    expect(women.idle.idle + men.idle.idle).toBeLessThanOrEqual(all.idle.idle);
    expect(women.workplaceNow.inWorkplace + men.workplaceNow.inWorkplace).toBeLessThanOrEqual(all.workplaceNow.inWorkplace);
    // The cohort figures are the group's rows of the whole municipality's, for the cohorts that have
    // anybody of the group.
    expect(women.outcome90).toEqual(all.outcome90.filter((r) => r.group === "K" && r.n > 0));
    expect(men.firstWorkplace).toEqual(all.firstWorkplace.filter((r) => r.group === "M" && r.n > 0));
    expect(men.firstWorkplace.length).toBeGreaterThan(0);
  });
  it("counts open signals per unit as well as per coordinator, the same signals both ways", async () => {
    const d = await getDashboard(manager, parseDashboardFilter(new URLSearchParams(`asOf=${AS_OF}`)), handle.db);
    expect(d.signalsByUnit.length).toBe(2);
    const perUnit = d.signalsByUnit.reduce((n, u) => n + u.signals, 0);
    expect(perUnit).toBeGreaterThan(0);
    // Every demo participant has a unit: the two ways of counting add up to the same total.
    expect(perUnit).toBe(d.caseload.reduce((n, r) => n + r.signals, 0));
    const own = await getDashboard(coordinator, parseDashboardFilter(new URLSearchParams(`asOf=${AS_OF}`)), handle.db);
    expect(own.signalsByUnit.map((u) => u.unitId)).toEqual([coordinator.unitId]);
    expect(own.signalsByUnit[0].signals).toBe(d.signalsByUnit.find((u) => u.unitId === coordinator.unitId)!.signals);
  });
  it("gives an sfi teacher and an admin nothing", async () => {
    await expect(getDashboard(teacher, parseDashboardFilter(new URLSearchParams()), handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDashboard({ ...manager, role: "admin" }, parseDashboardFilter(new URLSearchParams()), handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("toCsv", () => {
  it("writes the selection, the definitions and every row, as Swedish Excel reads it", async () => {
    const d = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF, gender: "M" })), handle.db);
    const csv = toCsv(d, resultsMessages.sv);
    expect(csv.startsWith("\uFEFFEtablera;Demokommunen (9999)")).toBe(true);
    expect(csv).toContain("Kön;Män");
    expect(csv).toContain(resultsMessages.sv.outcome90.definition.slice(0, 40));
    for (const r of d.outcome90) expect(csv).toContain(`${r.cohort};Män;${r.n};${r.recorded};`);
    // A share not shown is the page's "–", not an empty cell; the difference is in percentage points.
    const suppressed = d.outcome90.find((r) => r.share === null);
    if (suppressed) expect(csv).toContain(`${suppressed.cohort};Män;${suppressed.n};${suppressed.recorded};${suppressed.work};${suppressed.studies};${suppressed.workAndStudies};–`);
    expect(csv).toContain(`(${resultsMessages.sv.shareOfInterrupted})`);
    const all = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF })), handle.db);
    const shown = all.outcomeByActivity.rows.find((r) => r.difference !== null);
    if (shown) expect(toCsv(all, resultsMessages.sv)).toContain(`;${String(Math.round(shown.difference! * 10_000) / 100).replace(".", ",")}\r\n`);
  });
});

describe("the export of what the page showed", () => {
  it("has the figures of the page's snapshot while it is kept, with the time they were computed; otherwise current ones", async () => {
    const filter = parseDashboardFilter(new URLSearchParams({ asOf: AS_OF }));
    const shown = await getDashboard(manager, filter, handle.db);
    // The data changes after the page was shown: someone who left long ago gets an outcome.
    await recordOutcomeOfALeaver(handle.db, manager.municipalityId, AS_OF);

    const exported = await getDashboard(manager, filter, handle.db, { snapshotId: shown.snapshotId });
    expect(exported.snapshotId).toBe(shown.snapshotId);
    expect(recordedOutcomes(exported)).toBe(recordedOutcomes(shown));
    expect(exported.stale).toBe(true);
    const csv = toCsv(exported, resultsMessages.sv);
    expect(csv).toMatch(/Siffrorna räknades fram;\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Another date's snapshot, an unknown one: the figures of the data as it is now.
    for (const snapshotId of [shown.snapshotId + 10_000, shown.snapshotId]) {
      const other = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: "2026-06-29" })), handle.db, { snapshotId });
      expect(other.snapshotId).not.toBe(shown.snapshotId);
    }
    const current = await getDashboard(manager, filter, handle.db, { snapshotId: shown.snapshotId + 10_000 });
    expect(recordedOutcomes(current)).toBe(recordedOutcomes(shown) + 1);
    expect(current.stale).toBe(false);
  });

  it("reads the export link's snapshot; anything else means current figures", () => {
    const option = (q: string) => exportSnapshotOption(new URLSearchParams(q));
    expect(option("snapshot=42&format=xlsx")).toEqual({ snapshotId: 42 });
    for (const q of ["", "snapshot=", "snapshot=0", "snapshot=-3", "snapshot=1.5", "snapshot=abc", "snapshot=1e400", "snapshot=99999999999999999999"]) {
      expect(option(q), q).toEqual({ fresh: true });
    }
  });
});

describe("a region's many coordinators", () => {
  it("shows the per-coordinator rows and filter only for a chosen unit beyond 60 coordinators, and exports them all", async () => {
    const asOf = parseDashboardFilter(new URLSearchParams({ asOf: AS_OF }));
    const few = await getDashboard(manager, asOf, handle.db);
    expect(few.show).toEqual({ caseloadRows: true, coordinatorFilter: true });
    // 61 more coordinators in the coordinator's unit, each responsible for one active participant.
    const extra = await handle.db
      .insert(s.users)
      .values(Array.from({ length: 61 }, (_, i) => ({ municipalityId: manager.municipalityId, unitId: coordinator.unitId, email: `extra${i}@demo.test`, name: `Extra ${String(i).padStart(2, "0")}`, role: "coordinator" as const })))
      .returning({ id: s.users.id });
    const people = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.unitId, coordinator.unitId!)).limit(61);
    expect(people.length).toBe(61);
    for (const [i, p] of people.entries()) await handle.db.update(s.participants).set({ coordinatorId: extra[i].id }).where(eq(s.participants.id, p.id));
    const many = await getDashboard(manager, asOf, handle.db);
    expect(many.caseload.length).toBeGreaterThan(60);
    expect(many.show).toEqual({ caseloadRows: false, coordinatorFilter: false });
    const csv = toCsv(many, resultsMessages.sv);
    for (const r of many.caseload) expect(csv).toContain(`${r.coordinatorName ?? resultsMessages.sv.caseload.nobody};${r.active};${r.signals}`);
    const unit = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF, unit: coordinator.unitId! })), handle.db);
    expect(unit.show).toEqual({ caseloadRows: true, coordinatorFilter: true });
  });
});
