// Reference values and targets: validation with messages per field, admin only (managers and
// coordinators read, never write), nothing across municipalities, every change audited, and the
// dashboard pairing each with the local figure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { toCsv } from "@/lib/metrics/export";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { createReferenceAction, deleteReferenceAction, updateReferenceAction } from "./commands";
import { getReferenceValueForAdmin, listReferenceValues } from "./queries";
import { createReferenceSchema } from "./schema";

const AS_OF = "2026-06-30";
let handle: DbHandle;
let admin: SessionUser;
let manager: SessionUser;
let coordinator: SessionUser;
let otherAdmin: SessionUser;

const valid = { indicator: "outcome90.share", year: "2025", kind: "reference", value: "48,5", source: "Riket (Kolada)", note: "" };

beforeAll(async () => {
  const demo = await createDemoTestDb(AS_OF);
  handle = demo.handle;
  admin = demo.userBy("admin");
  manager = demo.userBy("karin");
  coordinator = demo.userBy("anna");
  const [m] = await handle.db.insert(s.municipalities).values({ code: "8803", name: "Grannkommunen" }).returning();
  const [u] = await handle.db.insert(s.users).values({ municipalityId: m.id, email: "admin@granne.test", name: "Granne Admin", role: "admin" }).returning();
  otherAdmin = { id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: m.id, unitId: null };
});
afterAll(async () => {
  await handle?.close();
});

const audits = (action: string) => handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, action));

describe("the form's schema", () => {
  it("gives a message per field and keeps the typed values convertible", () => {
    const r = createReferenceSchema.safeParse({ indicator: "", year: "25", kind: "reference", value: "abc", source: "", note: "" });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ indicator: "indicatorRequired", year: "yearInvalid", value: "valueInvalid" });
    expect(createReferenceSchema.parse(valid)).toMatchObject({ year: 2025, value: 48.5 });
    expect(createReferenceSchema.parse({ ...valid, value: "55 %" }).value).toBe(55);
  });
  it("needs a source for a reference value, not for a target; keeps shares within 0–100 %", () => {
    const noSource = createReferenceSchema.safeParse({ ...valid, source: "" });
    expect(noSource.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["source", "sourceRequired"]]);
    expect(createReferenceSchema.safeParse({ ...valid, kind: "target", source: "" }).success).toBe(true);
    expect(createReferenceSchema.safeParse({ ...valid, value: "101" }).error?.issues[0]).toMatchObject({ path: ["value"], message: "shareRange" });
    expect(createReferenceSchema.safeParse({ ...valid, indicator: "firstWorkplace.medianDays", value: "120" }).success).toBe(true);
  });
});

describe("reference value commands", () => {
  let id: string;
  it("an admin creates one: stored as a fraction, audited in the same transaction", async () => {
    const r = await executeAction(createReferenceAction, valid, admin, handle.db);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    id = r.data.id;
    expect(r.data).toMatchObject({ municipalityId: admin.municipalityId, indicator: "outcome90.share", year: 2025, kind: "reference", value: 0.485, source: "Riket (Kolada)" });
    const [a] = await audits("reference_value.create");
    expect(a).toMatchObject({ userId: admin.id, entityId: id, entityType: "reference_value" });
  });
  it("refuses a second value of the same kind for the indicator and year, next to the year", async () => {
    const r = await executeAction(createReferenceAction, { ...valid, value: "50" }, admin, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { year: ["duplicate"] } });
    // A target for the same indicator and year is another kind: allowed.
    expect(await executeAction(createReferenceAction, { ...valid, kind: "target", value: "55", source: "" }, admin, handle.db)).toMatchObject({ ok: true });
  });
  it("refuses invalid input on the server too, with the field's message", async () => {
    const r = await executeAction(createReferenceAction, { ...valid, year: "1999", value: "-3" }, admin, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(!r.ok && Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["value", "year"]);
  });
  it("managers and coordinators cannot write, and nothing is written or audited", async () => {
    for (const who of [manager, coordinator]) {
      expect(await executeAction(createReferenceAction, { ...valid, year: "2024" }, who, handle.db)).toMatchObject({ ok: false, code: "not_found" });
      expect(await executeAction(deleteReferenceAction, { id }, who, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    }
    const rows = await handle.db.select().from(s.referenceValues).where(eq(s.referenceValues.year, 2024));
    expect(rows).toHaveLength(0);
    expect(await audits("reference_value.delete")).toHaveLength(0);
  });
  it("managers and coordinators read their municipality's values; the edit page is the admin's", async () => {
    expect((await listReferenceValues(manager, handle.db)).map((r) => r.id)).toContain(id);
    expect((await listReferenceValues(coordinator, handle.db)).map((r) => r.id)).toContain(id);
    await expect(getReferenceValueForAdmin(manager, id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getReferenceValueForAdmin(admin, id, handle.db)).id).toBe(id);
  });
  it("another municipality's admin neither sees nor changes nor deletes them", async () => {
    expect(await listReferenceValues(otherAdmin, handle.db)).toEqual([]);
    await expect(getReferenceValueForAdmin(otherAdmin, id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await handle.db.select().from(s.referenceValues).where(eq(s.referenceValues.id, id));
    const update = { ...valid, id, openedAt: row.updatedAt.toISOString(), value: "10" };
    expect(await executeAction(updateReferenceAction, update, otherAdmin, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(deleteReferenceAction, { id }, otherAdmin, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const [still] = await handle.db.select().from(s.referenceValues).where(eq(s.referenceValues.id, id));
    expect(still.value).toBe(0.485);
    // Their own value for the same indicator and year is theirs alone (uniqueness is per municipality).
    expect(await executeAction(createReferenceAction, valid, otherAdmin, handle.db)).toMatchObject({ ok: true });
  });
  it("an admin changes one (audited with what changed); a stale form is a conflict", async () => {
    const [row] = await handle.db.select().from(s.referenceValues).where(eq(s.referenceValues.id, id));
    const openedAt = row.updatedAt.toISOString();
    const r = await executeAction(updateReferenceAction, { ...valid, id, openedAt, value: "47", source: "Länet" }, admin, handle.db);
    expect(r).toMatchObject({ ok: true });
    const [a] = await audits("reference_value.update");
    expect(a.details).toMatchObject({ changes: { value: { from: 0.485, to: 0.47 }, source: { from: "Riket (Kolada)", to: "Länet" } } });
    expect(await executeAction(updateReferenceAction, { ...valid, id, openedAt, value: "46" }, admin, handle.db)).toMatchObject({ ok: false, code: "conflict" });
  });
  it("the dashboard shows it beside the local figure, and the export carries it", async () => {
    const d = await getDashboard(manager, parseDashboardFilter(new URLSearchParams({ asOf: AS_OF })), handle.db);
    const c = d.comparisons.find((x) => x.indicator === "outcome90.share" && x.year === 2025)!;
    expect(c.reference).toMatchObject({ value: 0.47, source: "Länet" });
    expect(c.target).toMatchObject({ value: 0.55 });
    expect(c.local).toBe(d.outcome90.find((r) => r.cohort === "2025" && r.group === "total")?.share ?? null);
    // Another municipality's value never shows here.
    expect(d.references.every((r) => r.source !== "Riket (Kolada)")).toBe(true);
    const csv = toCsv(d, resultsMessages.sv);
    expect(csv).toContain("Jämförelse med referensvärden och mål");
    expect(csv).toContain(";2025;");
    expect(csv).toContain("Länet");
    // A cohort filter for another year leaves it out.
    const other = await getDashboard(manager, parseDashboardFilter(new URLSearchParams([["asOf", AS_OF], ["cohort", "2024"]])), handle.db);
    expect(other.comparisons.some((x) => x.year === 2025)).toBe(false);
  });
  it("an admin deletes one, audited with what it was", async () => {
    expect(await executeAction(deleteReferenceAction, { id }, admin, handle.db)).toMatchObject({ ok: true });
    expect(await handle.db.select().from(s.referenceValues).where(and(eq(s.referenceValues.id, id)))).toHaveLength(0);
    const [a] = await audits("reference_value.delete");
    expect(a.details).toMatchObject({ indicator: "outcome90.share", year: 2025, kind: "reference", value: 0.47 });
    expect(await handle.db.select().from(s.auditLog).where(like(s.auditLog.action, "reference_value.%"))).toHaveLength(5);
  });
});
