// Employers and openings of the municipality, and booking a participant on an opening: one
// step puts a planned activity of the opening's type at that employer on the person's plan.
import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { activities, employers, openings, participants } from "@/db/schema";
import type { Tx } from "@/db";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { todayIso } from "@/lib/dates";
import { FieldError, NotFoundError } from "@/lib/errors";
import { activityAudit, insertActivity } from "@/lib/plans/commands";
import { ACTIVITY_FOR_OPENING } from "./matching";
import { bookOpeningSchema, createOpeningSchema, registerEmployerSchema } from "./schema";

type Employer = typeof employers.$inferSelect;
type Opening = typeof openings.$inferSelect;
type Activity = typeof activities.$inferSelect;

export const registerEmployerDef = {
  schema: registerEmployerSchema,
  permission: "employer:write",
  async run({ tx, input, user }: ActionContext<z.infer<typeof registerEmployerSchema>>): Promise<Employer> {
    const [dup] = await tx.select({ id: employers.id }).from(employers).where(and(eq(employers.municipalityId, user.municipalityId), eq(employers.orgNr, input.orgNr)));
    if (dup) throw new FieldError({ orgNr: ["Arbetsgivaren är redan registrerad."] });
    const [row] = await tx
      .insert(employers)
      .values({
        municipalityId: user.municipalityId,
        orgNr: input.orgNr,
        name: input.name,
        industry: input.industry || null,
        contactName: input.contactName || null,
        contactPhone: input.contactPhone || null,
        contactEmail: input.contactEmail || null,
        address: input.address || null,
      })
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
    if (!o || o.opening.closedAt) throw new NotFoundError("opening");
    const [p] = await tx
      .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, deletedAt: participants.deletedAt, erasedAt: participants.erasedAt })
      .from(participants)
      .where(eq(participants.id, input.participantId));
    authorize(p && !p.deletedAt && !p.erasedAt ? p : null);
    // Serialise bookings of one opening so two coordinators cannot both take its last place.
    await tx.select({ id: openings.id }).from(openings).where(eq(openings.id, o.opening.id)).for("update");
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
