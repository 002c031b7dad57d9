// The actor directory on a real database: every role reads its own municipality's actors and
// nobody else's; coordinators and admins register, edit, archive and restore them (names unique
// whatever their case, a stale edit a conflict with the saved values, every change audited); the
// activity form is offered the active ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getPlan, getPlanFormOptions } from "@/lib/plans/queries";
import { actorFormValuesOf, createActorDef, setActorArchivedDef, updateActorDef } from "./commands";
import { getActor, listActors, providerSuggestions } from "./queries";
import { actorSchema } from "./schema";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let lena: SessionUser;
let karin: SessionUser;
let admin: SessionUser;
let outsider: SessionUser;
let outsiderActorId: string;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  lena = demo.userBy("lena");
  karin = demo.userBy("karin");
  admin = demo.userBy("admin");
  // A coordinator of another municipality, with an actor of its own.
  const [m] = await handle.db.insert(s.municipalities).values({ code: "9401", name: "Grannkommunen" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "Enheten" }).returning();
  const [o] = await handle.db.insert(s.users).values({ municipalityId: m.id, unitId: u.id, email: "o@granne.se", name: "Olle Granne", role: "coordinator" }).returning();
  outsider = { id: o.id, name: o.name, email: o.email, role: o.role, municipalityId: m.id, unitId: u.id };
  const [a] = await handle.db.insert(s.actors).values({ municipalityId: m.id, name: "Grannkommunens sfi", kind: "utbildning", activityTypes: ["sfi"] }).returning();
  outsiderActorId = a.id;
});
afterAll(async () => {
  await handle?.close();
});

const auditOf = (entityId: string) => handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.entityId, entityId), eq(s.auditLog.entityType, "actor")));
const fields = { name: "Folkhögskolan Syd", kind: "utbildning", activityTypes: ["vuxenutbildning", "sfi"], offer: "Allmän kurs med svenska", contactName: "Rektor", contactPhone: "0410-123 45", contactEmail: "info@fhs.se", address: "", website: "www.fhs.se" };

describe("the actor form's schema", () => {
  const parse = (over: Record<string, unknown>) => actorSchema.safeParse({ ...fields, ...over });
  const error = (over: Record<string, unknown>, field: string) => {
    const r = parse(over);
    return r.success ? null : (r.error.issues.find((i) => i.path[0] === field)?.message ?? null);
  };
  it("takes a web address without its scheme and refuses what is not one", () => {
    expect(parse({}).data?.website).toBe("https://www.fhs.se");
    expect(parse({ website: "http://fhs.se/om" }).data?.website).toBe("http://fhs.se/om");
    expect(parse({ website: "" }).data?.website).toBe("");
    expect(error({ website: "javascript:alert(1)" }, "website")).toMatch(/webbadress/);
    expect(error({ website: "inte en adress" }, "website")).toMatch(/webbadress/);
  });
  it("keeps the activity types in the list's order, from any form of checkbox value, and only known ones", () => {
    expect(parse({}).data?.activityTypes).toEqual(["sfi", "vuxenutbildning"]);
    expect(parse({ activityTypes: "praktik" }).data?.activityTypes).toEqual(["praktik"]);
    expect(parse({ activityTypes: false }).data?.activityTypes).toEqual([]);
    expect(parse({ activityTypes: undefined }).data?.activityTypes).toEqual([]);
    expect(error({ activityTypes: ["sfi", "golf"] }, "activityTypes")).toMatch(/Välj bland/);
  });
  it("asks for a name and a kind, and checks phone and email", () => {
    expect(error({ name: " " }, "name")).toMatch(/namn/);
    expect(error({ kind: "" }, "kind")).toMatch(/sorts aktör/);
    expect(error({ contactPhone: "ring mig" }, "contactPhone")).toMatch(/telefonnummer/);
    expect(error({ contactEmail: "info@" }, "contactEmail")).toMatch(/e-postadress/);
  });
});

describe("the actor directory", () => {
  it("lists the demo municipality's active actors to every role, nobody else's", async () => {
    for (const who of [anna, samira, lena, karin, admin]) {
      const { rows, total } = await listActors(who, {}, handle.db);
      expect(total).toBe(7);
      expect(rows.map((r) => r.name)).toContain("Lärcentrum Demokommunen");
      expect(rows.some((r) => r.name === "Grannkommunens sfi" || r.archivedAt)).toBe(false);
    }
    expect((await listActors(outsider, {}, handle.db)).rows.map((r) => r.name)).toEqual(["Grannkommunens sfi"]);
    await expect(getActor(anna, outsiderActorId, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getActor(anna, "not-an-id", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getActor(outsider, outsiderActorId, handle.db)).name).toBe("Grannkommunens sfi");
  });

  it("finds actors by a part of the name or the offer, by an activity they offer, and the archived apart", async () => {
    const names = async (opts: Parameters<typeof listActors>[1]) => (await listActors(anna, opts, handle.db)).rows.map((r) => r.name);
    expect(await names({ q: "lärcentrum" })).toEqual(["Lärcentrum Demokommunen"]);
    expect(await names({ q: "TOLK" })).toEqual(["Valideringscentrum Syd", "Vårdcentralen Demokommunen"]);
    expect(await names({ type: "halsoundersokning" })).toEqual(["Vårdcentralen Demokommunen"]);
    expect(await names({ type: "annan", q: "språkcafé" })).toEqual(["Studieförbundet i Demokommunen"]);
    // An unknown type is no filter at all; % and _ are taken literally.
    expect((await listActors(anna, { type: "golf" }, handle.db)).total).toBe(7);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ archived: true })).toEqual(["Språkcafé på biblioteket"]);
    const paged = await listActors(anna, { pageSize: 3, page: 3 }, handle.db);
    expect(paged).toMatchObject({ total: 7, page: 3, pages: 3 });
    expect(paged.rows).toHaveLength(1);
  });

  it("lets coordinators and admins register an actor once per name, and nobody else", async () => {
    const r = await executeAction(createActorDef, fields, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { name: "Folkhögskolan Syd", kind: "utbildning", activityTypes: ["sfi", "vuxenutbildning"], website: "https://www.fhs.se", address: null, municipalityId: anna.municipalityId, updatedBy: anna.id } });
    if (!r.ok) throw new Error();
    expect(await auditOf(r.data.id)).toMatchObject([{ action: "actor.create", userId: anna.id }]);
    // The same name in another case is the same actor, for the other unit and the admin too.
    for (const who of [samira, admin]) {
      expect(await executeAction(createActorDef, { ...fields, name: "FOLKHÖGSKOLAN SYD" }, who, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: ["En aktör med det namnet finns redan."] } });
    }
    expect(await executeAction(createActorDef, { ...fields, name: "Språkcafé på Biblioteket" }, admin, handle.db)).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/arkiverad aktör/)] } });
    // Another municipality may have its own actor of that name.
    expect(await executeAction(createActorDef, fields, outsider, handle.db)).toMatchObject({ ok: true });
    // Reading the directory is not keeping it.
    for (const who of [lena, karin]) expect(await executeAction(createActorDef, { ...fields, name: "Något annat" }, who, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const invalid = await executeAction(createActorDef, { ...fields, name: "X", kind: "golfklubb" }, anna, handle.db);
    expect(invalid).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys((invalid as { fieldErrors: object }).fieldErrors).sort()).toEqual(["kind", "name"]);
  });

  it("edits with the version the form was opened on: a stale edit returns the saved values, and only changed fields are audited", async () => {
    const [row] = await handle.db.select().from(s.actors).where(and(eq(s.actors.name, "Valideringscentrum Syd"), eq(s.actors.municipalityId, anna.municipalityId)));
    const opened = actorFormValuesOf(row);
    const first = await executeAction(updateActorDef, { ...opened, contactPhone: "040-600 20 10", activityTypes: ["validering", "arbetsmarknadsutbildning"] }, anna, handle.db);
    expect(first).toMatchObject({ ok: true, data: { changed: ["activityTypes", "contactPhone"], actor: { version: 2, contactPhone: "040-600 20 10", activityTypes: ["validering", "arbetsmarknadsutbildning"], updatedBy: anna.id } } });
    const stale = await executeAction(updateActorDef, { ...opened, offer: "Samira skriver" }, samira, handle.db);
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { version: 2, contactPhone: "040-600 20 10" } });
    expect((await getActor(anna, row.id, handle.db)).offer).toBe(row.offer);
    // Renaming to another actor's name is refused; saving nothing new changes nothing.
    expect(await executeAction(updateActorDef, { ...opened, version: 2, name: "arbetsförmedlingen" }, samira, handle.db)).toMatchObject({ ok: false, fieldErrors: { name: ["En aktör med det namnet finns redan."] } });
    const same = await executeAction(updateActorDef, { ...actorFormValuesOf(await getActor(anna, row.id, handle.db)) }, samira, handle.db);
    expect(same).toMatchObject({ ok: true, data: { changed: [], actor: { version: 2 } } });
    expect((await auditOf(row.id)).map((a) => [a.action, (a.details as { changed?: string[] }).changed])).toEqual([
      ["actor.update", ["activityTypes", "contactPhone"]],
      ["actor.update", []],
    ]);
    // Another municipality's actor is not found, whatever its version.
    expect(await executeAction(updateActorDef, { ...opened, id: outsiderActorId, version: 1 }, anna, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("archives an actor, which is then not suggested, and restores it", async () => {
    const [row] = await handle.db.select().from(s.actors).where(and(eq(s.actors.name, "Samhällsorienteringen"), eq(s.actors.municipalityId, anna.municipalityId)));
    const suggested = async () => (await providerSuggestions(anna, handle.db)).map((p) => p.name);
    expect(await suggested()).toContain("Samhällsorienteringen");
    const archived = await executeAction(setActorArchivedDef, { id: row.id, version: row.version, archived: true }, admin, handle.db);
    expect(archived).toMatchObject({ ok: true, data: { version: row.version + 1, archivedAt: expect.any(Date) } });
    expect(await suggested()).not.toContain("Samhällsorienteringen");
    expect((await listActors(anna, { archived: true }, handle.db)).rows.map((r) => r.name)).toContain("Samhällsorienteringen");
    // A second click on a stale page is a conflict, not a second change.
    expect(await executeAction(setActorArchivedDef, { id: row.id, version: row.version, archived: true }, anna, handle.db)).toMatchObject({ ok: false, code: "conflict" });
    expect(await executeAction(setActorArchivedDef, { id: row.id, version: row.version + 1, archived: false }, karin, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(setActorArchivedDef, { id: row.id, version: row.version + 1, archived: false }, anna, handle.db)).toMatchObject({ ok: true, data: { archivedAt: null } });
    expect(await suggested()).toContain("Samhällsorienteringen");
    expect((await auditOf(row.id)).map((a) => a.action)).toEqual(["actor.archive", "actor.restore"]);
  });

  it("offers the activity form the own municipality's active actors, to those who write plans only", async () => {
    const options = await getPlanFormOptions(anna, null, handle.db);
    const names = options.providers.map((p) => p.name);
    expect(names).toContain("Vårdcentralen Demokommunen");
    expect(names).not.toContain("Språkcafé på biblioteket");
    expect(names).not.toContain("Grannkommunens sfi");
    expect(options.providers.find((p) => p.name === "Vårdcentralen Demokommunen")).toMatchObject({ activityTypes: ["halsoundersokning"], contactPhone: "0410-55 40 00" });
    for (const who of [lena, karin, admin]) expect(await providerSuggestions(who, handle.db)).toEqual([]);
  });

  it("names the directory's entry of a plan's provider, whatever its case, and only the own municipality's", async () => {
    const [sfi] = await handle.db
      .select({ participantId: s.activities.participantId })
      .from(s.activities)
      .innerJoin(s.participants, eq(s.participants.id, s.activities.participantId))
      .where(and(eq(s.activities.provider, "Lärcentrum Demokommunen"), eq(s.participants.unitId, anna.unitId!)))
      .limit(1);
    const [lc] = await handle.db.select().from(s.actors).where(and(eq(s.actors.name, "Lärcentrum Demokommunen"), eq(s.actors.municipalityId, anna.municipalityId)));
    const plan = await getPlan(anna, sfi.participantId, handle.db);
    expect(plan.activities.filter((a) => a.provider === "Lärcentrum Demokommunen").every((a) => a.providerActorId === lc.id)).toBe(true);
    expect(plan.activities.filter((a) => a.provider === "Kommunen").every((a) => a.providerActorId === null)).toBe(true);
    // Another municipality's actor of the same name is not this plan's.
    await handle.db.insert(s.actors).values({ municipalityId: outsider.municipalityId, name: "LÄRCENTRUM DEMOKOMMUNEN", kind: "utbildning" });
    await handle.db.update(s.actors).set({ name: "LÄRCENTRUM demokommunen" }).where(eq(s.actors.id, lc.id));
    const again = await getPlan(anna, sfi.participantId, handle.db);
    expect(again.activities.filter((a) => a.provider === "Lärcentrum Demokommunen").map((a) => a.providerActorId)).toEqual(expect.arrayContaining([lc.id]));
    expect(again.activities.every((a) => a.providerActorId === null || a.providerActorId === lc.id)).toBe(true);
  });
});
