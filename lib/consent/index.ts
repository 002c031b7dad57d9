// Samtycke: recording and withdrawing a participant's consent to share information with a named
// actor, and `requireConsent`, which every hand-over of information to such an actor calls first.
import { and, desc, eq, getTableColumns, gt, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Executor, type Tx } from "@/db";
import { frozen, jsonList, listFromJson } from "@/db/json";
import { consents, participants, type ConsentActor } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import type { ActionDefinition } from "@/lib/auth/action";
import type { Actor } from "@/lib/auth/permissions";
import { participantScope, scopedParticipantRow } from "@/lib/participants/scope";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { recordConsentSchema, withdrawConsentSchema } from "./schema";

export const CONSENT_ACTOR_NAMES: Record<ConsentActor, string> = {
  arbetsformedlingen: "Arbetsförmedlingen",
  region_halsa: "Regionens hälso- och sjukvård",
  arbetsgivare: "Arbetsgivare",
  vuxenutbildning: "Vuxenutbildningen",
};

/** No valid consent: the hand-over is refused, and the message says why in plain words. */
export class ConsentRequiredError extends Error {
  constructor(public readonly actor: ConsentActor) {
    super(`Uppgifterna kan inte lämnas ut: det finns inget giltigt samtycke från deltagaren att dela uppgifter med ${CONSENT_ACTOR_NAMES[actor]}.`);
    this.name = "ConsentRequiredError";
  }
}

/**
 * A valid consent whose scope names nothing the hand-over is made of (lib/consent/scope.ts): the
 * hand-over is refused rather than made of parts the participant did not name.
 */
export class ConsentScopeError extends Error {
  constructor(
    public readonly actor: ConsentActor,
    public readonly scope: string,
  ) {
    super(`Samtycket till ${CONSENT_ACTOR_NAMES[actor]} nämner inget av det som kan lämnas ut.`);
    this.name = "ConsentScopeError";
  }
}

/** Consents valid on `asOf`: given on or before, not expired, not withdrawn (a withdrawal ends it that day). */
function validOn(asOf: string) {
  return and(
    lte(consents.givenOn, asOf),
    or(isNull(consents.validUntil), gte(consents.validUntil, asOf)),
    or(isNull(consents.withdrawnOn), gt(consents.withdrawnOn, asOf)),
  );
}

/**
 * Throws ConsentRequiredError unless the participant has a consent to share with `actor` that is
 * valid on `asOf` (for a named actor such as an employer, one naming it when `actorName` is
 * given). Returns the consent relied on, so the hand-over can record it in its audit entry.
 */
export async function requireConsent(tx: Executor, participantId: string, actor: ConsentActor, asOf: string, actorName?: string) {
  const rows = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.participantId, participantId), eq(consents.actor, actor), validOn(asOf)))
    .orderBy(desc(consents.givenOn));
  const wanted = actorName?.trim().toLowerCase();
  const hit = wanted ? rows.find((r) => r.actorName?.trim().toLowerCase() === wanted) : rows[0];
  if (!hit) throw new ConsentRequiredError(actor);
  return hit;
}

export type ConsentStatus = "valid" | "withdrawn" | "expired";
export function consentStatus(c: { validUntil: string | null; withdrawnOn: string | null }, today: string): ConsentStatus {
  if (c.withdrawnOn && c.withdrawnOn <= today) return "withdrawn";
  if (c.validUntil && c.validUntil < today) return "expired";
  return "valid";
}

async function scopedParticipant(db: Executor, actor: Actor, participantId: string) {
  const [p] = await db
    .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId })
    .from(participants)
    .where(and(eq(participants.id, participantId), participantScope(actor)))
    .limit(1);
  if (!p) throw new NotFoundError("participant");
  return p;
}

const consentFields = getTableColumns(consents);
const consentSelect = frozen(
  sql`${jsonList(consentFields, sql`from ${consents} where ${consents.participantId} = ${participants.id}`, [desc(consents.givenOn), desc(consents.createdAt)])} as "list"`,
);

/** The participant's consents, newest first; audited as a read of the participant's data. */
export async function listConsents(actor: Actor, participantId: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(participantId)) throw new NotFoundError("participant");
  // One statement: the scope check and the list as its subquery.
  const p = await scopedParticipantRow(db, actor, "consents", () => consentSelect, participantId);
  if (!p) throw new NotFoundError("participant");
  const rows = listFromJson(consentFields, p.list);
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "consent.list",
    entityType: "consent",
    participantId,
    details: { ids: rows.map((r) => r.id) },
  });
  return rows;
}

export async function recordConsent(tx: Tx, actor: Actor, input: z.output<typeof recordConsentSchema>, authorize: (r: { municipalityId: string; unitId: string | null }) => void) {
  const p = await scopedParticipant(tx, actor, input.participantId);
  authorize(p);
  const [row] = await tx
    .insert(consents)
    .values({ ...input, municipalityId: p.municipalityId, recordedBy: actor.id })
    .returning({ id: consents.id, participantId: consents.participantId, actor: consents.actor });
  return row;
}

export async function withdrawConsent(tx: Tx, actor: Actor, input: z.output<typeof withdrawConsentSchema>, authorize: (r: { municipalityId: string; unitId: string | null }) => void) {
  const [c] = await tx.select().from(consents).where(eq(consents.id, input.id)).limit(1).for("update");
  if (!c) throw new NotFoundError("consent");
  const p = await scopedParticipant(tx, actor, c.participantId);
  authorize(p);
  // The version the page showed: a consent changed or withdrawn since is shown again, not overwritten.
  if (c.version !== input.version || c.withdrawnOn) throw new ConflictError(c);
  // The schema keeps the day out of the future; the stored consent says when it began.
  if (input.withdrawnOn < c.givenOn) throw new FieldError({ withdrawnOn: ["before_given"] });
  await tx
    .update(consents)
    .set({ withdrawnOn: input.withdrawnOn, withdrawnBy: actor.id, version: c.version + 1, updatedAt: new Date() })
    .where(eq(consents.id, c.id));
  return { id: c.id, participantId: c.participantId, actor: c.actor, withdrawnOn: input.withdrawnOn };
}

export const recordConsentAction: ActionDefinition<typeof recordConsentSchema, { id: string; participantId: string; actor: ConsentActor }> = {
  schema: recordConsentSchema,
  permission: "participant:write",
  run: ({ tx, user, input, authorize }) => recordConsent(tx, user, input, authorize),
  audit: (r) => ({ action: "consent.create", entityType: "consent", entityId: r.id, participantId: r.participantId, details: { actor: r.actor } }),
};

export const withdrawConsentAction: ActionDefinition<typeof withdrawConsentSchema, { id: string; participantId: string; actor: ConsentActor; withdrawnOn: string }> = {
  schema: withdrawConsentSchema,
  permission: "participant:write",
  run: ({ tx, user, input, authorize }) => withdrawConsent(tx, user, input, authorize),
  audit: (r) => ({ action: "consent.withdraw", entityType: "consent", entityId: r.id, participantId: r.participantId, details: { actor: r.actor, withdrawnOn: r.withdrawnOn } }),
};
