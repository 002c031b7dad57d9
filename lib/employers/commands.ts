// Employers and openings of the municipality, and booking a participant on an opening: one
// step puts a planned activity of the opening's type at that employer on the person's plan.
// Edits carry the version the form was opened on; saving over a newer one is a conflict that
// returns the saved values, so the form can show both. A closed opening takes no bookings.
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { activities, employers, openings, participants } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { todayIso } from "@/lib/dates";
import type { AuditEntry } from "@/lib/audit/commands";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { activityAudit, insertActivity } from "@/lib/plans/commands";
import { ACTIVITY_FOR_OPENING } from "./matching";
import {
  EMPLOYER_FIELDS,
  OPENING_FIELDS,
  bookOpeningSchema,
  createOpeningSchema,
  openingStateSchema,
  registerEmployerSchema,
  updateEmployerSchema,
  updateOpeningSchema,
} from "./schema";

type Employer = typeof employers.$inferSelect;
type Opening = typeof openings.$inferSelect;
type Activity = typeof activities.$inferSelect;

export type EmployerFormValues = Record<(typeof EMPLOYER_FIELDS)[number], string> & { id: string; version: number };
export type OpeningFormValues = Record<Exclude<(typeof OPENING_FIELDS)[number], "places">, string> & { places: number; id: string; version: number };

/** A stored employer as the edit form's values (what the conflict view shows as "saved now"). */
export function employerFormValuesOf(e: Employer): EmployerFormValues {
  const values = { id: e.id, version: e.version } as EmployerFormValues;
  for (const k of EMPLOYER_FIELDS) values[k] = e[k] ?? "";
  return values;
}

/** A stored opening as the edit form's values. */
export function openingFormValuesOf(o: Opening): OpeningFormValues {
  return {
    id: o.id,
    version: o.version,
    occupation: o.occupation,
    places: o.places,
    startDate: o.startDate ?? "",
    endDate: o.endDate ?? "",
    languageRequirement: o.languageRequirement ?? "",
  };
}

/** Empty optional fields are stored as null. */
function employerColumnsOf(input: z.infer<typeof registerEmployerSchema>) {
  return {
    orgNr: input.orgNr,
    name: input.name,
    industry: input.industry || null,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    address: input.address || null,
  };
}

/** Organisationsnummer are unique within a municipality (employers_org_nr_uq). */
async function checkOrgNrFree(tx: Tx, municipalityId: string, orgNr: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: employers.id, name: employers.name })
    .from(employers)
    .where(and(eq(employers.municipalityId, municipalityId), eq(employers.orgNr, orgNr), exceptId ? ne(employers.id, exceptId) : undefined));
  if (!dup) return;
  throw new FieldError({ orgNr: [exceptId ? errorText("orgNrTaken", { name: dup.name }) : "Arbetsgivaren är redan registrerad."] });
}

export const registerEmployerDef = {
  schema: registerEmployerSchema,
  permission: "employer:write",
  async run({ tx, input, user }: ActionContext<z.infer<typeof registerEmployerSchema>>): Promise<Employer> {
    await checkOrgNrFree(tx, user.municipalityId, input.orgNr);
    const [row] = await tx
      .insert(employers)
      .values({ municipalityId: user.municipalityId, ...employerColumnsOf(input) })
      .returning();
    return row;
  },
  audit: (e: Employer) => ({ action: "employer.create", entityType: "employer", entityId: e.id, details: { orgNr: e.orgNr } }),
} satisfies ActionDefinition<typeof registerEmployerSchema, Employer>;

export const createOpeningDef = {
  schema: createOpeningSchema,
  permission: "employer:write",
  async run({ tx, input, authorize }: ActionContext<z.infer<typeof createOpeningSchema>>): Promise<Opening> {
    const [e] = await tx.select({ id: employers.id, municipalityId: employers.municipalityId }).from(employers).where(eq(employers.id, input.employerId));
    authorize(e);
    const [row] = await tx
      .insert(openings)
      .values({
        municipalityId: e.municipalityId,
        employerId: e.id,
        type: input.type,
        occupation: input.occupation,
        places: input.places,
        startDate: input.startDate || null,
        endDate: input.endDate || null,
        languageRequirement: input.languageRequirement || null,
      })
      .returning();
    return row;
  },
  audit: (o: Opening) => ({ action: "opening.create", entityType: "opening", entityId: o.id, details: { employerId: o.employerId, type: o.type, places: o.places } }),
} satisfies ActionDefinition<typeof createOpeningSchema, Opening>;

type EmployerUpdated = { employer: Employer; changed: string[] };

export const updateEmployerDef = {
  schema: updateEmployerSchema,
  permission: "employer:write",
  async run({ tx, input, authorize }: ActionContext<z.infer<typeof updateEmployerSchema>>): Promise<EmployerUpdated> {
    // Locked, so two savers of the same version cannot both pass the check below.
    const [current] = await tx.select().from(employers).where(eq(employers.id, input.id)).for("update");
    authorize(current);
    if (current.version !== input.version) throw new ConflictError(employerFormValuesOf(current));
    const cols = employerColumnsOf(input);
    const changed = EMPLOYER_FIELDS.filter((k) => cols[k] !== current[k]);
    if (changed.length === 0) return { employer: current, changed };
    if (changed.includes("orgNr")) await checkOrgNrFree(tx, current.municipalityId, cols.orgNr, current.id);
    const [row] = await tx
      .update(employers)
      .set({ ...cols, version: sql`${employers.version} + 1`, updatedAt: sql`now()` })
      .where(eq(employers.id, current.id))
      .returning();
    return { employer: row, changed };
  },
  audit: (r: EmployerUpdated): AuditEntry => ({ action: "employer.update", entityType: "employer", entityId: r.employer.id, details: { changed: r.changed, version: r.employer.version } }),
} satisfies ActionDefinition<typeof updateEmployerSchema, EmployerUpdated>;

/** The opening, locked for the rest of the transaction, after the version check. */
async function lockOpening(tx: Tx, openingId: string, version: number, authorize: (o: Opening | undefined) => void) {
  const [o] = await tx.select().from(openings).where(eq(openings.id, openingId)).for("update");
  authorize(o);
  if (o.version !== version) throw new ConflictError(openingFormValuesOf(o));
  return o;
}

type OpeningUpdated = { opening: Opening; changed: string[] };

export const updateOpeningDef = {
  schema: updateOpeningSchema,
  permission: "employer:write",
  async run({ tx, input, authorize }: ActionContext<z.infer<typeof updateOpeningSchema>>): Promise<OpeningUpdated> {
    const current = await lockOpening(tx, input.id, input.version, authorize);
    const cols = {
      occupation: input.occupation,
      places: input.places,
      startDate: input.startDate || null,
      endDate: input.endDate || null,
      languageRequirement: input.languageRequirement || null,
    };
    const changed = OPENING_FIELDS.filter((k) => cols[k] !== current[k]);
    if (changed.length === 0) return { opening: current, changed };
    const booked = (await bookedOn(tx, current.id)).length;
    if (cols.places < booked) throw new FieldError({ places: [errorText("placesBooked", { n: booked })] });
    const [row] = await tx
      .update(openings)
      .set({ ...cols, version: sql`${openings.version} + 1` })
      .where(eq(openings.id, current.id))
      .returning();
    return { opening: row, changed };
  },
  audit: (r: OpeningUpdated): AuditEntry => ({
    action: "opening.update",
    entityType: "opening",
    entityId: r.opening.id,
    details: { employerId: r.opening.employerId, changed: r.changed, version: r.opening.version },
  }),
} satisfies ActionDefinition<typeof updateOpeningSchema, OpeningUpdated>;

export const setOpeningStateDef = {
  schema: openingStateSchema,
  permission: "employer:write",
  async run({ tx, input, authorize }: ActionContext<z.infer<typeof openingStateSchema>>): Promise<Opening> {
    const current = await lockOpening(tx, input.openingId, input.version, authorize);
    // Bookings already made stay on the plans; closing only stops new ones.
    const [row] = await tx
      .update(openings)
      .set({
        closedAt: input.closed ? (current.closedAt ?? sql`now()`) : null,
        closedReason: input.closed ? input.reason || null : null,
        version: sql`${openings.version} + 1`,
      })
      .where(eq(openings.id, current.id))
      .returning();
    return row;
  },
  audit: (o: Opening): AuditEntry => ({
    action: o.closedAt ? "opening.close" : "opening.reopen",
    entityType: "opening",
    entityId: o.id,
    details: { employerId: o.employerId, reason: o.closedReason },
  }),
} satisfies ActionDefinition<typeof openingStateSchema, Opening>;

/** Activities booked on an opening carry its id in their details, so its places can be counted. */
export async function bookedOn(tx: Tx, openingId: string) {
  return tx
    .select({ id: activities.id, participantId: activities.participantId })
    .from(activities)
    .where(and(sql`${activities.details}->>'openingId' = ${openingId}`, ne(activities.status, "avbruten")));
}

export const bookOpeningDef = {
  schema: bookOpeningSchema,
  // It writes on the person's plan, so the plan's rule decides: the person's own unit.
  permission: "plan:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof bookOpeningSchema>>): Promise<Activity> {
    const [o] = await tx
      .select({ opening: openings, employerName: employers.name })
      .from(openings)
      .innerJoin(employers, eq(employers.id, openings.employerId))
      .where(and(eq(openings.id, input.openingId), eq(openings.municipalityId, user.municipalityId)));
    if (!o) throw new NotFoundError("opening");
    const [p] = await tx
      .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, deletedAt: participants.deletedAt, erasedAt: participants.erasedAt })
      .from(participants)
      .where(eq(participants.id, input.participantId));
    authorize(p && !p.deletedAt && !p.erasedAt ? p : null);
    // Serialise bookings of one opening so two coordinators cannot both take its last place.
    // The state read under the lock: an opening closed meanwhile takes nobody.
    const [locked] = await tx.select({ closedAt: openings.closedAt }).from(openings).where(eq(openings.id, o.opening.id)).for("update");
    if (locked.closedAt) throw new FieldError({}, "Platsen är stängd och kan inte bokas.");
    const booked = await bookedOn(tx, o.opening.id);
    if (booked.some((b) => b.participantId === p!.id)) throw new FieldError({}, "Personen är redan bokad på den här platsen.");
    if (booked.length >= o.opening.places) throw new FieldError({}, "Alla platser är bokade.");
    const today = todayIso();
    const start = o.opening.startDate && o.opening.startDate > today ? o.opening.startDate : today;
    const end = o.opening.endDate && o.opening.endDate >= start ? o.opening.endDate : null;
    const type = ACTIVITY_FOR_OPENING[o.opening.type];
    return insertActivity(tx, {
      municipalityId: p!.municipalityId,
      participantId: p!.id,
      type,
      status: "planerad",
      startDate: start,
      endDate: end,
      provider: o.employerName,
      employerId: o.opening.employerId,
      responsibleUserId: user.id,
      details: { openingId: o.opening.id, ...(type === "praktik" || type === "rekryteringsutbildning" ? { occupation: o.opening.occupation } : {}) },
    }, { userId: user.id, note: "bokad på en ledig plats" });
  },
  audit: (a: Activity) => activityAudit(a, "activity.create", { source: "opening", openingId: a.details.openingId }),
} satisfies ActionDefinition<typeof bookOpeningSchema, Activity>;

export const registerEmployer = defineAction(registerEmployerDef);
export const createOpening = defineAction(createOpeningDef);
export const bookOpening = defineAction(bookOpeningDef);
export const updateEmployer = defineAction(updateEmployerDef);
export const updateOpening = defineAction(updateOpeningDef);
export const setOpeningState = defineAction(setOpeningStateDef);
