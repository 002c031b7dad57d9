// Changes to reference values and targets by an admin of the same municipality: create, change,
// delete. Each is a plain function on a transaction plus an action definition for defineAction,
// which checks reference:manage, validates, runs in a transaction and writes the audit entry.
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { referenceValues } from "@/db/schema";
import type { ActionDefinition } from "@/lib/auth/action";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { toStored } from "./indicators";
import { createReferenceSchema, deleteReferenceSchema, updateReferenceSchema } from "./schema";

type Out<S extends z.ZodType> = z.output<S>;
export type ReferenceValueRow = typeof referenceValues.$inferSelect;

async function inMunicipality(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(referenceValues)
    .where(and(eq(referenceValues.id, id), eq(referenceValues.municipalityId, actor.municipalityId)))
    .limit(1)
    .for("update");
  if (!row) throw new NotFoundError("reference value");
  return row;
}

/** One value per municipality, indicator, year and kind (the table's unique index says the same). */
async function checkFree(tx: Tx, actor: Actor, input: { indicator: string; year: number; kind: ReferenceValueRow["kind"] }, exceptId?: string) {
  const [taken] = await tx
    .select({ id: referenceValues.id })
    .from(referenceValues)
    .where(
      and(
        eq(referenceValues.municipalityId, actor.municipalityId),
        eq(referenceValues.indicator, input.indicator),
        eq(referenceValues.year, input.year),
        eq(referenceValues.kind, input.kind),
        ...(exceptId ? [ne(referenceValues.id, exceptId)] : []),
      ),
    )
    .limit(1);
  if (taken) throw new FieldError({ year: ["duplicate"] });
}

export async function createReferenceValue(tx: Tx, actor: Actor, input: Out<typeof createReferenceSchema>): Promise<ReferenceValueRow> {
  await checkFree(tx, actor, input);
  const [row] = await tx
    .insert(referenceValues)
    .values({
      municipalityId: actor.municipalityId,
      indicator: input.indicator,
      year: input.year,
      kind: input.kind,
      value: toStored(input.indicator, input.value),
      source: input.source || null,
      note: input.note || null,
      createdBy: actor.id,
      updatedBy: actor.id,
    })
    .returning();
  return row;
}

export async function updateReferenceValue(tx: Tx, actor: Actor, input: Out<typeof updateReferenceSchema>) {
  const current = await inMunicipality(tx, actor, input.id);
  if (current.updatedAt.toISOString() !== input.openedAt) throw new ConflictError({ ...current, openedAt: current.updatedAt.toISOString() });
  await checkFree(tx, actor, input, current.id);
  const next = {
    indicator: input.indicator,
    year: input.year,
    kind: input.kind,
    value: toStored(input.indicator, input.value),
    source: input.source || null,
    note: input.note || null,
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) if (current[k] !== next[k]) changes[k] = { from: current[k], to: next[k] };
  const [row] = await tx.update(referenceValues).set({ ...next, updatedBy: actor.id, updatedAt: new Date() }).where(eq(referenceValues.id, current.id)).returning();
  return { row, changes };
}

export async function deleteReferenceValue(tx: Tx, actor: Actor, input: Out<typeof deleteReferenceSchema>): Promise<ReferenceValueRow> {
  const current = await inMunicipality(tx, actor, input.id);
  await tx.delete(referenceValues).where(eq(referenceValues.id, current.id));
  return current;
}

const describe = (r: ReferenceValueRow) => ({ indicator: r.indicator, year: r.year, kind: r.kind, value: r.value, source: r.source });

export const createReferenceAction: ActionDefinition<typeof createReferenceSchema, ReferenceValueRow> = {
  schema: createReferenceSchema,
  permission: "reference:manage",
  run: ({ tx, user, input }) => createReferenceValue(tx, user, input),
  audit: (r) => ({ action: "reference_value.create", entityType: "reference_value", entityId: r.id, details: describe(r) }),
};

export const updateReferenceAction: ActionDefinition<typeof updateReferenceSchema, { row: ReferenceValueRow; changes: Record<string, unknown> }> = {
  schema: updateReferenceSchema,
  permission: "reference:manage",
  run: ({ tx, user, input }) => updateReferenceValue(tx, user, input),
  audit: (r) => ({ action: "reference_value.update", entityType: "reference_value", entityId: r.row.id, details: { changes: r.changes } }),
};

export const deleteReferenceAction: ActionDefinition<typeof deleteReferenceSchema, ReferenceValueRow> = {
  schema: deleteReferenceSchema,
  permission: "reference:manage",
  run: ({ tx, user, input }) => deleteReferenceValue(tx, user, input),
  audit: (r) => ({ action: "reference_value.delete", entityType: "reference_value", entityId: r.id, details: describe(r) }),
};
