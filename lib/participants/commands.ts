// Writes of participants: register, edit (optimistic concurrency on `version`), kartläggning
// (each save a new version), handover to another coordinator of the unit, and taking people from
// "Ej tilldelade" into the unit (assignFromIntake). Every one runs
// through defineAction: permission, zod validation on the server, one transaction, audit entry.
// Audit details name the fields that changed, never their values (a personnummer must not end
// up in the log).
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Db, type Executor, type Tx } from "@/db";
import { participants, skillMappings, users } from "@/db/schema";
import { defineAction, executeAction, localizeResult, type ActionContext, type ActionDefinition, type ActionResult } from "@/lib/auth/action";
import type { AuditEntry } from "@/lib/audit/commands";
import { can, type Actor } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/messages";
import { parsePersonnummer } from "@/lib/validation/personnummer";
import { todayIso } from "@/lib/dates";
import {
  PNR_MESSAGES,
  changedParts,
  createParticipantSchema,
  handoverSchema,
  intakeAssignSchema,
  caseStateSchema,
  skillMappingDataOf,
  skillMappingSchema,
  splitList,
  updateParticipantSchema,
  type MappingConflict,
  type ParticipantFormValues,
  type SkillMappingData,
} from "./schema";
import { participantScope } from "./scope";
import { searchNameOf } from "./search";

type Participant = typeof participants.$inferSelect;
type Fields = z.output<typeof createParticipantSchema>;

/** The database columns a form's values stand for. */
function columnsOf(v: Fields) {
  const pnr = v.personnummer ? parsePersonnummer(v.personnummer) : null;
  const annat = v.track === "annat_stod";
  return {
    personnummer: pnr?.ok ? pnr.value : null,
    firstName: v.firstName,
    lastName: v.lastName,
    searchName: searchNameOf(v.firstName, v.lastName),
    birthDate: v.birthDate,
    gender: v.gender,
    educationLevel: v.educationLevel || null,
    receptionDate: v.receptionDate,
    settlement: v.settlement || null,
    programmeStart: v.programmeStart || null,
    programmeEnd: v.programmeEnd || null,
    coordinatorId: v.coordinatorId || null,
    languages: splitList(v.languages),
    interpreterLanguage: v.interpreterLanguage || null,
    phone: v.phone || null,
    email: v.email || null,
    address: v.address || null,
    childrenCount: v.childrenCount === "" ? null : Number(v.childrenCount),
    childcareNeed: v.childcareNeed,
    track: v.track,
    trackReason: annat ? v.trackReason : null,
    trackReviewDate: annat ? v.trackReviewDate : null,
  };
}
type Columns = ReturnType<typeof columnsOf>;
/** The columns compared to tell what an edit changed (searchName follows the names). */
const COMPARED: (keyof Columns)[] = [
  "personnummer", "firstName", "lastName", "birthDate", "gender", "educationLevel", "receptionDate", "settlement",
  "programmeStart", "programmeEnd", "coordinatorId", "languages", "interpreterLanguage", "phone", "email", "address",
  "childrenCount", "childcareNeed", "track", "trackReason", "trackReviewDate",
];

/** A stored participant as the edit form's values (what the conflict view shows as "theirs"). */
export function formValuesOf(p: Participant): ParticipantFormValues & { version: number } {
  return {
    personnummer: p.personnummer ?? "",
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    gender: p.gender,
    educationLevel: p.educationLevel ?? "",
    receptionDate: p.receptionDate,
    settlement: p.settlement ?? "",
    programmeStart: p.programmeStart ?? "",
    programmeEnd: p.programmeEnd ?? "",
    coordinatorId: p.coordinatorId ?? "",
    languages: p.languages.join(", "),
    interpreterLanguage: p.interpreterLanguage ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    address: p.address ?? "",
    childrenCount: p.childrenCount == null ? "" : String(p.childrenCount),
    childcareNeed: p.childcareNeed ?? false,
    track: p.track,
    trackReason: p.trackReason ?? "",
    trackReviewDate: p.trackReviewDate ?? "",
    version: p.version,
  };
}

/** The responsible coordinator must be an active coordinator of the same unit. */
async function checkCoordinator(tx: Tx, actor: Actor, coordinatorId: string | null, field = "coordinatorId") {
  if (!coordinatorId) return null;
  if (!actor.unitId) throw new NotFoundError("unit");
  const [u] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, coordinatorId), eq(users.role, "coordinator"), eq(users.active, true), eq(users.municipalityId, actor.municipalityId), eq(users.unitId, actor.unitId)));
  if (!u) throw new FieldError({ [field]: ["Välj en aktiv koordinator i din enhet."] });
  return u;
}

/** Personnummer are unique within a municipality (participants_personnummer_uq). */
async function checkPersonnummerFree(tx: Tx, municipalityId: string, personnummer: string | null, exceptId?: string) {
  if (!personnummer) return;
  const [dup] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.municipalityId, municipalityId), eq(participants.personnummer, personnummer), exceptId ? ne(participants.id, exceptId) : undefined))
    .limit(1);
  if (dup) throw new FieldError({ personnummer: [PNR_MESSAGES.taken] });
}

export const createParticipantDef = {
  schema: createParticipantSchema,
  permission: "participant:write",
  async run({ tx, input, user }: ActionContext<Fields>): Promise<Participant> {
    if (user.role !== "coordinator" || !user.unitId) throw new NotFoundError("unit");
    const cols = columnsOf(input);
    await checkCoordinator(tx, user, cols.coordinatorId);
    await checkPersonnummerFree(tx, user.municipalityId, cols.personnummer);
    const [row] = await tx
      .insert(participants)
      .values({ ...cols, municipalityId: user.municipalityId, unitId: user.unitId })
      .returning();
    return row;
  },
  audit: (p: Participant): AuditEntry => ({
    action: "participant.create",
    entityType: "participant",
    entityId: p.id,
    participantId: p.id,
    details: { source: "form", track: p.track, coordinatorId: p.coordinatorId },
  }),
} satisfies ActionDefinition<typeof createParticipantSchema, Participant>;

type Updated = { participant: Participant; changed: string[] };

export const updateParticipantDef = {
  schema: updateParticipantSchema,
  permission: "participant:write",
  async run({ tx, input, user, authorize }: ActionContext<z.output<typeof updateParticipantSchema>>): Promise<Updated> {
    const [current] = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, input.id), participantScope(user)));
    if (!current) throw new NotFoundError("participant");
    authorize(current);
    if (current.version !== input.version) throw new ConflictError(formValuesOf(current));
    const cols = columnsOf(input);
    const changed = COMPARED.filter((k) => JSON.stringify(cols[k]) !== JSON.stringify(current[k]));
    if (changed.length === 0) return { participant: current, changed };
    if (changed.includes("coordinatorId")) await checkCoordinator(tx, user, cols.coordinatorId);
    if (changed.includes("personnummer")) await checkPersonnummerFree(tx, current.municipalityId, cols.personnummer, current.id);
    const [row] = await tx
      .update(participants)
      .set({ ...cols, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(participants.id, current.id), eq(participants.version, input.version)))
      .returning();
    // Someone saved between our read and our write.
    if (!row) {
      const [now] = await tx.select().from(participants).where(eq(participants.id, current.id));
      throw new ConflictError(formValuesOf(now));
    }
    return { participant: row, changed };
  },
  audit: (r: Updated): AuditEntry => ({
    action: "participant.update",
    entityType: "participant",
    entityId: r.participant.id,
    participantId: r.participant.id,
    details: { changed: r.changed, version: r.participant.version },
  }),
} satisfies ActionDefinition<typeof updateParticipantSchema, Updated>;

type Saved = { participantId: string; version: number; id: string; changed: string[] };


async function savedMapping(tx: Tx, latest: typeof skillMappings.$inferSelect | null): Promise<MappingConflict> {
  if (!latest) return { version: 0, data: null, savedByName: null, savedAt: null };
  const [by] = latest.createdBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, latest.createdBy)) : [];
  return { version: latest.version, data: latest.data as SkillMappingData, savedByName: by?.name ?? null, savedAt: latest.createdAt.toISOString() };
}

export const saveSkillMappingDef = {
  schema: skillMappingSchema,
  permission: "participant:write",
  async run({ tx, input, user, authorize }: ActionContext<z.output<typeof skillMappingSchema>>): Promise<Saved> {
    const [p] = await tx
      .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, deletedAt: participants.deletedAt, erasedAt: participants.erasedAt })
      .from(participants)
      .where(eq(participants.id, input.participantId));
    if (!p || p.deletedAt || p.erasedAt) throw new NotFoundError("participant");
    authorize(p);
    // Serialise savers of the same participant's kartläggning; the unique index is the backstop.
    await tx.execute(sql`select 1 from ${participants} where ${participants.id} = ${p.id} for update`);
    const [latest] = await tx.select().from(skillMappings).where(eq(skillMappings.participantId, p.id)).orderBy(sql`${skillMappings.version} desc`).limit(1);
    const latestVersion = latest?.version ?? 0;
    if (latestVersion !== input.baseVersion) throw new ConflictError<MappingConflict>(await savedMapping(tx, latest ?? null));
    const data = skillMappingDataOf(input);
    const changed = changedParts((latest?.data as SkillMappingData | undefined) ?? null, data);
    const [row] = await tx.insert(skillMappings).values({ participantId: p.id, version: latestVersion + 1, data, createdBy: user.id }).returning();
    return { participantId: p.id, version: row.version, id: row.id, changed };
  },
  audit: (r: Saved): AuditEntry => ({
    action: "skillmapping.save",
    entityType: "skill_mapping",
    entityId: r.id,
    participantId: r.participantId,
    details: { version: r.version, changed: r.changed },
  }),
} satisfies ActionDefinition<typeof skillMappingSchema, Saved>;

type HandedOver = { to: { id: string; name: string }; moved: { id: string; fromId: string | null; fromName: string | null }[] };

export const handoverDef = {
  schema: handoverSchema,
  permission: "participant:handover",
  async run({ tx, input, user, authorize }: ActionContext<z.output<typeof handoverSchema>>): Promise<HandedOver> {
    const ids = [...new Set(input.participantIds)];
    const rows = await tx
      .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, coordinatorId: participants.coordinatorId, fromName: users.name })
      .from(participants)
      .leftJoin(users, eq(users.id, participants.coordinatorId))
      .where(and(inArray(participants.id, ids), participantScope(user)))
      .for("update", { of: participants });
    // Any id the user may not touch makes the whole handover not found: nothing moves.
    if (rows.length !== ids.length) throw new NotFoundError("participant");
    for (const r of rows) authorize(r);
    const to = await checkCoordinator(tx, user, input.coordinatorId);
    if (!to) throw new FieldError({ coordinatorId: ["Välj vem som tar över."] });
    const moving = rows.filter((r) => r.coordinatorId !== to.id);
    if (moving.length === 0) throw new FieldError({ coordinatorId: ["De valda deltagarna har redan den koordinatorn."] });
    await tx
      .update(participants)
      .set({ coordinatorId: to.id, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(participants.id, moving.map((r) => r.id)));
    return { to, moved: moving.map((r) => ({ id: r.id, fromId: r.coordinatorId, fromName: r.fromName })) };
  },
  audit: (r: HandedOver): AuditEntry[] =>
    r.moved.map((m) => ({
      action: "participant.handover",
      entityType: "participant",
      entityId: m.id,
      participantId: m.id,
      details: { fromId: m.fromId, fromName: m.fromName, toId: r.to.id, toName: r.to.name },
    })),
} satisfies ActionDefinition<typeof handoverSchema, HandedOver>;

type Assigned = { to: { id: string; name: string }; unitId: string; assigned: { id: string; version: number; firstName: string; lastName: string }[] };

/** What a conflict of taking a case says: who was taken by someone else meanwhile, who was changed. */
export interface IntakeConflict {
  taken: string[];
  changed: string[];
}

/**
 * Take people from "Ej tilldelade" (the municipality's people without a unit; see intakeScope):
 * they get the chosen coordinator of the user's unit and that unit, all or none. A person someone
 * else has taken, or changed, since the list was shown is a conflict; one of another municipality,
 * or removed, is not found. Each gets an audit entry and a line in their history.
 */
export const assignFromIntakeDef = {
  schema: intakeAssignSchema,
  permission: "participant:handover",
  async run({ tx, input, user }: ActionContext<z.output<typeof intakeAssignSchema>>): Promise<Assigned> {
    if (user.role !== "coordinator" || !user.unitId) throw new NotFoundError("unit");
    const seen = new Map(input.items.map((i) => [i.participantId, i.version]));
    const rows = await tx
      .select({ id: participants.id, unitId: participants.unitId, version: participants.version })
      .from(participants)
      .where(and(inArray(participants.id, [...seen.keys()]), eq(participants.municipalityId, user.municipalityId), isNull(participants.deletedAt), isNull(participants.erasedAt)))
      .for("update");
    if (rows.length !== seen.size) throw new NotFoundError("participant");
    const conflict: IntakeConflict = {
      taken: rows.filter((r) => r.unitId !== null).map((r) => r.id),
      changed: rows.filter((r) => r.unitId === null && r.version !== seen.get(r.id)).map((r) => r.id),
    };
    if (conflict.taken.length || conflict.changed.length) throw new ConflictError<IntakeConflict>(conflict);
    const to = await checkCoordinator(tx, user, input.coordinatorId);
    if (!to) throw new FieldError({ coordinatorId: ["Välj vem som tar ärendet."] });
    const assigned = await tx
      .update(participants)
      .set({ unitId: user.unitId, coordinatorId: to.id, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(and(inArray(participants.id, rows.map((r) => r.id)), isNull(participants.unitId)))
      .returning({ id: participants.id, version: participants.version, firstName: participants.firstName, lastName: participants.lastName });
    return { to, unitId: user.unitId, assigned };
  },
  audit: (r: Assigned): AuditEntry[] =>
    r.assigned.map((a) => ({
      action: "participant.assign",
      entityType: "participant",
      entityId: a.id,
      participantId: a.id,
      details: { source: "intake", toId: r.to.id, toName: r.to.name, unitId: r.unitId, version: a.version },
    })),
} satisfies ActionDefinition<typeof intakeAssignSchema, Assigned>;
export const assignFromIntake = defineAction(assignFromIntakeDef);

type CaseState = { id: string; closedAt: string | null; version: number };

/** Close a case on a date (not before reception, not in the future) or reopen it; a stale form is a conflict. */
export const setCaseStateDef = {
  schema: caseStateSchema,
  permission: "participant:write",
  async run({ tx, input, user, authorize }: ActionContext<z.output<typeof caseStateSchema>>): Promise<CaseState> {
    const [p] = await tx
      .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, version: participants.version, receptionDate: participants.receptionDate, closedAt: participants.closedAt })
      .from(participants)
      .where(and(eq(participants.id, input.participantId), participantScope(user)))
      .for("update");
    authorize(p);
    if (p.version !== input.version) throw new ConflictError({ closedAt: p.closedAt, version: p.version });
    const closedAt = input.closedDate || null;
    if (closedAt && closedAt < p.receptionDate) throw new FieldError({ closedDate: ["Ärendet kan inte avslutas före mottagandet."] });
    if (closedAt && closedAt > todayIso()) throw new FieldError({ closedDate: ["Ett ärende avslutas i dag eller bakåt i tiden."] });
    const [row] = await tx
      .update(participants)
      .set({ closedAt, version: sql`${participants.version} + 1`, updatedAt: sql`now()` })
      .where(eq(participants.id, p.id))
      .returning({ id: participants.id, closedAt: participants.closedAt, version: participants.version });
    return row;
  },
  audit: (r: CaseState): AuditEntry => ({ action: r.closedAt ? "participant.close" : "participant.reopen", entityType: "participant", entityId: r.id, participantId: r.id, details: { closedAt: r.closedAt } }),
} satisfies ActionDefinition<typeof caseStateSchema, CaseState>;
export const setCaseState = defineAction(setCaseStateDef);

export type RegisterResult = ActionResult<Participant> & { existingId?: string };

/**
 * Register a participant. A personnummer already in the municipality is refused next to the
 * field, with the existing person's id for a link when the user may open them. The refusal is
 * recognised in Swedish, as it was made, and answered in `locale`.
 */
export async function registerParticipant(user: SessionUser | null, raw: unknown, db: Db = getDb(), locale: Locale = "sv"): Promise<RegisterResult> {
  const r = await executeAction(createParticipantDef, raw, user, db);
  if (!r.ok && user && r.fieldErrors?.personnummer?.includes(PNR_MESSAGES.taken)) {
    const existingId = await visibleDuplicate(user, (raw as { personnummer?: string }).personnummer ?? "", undefined, db);
    if (existingId) return localizeResult({ ...r, existingId }, locale);
  }
  return localizeResult(r, locale);
}

export async function editParticipant(user: SessionUser | null, raw: unknown, db: Db = getDb(), locale: Locale = "sv"): Promise<ActionResult<Updated> & { existingId?: string }> {
  const r = await executeAction(updateParticipantDef, raw, user, db);
  if (!r.ok && user && r.fieldErrors?.personnummer?.includes(PNR_MESSAGES.taken)) {
    const self = (raw as { id?: string }).id;
    const existingId = await visibleDuplicate(user, (raw as { personnummer?: string }).personnummer ?? "", self, db);
    if (existingId) return localizeResult({ ...r, existingId }, locale);
  }
  return localizeResult(r, locale);
}

async function visibleDuplicate(user: Actor, rawPnr: string, exceptId: string | undefined, db: Executor): Promise<string | null> {
  const parsed = parsePersonnummer(rawPnr);
  if (!parsed.ok) return null;
  const [dup] = await db
    .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, deletedAt: participants.deletedAt, erasedAt: participants.erasedAt })
    .from(participants)
    .where(and(eq(participants.municipalityId, user.municipalityId), eq(participants.personnummer, parsed.value), exceptId ? ne(participants.id, exceptId) : undefined))
    .limit(1);
  if (!dup || dup.deletedAt || dup.erasedAt || !can(user, "participant:read", dup)) return null;
  return dup.id;
}

export const saveSkillMapping = defineAction(saveSkillMappingDef);
export const handover = defineAction(handoverDef);
