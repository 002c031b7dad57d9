// Changes to user accounts by an admin of the same municipality: create (with an initial
// password), change name/role/unit, deactivate/activate, set a new password. Each is a plain
// function on a transaction (tested directly) plus an action definition for defineAction,
// which checks user:manage, validates, runs in a transaction and writes the audit entry.
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { units, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { createUserSchema, resetPasswordSchema, setActiveSchema, updateUserSchema } from "./schema";

type Out<S extends z.ZodType> = z.output<S>;

async function userInMunicipality(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(users).where(and(eq(users.id, id), eq(users.municipalityId, actor.municipalityId))).limit(1).for("update");
  if (!row) throw new NotFoundError("user");
  return row;
}

async function checkUnit(tx: Tx, actor: Actor, unitId: string | null) {
  if (!unitId) return;
  const [u] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.municipalityId, actor.municipalityId))).limit(1);
  if (!u) throw new FieldError({ unitId: ["unitRequired"] });
}

export async function createUser(tx: Tx, actor: Actor, input: Out<typeof createUserSchema>) {
  await checkUnit(tx, actor, input.unitId);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (taken) throw new FieldError({ email: ["emailTaken"] });
  const [row] = await tx
    .insert(users)
    .values({
      municipalityId: actor.municipalityId,
      unitId: input.unitId,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning({ id: users.id, role: users.role, unitId: users.unitId });
  return row;
}

export async function updateUser(tx: Tx, actor: Actor, input: Out<typeof updateUserSchema>) {
  const current = await userInMunicipality(tx, actor, input.id);
  if (current.updatedAt.toISOString() !== input.openedAt) {
    throw new ConflictError({ name: current.name, role: current.role, unitId: current.unitId, openedAt: current.updatedAt.toISOString() });
  }
  if (current.id === actor.id && input.role !== current.role) throw new FieldError({ role: ["notSelf"] });
  await checkUnit(tx, actor, input.unitId);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (current.name !== input.name) changes.name = { from: current.name, to: input.name };
  if (current.role !== input.role) changes.role = { from: current.role, to: input.role };
  if (current.unitId !== input.unitId) changes.unitId = { from: current.unitId, to: input.unitId };
  await tx.update(users).set({ name: input.name, role: input.role, unitId: input.unitId, updatedAt: new Date() }).where(eq(users.id, current.id));
  return { id: current.id, changes };
}

export async function setUserActive(tx: Tx, actor: Actor, input: Out<typeof setActiveSchema>) {
  const current = await userInMunicipality(tx, actor, input.id);
  if (current.id === actor.id) throw new FieldError({}, "notSelf");
  await tx.update(users).set({ active: input.active, updatedAt: new Date() }).where(and(eq(users.id, current.id), ne(users.active, input.active)));
  return { id: current.id, active: input.active };
}

export async function resetUserPassword(tx: Tx, actor: Actor, input: Out<typeof resetPasswordSchema>) {
  const current = await userInMunicipality(tx, actor, input.id);
  await tx.update(users).set({ passwordHash: await hashPassword(input.password), updatedAt: new Date() }).where(eq(users.id, current.id));
  return { id: current.id };
}

export const createUserAction: ActionDefinition<typeof createUserSchema, { id: string; role: string; unitId: string | null }> = {
  schema: createUserSchema,
  permission: "user:manage",
  run: ({ tx, user, input }) => createUser(tx, user, input),
  audit: (r) => ({ action: "user.create", entityType: "user", entityId: r.id, details: { role: r.role, unitId: r.unitId } }),
};

export const updateUserAction: ActionDefinition<typeof updateUserSchema, { id: string; changes: Record<string, unknown> }> = {
  schema: updateUserSchema,
  permission: "user:manage",
  run: ({ tx, user, input }) => updateUser(tx, user, input),
  audit: (r) => ({ action: "user.update", entityType: "user", entityId: r.id, details: { changes: r.changes } }),
};

export const setUserActiveAction: ActionDefinition<typeof setActiveSchema, { id: string; active: boolean }> = {
  schema: setActiveSchema,
  permission: "user:manage",
  run: ({ tx, user, input }) => setUserActive(tx, user, input),
  audit: (r) => ({ action: r.active ? "user.activate" : "user.deactivate", entityType: "user", entityId: r.id }),
};

export const resetPasswordAction: ActionDefinition<typeof resetPasswordSchema, { id: string }> = {
  schema: resetPasswordSchema,
  permission: "user:manage",
  run: ({ tx, user, input }) => resetUserPassword(tx, user, input),
  // Never the password, not even hashed.
  audit: (r) => ({ action: "user.password_reset", entityType: "user", entityId: r.id }),
};
