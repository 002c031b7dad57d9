// User management on a real database: create with argon2id, edit with optimistic concurrency,
// nothing across municipalities, and a deactivated user is no longer loaded as signed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { loadActiveUser } from "@/lib/auth/queries";
import { verifyPassword } from "@/lib/auth/password";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { createUser, resetUserPassword, setUserActive, updateUser } from "./commands";
import { createUserSchema, updateUserSchema } from "./schema";

let handle: DbHandle;
let admin: Actor;
let otherAdmin: Actor;
let unitId: string;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9101", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9102", name: "Två" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m1.id, name: "Centrum" }).returning();
  unitId = u.id;
  const [a1] = await handle.db.insert(s.users).values({ municipalityId: m1.id, email: "admin1@x.se", name: "A1", role: "admin" }).returning();
  const [a2] = await handle.db.insert(s.users).values({ municipalityId: m2.id, email: "admin2@x.se", name: "A2", role: "admin" }).returning();
  admin = { id: a1.id, role: "admin", municipalityId: m1.id, unitId: null };
  otherAdmin = { id: a2.id, role: "admin", municipalityId: m2.id, unitId: null };
});
afterAll(async () => {
  await handle?.close();
});

const newUser = (email: string) =>
  createUserSchema.parse({ name: "Nils Ny", email, role: "coordinator", unitId, password: "lång-fras-med-ord" });

describe("user commands", () => {
  it("validates: 12-character passwords, a unit for coordinators", () => {
    expect(createUserSchema.safeParse({ name: "X", email: "x@x.se", role: "admin", unitId: "", password: "kort" }).success).toBe(false);
    const r = createUserSchema.safeParse({ name: "X", email: "x@x.se", role: "coordinator", unitId: "", password: "tillräckligt-långt" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["unitRequired"]);
  });
  it("creates a user with an argon2id password and refuses a taken email", async () => {
    const created = await handle.db.transaction((tx) => createUser(tx, admin, newUser(" Nils@Example.se ")));
    const [row] = await handle.db.select().from(s.users).where(eq(s.users.id, created.id));
    expect(row.email).toBe("nils@example.se");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, "lång-fras-med-ord")).toBe(true);
    await expect(handle.db.transaction((tx) => createUser(tx, admin, newUser("nils@example.se")))).rejects.toBeInstanceOf(FieldError);
  });
  it("changes role and unit, and refuses a stale edit", async () => {
    const created = await handle.db.transaction((tx) => createUser(tx, admin, newUser("edit@example.se")));
    const [row] = await handle.db.select().from(s.users).where(eq(s.users.id, created.id));
    const input = updateUserSchema.parse({ id: row.id, name: "Nils", role: "manager", unitId: "", openedAt: row.updatedAt.toISOString() });
    const result = await handle.db.transaction((tx) => updateUser(tx, admin, input));
    expect(result.changes).toMatchObject({ role: { from: "coordinator", to: "manager" }, unitId: { from: unitId, to: null } });
    await expect(handle.db.transaction((tx) => updateUser(tx, admin, input))).rejects.toBeInstanceOf(ConflictError);
  });
  it("deactivation takes effect at once: the user is no longer loaded for a session", async () => {
    const created = await handle.db.transaction((tx) => createUser(tx, admin, newUser("gone@example.se")));
    expect(await loadActiveUser(created.id, handle.db)).not.toBeNull();
    await handle.db.transaction((tx) => setUserActive(tx, admin, { id: created.id, active: false }));
    expect(await loadActiveUser(created.id, handle.db)).toBeNull();
  });
  it("an admin cannot deactivate themself", async () => {
    await expect(handle.db.transaction((tx) => setUserActive(tx, admin, { id: admin.id, active: false }))).rejects.toBeInstanceOf(FieldError);
  });
  it("another municipality's admin finds nothing", async () => {
    const created = await handle.db.transaction((tx) => createUser(tx, admin, newUser("safe@example.se")));
    await expect(handle.db.transaction((tx) => setUserActive(tx, otherAdmin, { id: created.id, active: false }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(handle.db.transaction((tx) => resetUserPassword(tx, otherAdmin, { id: created.id, password: "x".repeat(12) }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
