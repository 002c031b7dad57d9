// Reads of employers, their openings and placements, and the matching of an opening to the
// coordinator's own participants. Employers belong to the municipality; participant names are
// shown only to the coordinator of the participant's unit, and such reads are audited.
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, employers, openings, participants, plans, skillMappings } from "@/db/schema";
import { WORKPLACE_TYPES } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit/commands";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { containsPattern, pageBounds, searchText } from "@/lib/paging";
import { participantScope } from "@/lib/participants/scope";
import { occupationFits } from "./matching";
import type { SkillMappingData } from "@/lib/participants/schema";

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

/**
 * A page of the municipality's employers, by name, found by name or organisationsnummer (a part of
 * either, with or without the dash), with each one's open openings. At regional scale a
 * municipality has thousands: only the page is read, and its openings counted.
 */
export async function listEmployers(actor: Actor, opts: { q?: string; page?: number; pageSize?: number } = {}, db: Executor = getDb()) {
  if (!hasPermission(actor, "employer:read")) return { rows: [], total: 0, ...pageBounds(0, opts) };
  const where = ownEmployers(actor, searchText(opts.q));
  const [{ total }] = await db.select({ total: count() }).from(employers).where(where);
  const { offset, ...bounds } = pageBounds(total, opts);
  const page = await db
    .select({ id: employers.id, orgNr: employers.orgNr, name: employers.name, industry: employers.industry, contactName: employers.contactName })
    .from(employers)
    .where(where)
    .orderBy(asc(employers.name), asc(employers.id))
    .limit(bounds.pageSize)
    .offset(offset);
  const open = page.length
    ? await db
        .select({ employerId: openings.employerId, n: count() })
        .from(openings)
        .where(and(inArray(openings.employerId, page.map((e) => e.id)), eq(openings.municipalityId, actor.municipalityId), isNull(openings.closedAt)))
        .groupBy(openings.employerId)
    : [];
  const openOf = new Map(open.map((o) => [o.employerId, o.n]));
  return { rows: page.map((e) => ({ ...e, openings: openOf.get(e.id) ?? 0 })), total, ...bounds };
}

/** The activity form's employer choice shows at most this many matches; more typing narrows it. */
export const EMPLOYER_CHOICE_LIMIT = 20;
/** A choice search needs this many characters: one letter matches most of a region's employers. */
export const EMPLOYER_CHOICE_MIN_CHARS = 2;

export interface EmployerOption {
  id: string;
  name: string;
  orgNr: string;
}

/**
 * The employers the activity form offers for what the coordinator typed: at most
 * EMPLOYER_CHOICE_LIMIT of the own municipality's, by name, found as in listEmployers, and how many
 * match in all. Under EMPLOYER_CHOICE_MIN_CHARS characters (or no text at all) nothing is searched.
 * Needs what the activity form needs (plan:write); without it, not found.
 */
export async function searchEmployerChoices(actor: Actor, q: unknown, db: Executor = getDb()): Promise<{ rows: EmployerOption[]; total: number }> {
  if (!hasPermission(actor, "plan:write")) throw new NotFoundError("employer");
  const text = typeof q === "string" ? searchText(q) : "";
  if (text.length < EMPLOYER_CHOICE_MIN_CHARS) return { rows: [], total: 0 };
  const where = ownEmployers(actor, text);
  const [{ total }] = await db.select({ total: count() }).from(employers).where(where);
  const rows = total ? await db.select(employerOption).from(employers).where(where).orderBy(asc(employers.name), asc(employers.id)).limit(EMPLOYER_CHOICE_LIMIT) : [];
  return { rows, total };
}

/** One employer of the own municipality as the activity form shows it (its current or a conflict's saved one), or null. */
export async function getEmployerOption(actor: Actor, employerId: string | null | undefined, db: Executor = getDb()): Promise<EmployerOption | null> {
  if (!employerId || !isUuid(employerId) || !hasPermission(actor, "plan:write")) return null;
  const [row] = await db.select(employerOption).from(employers).where(and(eq(employers.id, employerId), eq(employers.municipalityId, actor.municipalityId)));
  return row ?? null;
}

const employerOption = { id: employers.id, name: employers.name, orgNr: employers.orgNr };

/** The user's municipality's employers, found by q (employerSearch). */
const ownEmployers = (actor: Actor, q: string) => and(eq(employers.municipalityId, actor.municipalityId), employerSearch(q));

/**
 * Name or organisationsnummer containing q. The number is compared by its digits alone, so
 * "556677-8899", "5566778899" and "6677-88" find it however it was written when stored.
 */
function employerSearch(q: string) {
  if (!q) return undefined;
  const digits = q.replace(/[\s-]/g, "");
  const byName = ilike(employers.name, containsPattern(q));
  return /^\d+$/.test(digits) ? or(byName, sql`replace(${employers.orgNr}, '-', '') like ${containsPattern(digits)}`) : byName;
}

/** The employer's own details (no participant data), e.g. for its edit form. */
export async function getEmployerDetails(actor: Actor, employerId: string, db: Executor = getDb()) {
  if (!hasPermission(actor, "employer:read") || !isUuid(employerId)) throw new NotFoundError("employer");
  const [employer] = await db.select().from(employers).where(and(eq(employers.id, employerId), eq(employers.municipalityId, actor.municipalityId)));
  if (!employer) throw new NotFoundError("employer");
  return employer;
}

/** Placements an employer's page shows at a time, the latest first. */
export const PLACEMENTS_PAGE_SIZE = 50;

/**
 * An employer with its openings and one page of the placements there have been (a large employer
 * has hundreds over the years), the latest first, with their count. Names only of the coordinator's
 * own unit's participants; the page's named people are audited as read.
 */
export async function getEmployer(actor: Actor, employerId: string, db: Executor = getDb(), opts: { placementPage?: number; placementPageSize?: number } = {}) {
  const employer = await getEmployerDetails(actor, employerId, db);
  const ops = await db.select().from(openings).where(eq(openings.employerId, employer.id)).orderBy(desc(openings.createdAt));
  const bookedRows = ops.length
    ? await db
        .select({ openingId: sql<string>`${activities.details}->>'openingId'`, n: count() })
        .from(activities)
        .where(and(inArray(sql`${activities.details}->>'openingId'`, ops.map((o) => o.id)), sql`${activities.status} <> 'avbruten'`))
        .groupBy(sql`${activities.details}->>'openingId'`)
    : [];
  const placedHere = and(eq(activities.employerId, employer.id), isNull(participants.erasedAt), isNull(participants.deletedAt));
  const [{ total }] = await db.select({ total: count() }).from(activities).innerJoin(participants, eq(participants.id, activities.participantId)).where(placedHere);
  const placementWindow = pageBounds(total, { page: opts.placementPage, pageSize: opts.placementPageSize }, PLACEMENTS_PAGE_SIZE);
  const placements = await db
    .select({
      id: activities.id,
      type: activities.type,
      status: activities.status,
      startDate: activities.startDate,
      endDate: activities.endDate,
      participantId: participants.id,
      unitId: participants.unitId,
      firstName: participants.firstName,
      lastName: participants.lastName,
      occupation: sql<string | null>`${activities.details}->>'occupation'`,
    })
    .from(activities)
    .innerJoin(participants, eq(participants.id, activities.participantId))
    .where(placedHere)
    .orderBy(desc(activities.startDate), desc(activities.id))
    .limit(placementWindow.pageSize)
    .offset(placementWindow.offset);
  // Names only for the coordinator's own unit; others are counted without saying who.
  const own = (unitId: string | null) => actor.role === "coordinator" && actor.unitId !== null && unitId === actor.unitId;
  const shown = placements.map((p) => ({ ...p, name: own(p.unitId) ? `${p.firstName} ${p.lastName}` : null, participantId: own(p.unitId) ? p.participantId : null }));
  const named = shown.filter((p) => p.participantId).map((p) => p.participantId!);
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "employer.read", entityType: "employer", entityId: employer.id, details: { participants: [...new Set(named)] } });
  return {
    employer,
    openings: ops.map((o) => ({ ...o, booked: bookedRows.find((b) => b.openingId === o.id)?.n ?? 0 })),
    placements: shown.map(({ firstName: _f, lastName: _l, unitId: _u, ...rest }) => rest),
    placementPages: { total, page: placementWindow.page, pages: placementWindow.pages, pageSize: placementWindow.pageSize },
  };
}

export interface MatchCandidate {
  participantId: string;
  name: string;
  goalOccupation: string | null;
  /** Why they fit: their goal, or an occupation from an earlier activity. */
  reasons: { kind: "goal" | "experience"; occupation: string }[];
  booked: boolean;
}

/**
 * The coordinator's participants who fit an opening: their goal occupation or an occupation of an
 * earlier activity (praktik, employment) fits the opening's, and no workplace-based activity is
 * planned or under way for them. Those already booked on the opening are listed as booked.
 * A closed opening has no candidates.
 */
export async function matchOpening(actor: Actor, openingId: string, db: Executor = getDb()) {
  if (!hasPermission(actor, "plan:write") || !isUuid(openingId)) throw new NotFoundError("opening");
  const [row] = await db
    .select({ opening: openings, employerName: employers.name })
    .from(openings)
    .innerJoin(employers, eq(employers.id, openings.employerId))
    .where(and(eq(openings.id, openingId), eq(openings.municipalityId, actor.municipalityId)));
  if (!row) throw new NotFoundError("opening");
  const bookedCount = async () => (await db.select({ n: count() }).from(activities).where(and(sql`${activities.details}->>'openingId' = ${openingId}`, sql`${activities.status} <> 'avbruten'`)))[0]?.n ?? 0;
  // A closed opening is offered to nobody: no participant is read for it.
  if (row.opening.closedAt) return { opening: row.opening, employerName: row.employerName, candidates: [] as MatchCandidate[], bookedCount: await bookedCount() };
  const people = await db
    .select({ id: participants.id, firstName: participants.firstName, lastName: participants.lastName, goalOccupation: plans.goalOccupation })
    .from(participants)
    .leftJoin(plans, eq(plans.participantId, participants.id))
    .where(and(participantScope(actor), isNull(participants.closedAt)))
    .orderBy(asc(participants.lastName), asc(participants.firstName));
  const ids = people.map((p) => p.id);
  const acts = ids.length
    ? await db
        .select({ participantId: activities.participantId, type: activities.type, status: activities.status, occupation: sql<string | null>`${activities.details}->>'occupation'`, openingId: sql<string | null>`${activities.details}->>'openingId'` })
        .from(activities)
        .where(inArray(activities.participantId, ids))
    : [];
  // The latest kartläggning of each: goal occupations and work experience count as a fit too.
  const mappings = ids.length
    ? await db
        .selectDistinctOn([skillMappings.participantId], { participantId: skillMappings.participantId, data: skillMappings.data })
        .from(skillMappings)
        .where(inArray(skillMappings.participantId, ids))
        .orderBy(skillMappings.participantId, desc(skillMappings.version))
    : [];
  const mappingOf = new Map(mappings.map((m) => [m.participantId, m.data as Partial<SkillMappingData>]));
  const byPerson = new Map<string, typeof acts>();
  for (const a of acts) byPerson.set(a.participantId, [...(byPerson.get(a.participantId) ?? []), a]);
  const workplace = WORKPLACE_TYPES as readonly string[];
  const candidates: MatchCandidate[] = [];
  for (const p of people) {
    const mine = byPerson.get(p.id) ?? [];
    const booked = mine.some((a) => a.openingId === openingId && a.status !== "avbruten");
    const busy = mine.some((a) => workplace.includes(a.type) && (a.status === "planerad" || a.status === "pagaende"));
    if (busy && !booked) continue;
    const reasons: MatchCandidate["reasons"] = [];
    if (occupationFits(p.goalOccupation, row.opening.occupation)) reasons.push({ kind: "goal", occupation: p.goalOccupation! });
    const mapping = mappingOf.get(p.id);
    for (const goal of mapping?.goalOccupations ?? []) {
      if (goal !== p.goalOccupation && occupationFits(goal, row.opening.occupation)) reasons.push({ kind: "goal", occupation: goal });
    }
    for (const w of mapping?.work ?? []) {
      if (occupationFits(w.occupation, row.opening.occupation)) reasons.push({ kind: "experience", occupation: w.occupation });
    }
    for (const occ of new Set(mine.filter((a) => a.occupation && a.openingId !== openingId).map((a) => a.occupation!))) {
      if (occupationFits(occ, row.opening.occupation)) reasons.push({ kind: "experience", occupation: occ });
    }
    if (reasons.length || booked) candidates.push({ participantId: p.id, name: `${p.firstName} ${p.lastName}`, goalOccupation: p.goalOccupation, reasons, booked });
  }
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "opening.match", entityType: "opening", entityId: openingId, details: { participants: candidates.map((c) => c.participantId) } });
  return { opening: row.opening, employerName: row.employerName, candidates, bookedCount: await bookedCount() };
}
