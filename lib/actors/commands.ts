// Changes to the actor directory: register an actor, edit it, archive or restore it. Edits carry
// the version the form was opened on; saving over a newer one is a conflict that returns the saved
// values, so the form can show both. Names are unique in a municipality, whatever their case.
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { actors } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import type { AuditEntry } from "@/lib/audit/commands";
import { ConflictError, FieldError } from "@/lib/errors";
import { ACTOR_FIELDS, actorSchema, actorStateSchema, createActorSchema, updateActorSchema, type ActorKind } from "./schema";
import type { ActivityType } from "@/db/schema/enums";

type ActorRow = typeof actors.$inferSelect;

export type ActorFormValues = Record<Exclude<(typeof ACTOR_FIELDS)[number], "activityTypes" | "kind">, string> & {
  kind: ActorKind | "";
  activityTypes: ActivityType[];
  id: string;
  version: number;
};

/** A stored actor as the edit form's values (what the conflict view shows as "saved now"). */
export function actorFormValuesOf(a: ActorRow): ActorFormValues {
  return {
    id: a.id,
    version: a.version,
    name: a.name,
    kind: a.kind as ActorKind,
    activityTypes: [...a.activityTypes],
    offer: a.offer ?? "",
    contactName: a.contactName ?? "",
    contactPhone: a.contactPhone ?? "",
    contactEmail: a.contactEmail ?? "",
    address: a.address ?? "",
    website: a.website ?? "",
  };
}

/** Empty optional fields are stored as null. */
function columnsOf(input: z.infer<typeof actorSchema>) {
  return {
    name: input.name,
    kind: input.kind,
    activityTypes: input.activityTypes,
    offer: input.offer || null,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    address: input.address || null,
    website: input.website || null,
  };
}

/** A name is taken when another actor of the municipality has it in any case (actors_name_uq). */
async function checkNameFree(tx: Tx, municipalityId: string, name: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: actors.id, archivedAt: actors.archivedAt })
    .from(actors)
    .where(and(eq(actors.municipalityId, municipalityId), sql`lower(${actors.name}) = lower(${name})`, exceptId ? ne(actors.id, exceptId) : undefined));
  if (!dup) return;
  throw new FieldError({ name: [dup.archivedAt ? "En arkiverad aktör har redan det namnet. Återställ den i stället." : "En aktör med det namnet finns redan."] });
}

const changedFields = (cols: ReturnType<typeof columnsOf>, current: ActorRow) =>
  ACTOR_FIELDS.filter((k) => (k === "activityTypes" ? cols.activityTypes.join() !== current.activityTypes.join() : cols[k] !== current[k]));

export const createActorDef = {
  schema: createActorSchema,
  permission: "actor:write",
  async run({ tx, input, user }: ActionContext<z.infer<typeof createActorSchema>>): Promise<ActorRow> {
    await checkNameFree(tx, user.municipalityId, input.name);
    const [row] = await tx
      .insert(actors)
      .values({ municipalityId: user.municipalityId, ...columnsOf(input), updatedBy: user.id })
      .returning();
    return row;
  },
  audit: (a: ActorRow) => ({ action: "actor.create", entityType: "actor", entityId: a.id, details: { kind: a.kind } }),
} satisfies ActionDefinition<typeof createActorSchema, ActorRow>;

type ActorUpdated = { actor: ActorRow; changed: string[] };

/** The actor, locked for the rest of the transaction, after the version check. */
async function lockActor(tx: Tx, id: string, version: number, authorize: (r: ActorRow | undefined) => void) {
  // Locked, so two savers of the same version cannot both pass the check.
  const [current] = await tx.select().from(actors).where(eq(actors.id, id)).for("update");
  authorize(current);
  if (current.version !== version) throw new ConflictError(actorFormValuesOf(current));
  return current;
}

export const updateActorDef = {
  schema: updateActorSchema,
  permission: "actor:write",
  async run({ tx, input, authorize, user }: ActionContext<z.infer<typeof updateActorSchema>>): Promise<ActorUpdated> {
    const current = await lockActor(tx, input.id, input.version, authorize);
    const cols = columnsOf(input);
    const changed = changedFields(cols, current);
    if (changed.length === 0) return { actor: current, changed };
    if (changed.includes("name")) await checkNameFree(tx, current.municipalityId, cols.name, current.id);
    const [row] = await tx
      .update(actors)
      .set({ ...cols, updatedBy: user.id, version: sql`${actors.version} + 1`, updatedAt: sql`now()` })
      .where(eq(actors.id, current.id))
      .returning();
    return { actor: row, changed };
  },
  audit: (r: ActorUpdated): AuditEntry => ({ action: "actor.update", entityType: "actor", entityId: r.actor.id, details: { changed: r.changed, version: r.actor.version } }),
} satisfies ActionDefinition<typeof updateActorSchema, ActorUpdated>;

export const setActorArchivedDef = {
  schema: actorStateSchema,
  permission: "actor:write",
  async run({ tx, input, authorize, user }: ActionContext<z.infer<typeof actorStateSchema>>): Promise<ActorRow> {
    const current = await lockActor(tx, input.id, input.version, authorize);
    if (Boolean(current.archivedAt) === input.archived) return current;
    // An archived actor keeps its name (actors_name_uq), so restoring it never makes a duplicate.
    const [row] = await tx
      .update(actors)
      .set({ archivedAt: input.archived ? sql`now()` : null, updatedBy: user.id, version: sql`${actors.version} + 1`, updatedAt: sql`now()` })
      .where(eq(actors.id, current.id))
      .returning();
    return row;
  },
  audit: (a: ActorRow, input: z.infer<typeof actorStateSchema>): AuditEntry => ({ action: input.archived ? "actor.archive" : "actor.restore", entityType: "actor", entityId: a.id }),
} satisfies ActionDefinition<typeof actorStateSchema, ActorRow>;

export const createActor = defineAction(createActorDef);
export const updateActor = defineAction(updateActorDef);
export const setActorArchived = defineAction(setActorArchivedDef);
