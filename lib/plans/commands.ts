// Changes to the individual plan: activities of every type added and edited, and the plan's goal
// revised with every revision kept. Coordinators work on their own unit's participants; a stale
// form is a conflict carrying the saved version, never an overwrite. `insertActivity` is the one
// way an activity is created (also from a follow-up's next steps and from booking an opening);
// every activity write also records a revision in the plan's history (./history.ts).
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { activities, employers, participants, planRevisions, plans, users } from "@/db/schema";
import type { Tx } from "@/db";
import type { ActivityStatus, ActivityType } from "@/db/schema/enums";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import type { AuditEntry } from "@/lib/audit/commands";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { activityColumns, activityFormValues } from "./form";
import { recordActivityRevision } from "./history";
import { describeGoalChange } from "./history-text";
import { todayIso } from "@/lib/dates";
import { activityDetailsSchema, createActivitySchema, REVIEW_DATE_PAST, updateActivitySchema, updatePlanGoalSchema } from "./schema";

type Activity = typeof activities.$inferSelect;
type Plan = typeof plans.$inferSelect;

export interface NewActivity {
  municipalityId: string;
  participantId: string;
  type: ActivityType;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  plannedStartDate?: string | null;
  plannedEndDate?: string | null;
  provider?: string | null;
  responsibleUserId?: string | null;
  employerId?: string | null;
  hoursPerWeek?: string | null;
  interruptReason?: string | null;
  resultNote?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Inserts one activity and records it in the plan's history (by whom, and a note on where it came
 * from); callers have checked permission and scope and write the audit entry.
 */
export async function insertActivity(tx: Tx, a: NewActivity, by: { userId: string | null; note?: string }): Promise<Activity> {
  const planned = a.status === "planerad";
  const [row] = await tx
    .insert(activities)
    .values({
      ...a,
      plannedStartDate: a.plannedStartDate ?? (planned ? a.startDate : null),
      plannedEndDate: a.plannedEndDate ?? (planned ? a.endDate : null),
      details: a.details ?? {},
    })
    .returning();
  await recordActivityRevision(tx, by.userId, null, row, by.note);
  return row;
}

export const activityAudit = (a: Activity, action: string, extra: Record<string, unknown> = {}): AuditEntry => ({
  action,
  entityType: "activity",
  entityId: a.id,
  participantId: a.participantId,
  details: { type: a.type, status: a.status, startDate: a.startDate, endDate: a.endDate, version: a.version, ...extra },
});

async function participantFor(tx: Tx, participantId: string) {
  const [p] = await tx
    .select({ id: participants.id, municipalityId: participants.municipalityId, unitId: participants.unitId, birthDate: participants.birthDate, deletedAt: participants.deletedAt, erasedAt: participants.erasedAt })
    .from(participants)
    .where(eq(participants.id, participantId));
  return p && !p.deletedAt && !p.erasedAt ? p : undefined;
}

type ActivityInput = z.infer<typeof createActivitySchema>;

/** Rules that need the database: no date before the person's birth, employer and responsible person of the municipality. */
async function checkAgainstDb(tx: Tx, v: Omit<ActivityInput, "participantId">, p: { municipalityId: string; birthDate: string }) {
  const errors: Record<string, string[]> = {};
  for (const f of ["plannedStartDate", "plannedEndDate", "actualStartDate", "actualEndDate"] as const) {
    if (v[f] && v[f] < p.birthDate) errors[f] = ["Datumet är före personens födelsedatum."];
  }
  const employerId = "employerId" in v.details ? v.details.employerId : "";
  if (employerId) {
    const [e] = await tx.select({ id: employers.id }).from(employers).where(and(eq(employers.id, employerId), eq(employers.municipalityId, p.municipalityId)));
    if (!e) errors["details.employerId"] = ["Välj en registrerad arbetsgivare."];
  }
  if (v.responsibleUserId) {
    const [u] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, v.responsibleUserId), eq(users.municipalityId, p.municipalityId)));
    if (!u) errors.responsibleUserId = ["Välj en ansvarig i listan."];
  }
  if (Object.keys(errors).length) throw new FieldError(errors);
}

export const createActivityDef = {
  schema: createActivitySchema,
  permission: "plan:write",
  async run({ tx, input, user, authorize }: ActionContext<ActivityInput>): Promise<Activity> {
    const p = await participantFor(tx, input.participantId);
    authorize(p);
    await checkAgainstDb(tx, input, p!);
    const cols = activityColumns(input);
    return insertActivity(tx, { municipalityId: p!.municipalityId, participantId: p!.id, ...cols, responsibleUserId: cols.responsibleUserId ?? user.id }, { userId: user.id });
  },
  audit: (a: Activity) => activityAudit(a, "activity.create"),
} satisfies ActionDefinition<typeof createActivitySchema, Activity>;

function unknownDetails(type: ActivityType, details: Record<string, unknown>) {
  const variant = activityDetailsSchema.options.find((o) => o.shape.type.value === type);
  const known = new Set(Object.keys(variant?.shape ?? {}));
  return Object.fromEntries(Object.entries(details ?? {}).filter(([k]) => !known.has(k)));
}

export const updateActivityDef = {
  schema: updateActivitySchema,
  permission: "plan:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof updateActivitySchema>>): Promise<{ before: Activity; after: Activity }> {
    const [before] = await tx.select().from(activities).where(eq(activities.id, input.activityId));
    if (!before) throw new NotFoundError("activity");
    const p = await participantFor(tx, before.participantId);
    authorize(p);
    await checkAgainstDb(tx, input, p!);
    const cols = activityColumns(input);
    // Keys the form does not know (an sfi group set by enrolment, …) stay when the type stays.
    if (cols.type === before.type) cols.details = { ...unknownDetails(before.type, before.details), ...cols.details };
    const [after] = await tx
      .update(activities)
      .set({ ...cols, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(activities.id, before.id), eq(activities.version, input.version)))
      .returning();
    // Someone saved it since this form was opened: hand back what is saved, change nothing.
    if (!after) throw new ConflictError(activityFormValues(before));
    await recordActivityRevision(tx, user.id, before, after);
    return { before, after };
  },
  audit: ({ before, after }: { before: Activity; after: Activity }) => {
    const changed = (Object.keys(after) as (keyof Activity)[]).filter((k) => !["version", "updatedAt"].includes(k) && JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    return activityAudit(after, "activity.update", { changed });
  },
} satisfies ActionDefinition<typeof updateActivitySchema, { before: Activity; after: Activity }>;

export const updatePlanGoalDef = {
  schema: updatePlanGoalSchema,
  permission: "plan:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof updatePlanGoalSchema>>): Promise<{ plan: Plan; summary: string }> {
    const p = await participantFor(tx, input.participantId);
    authorize(p);
    if (input.reviewDate && input.reviewDate < p!.birthDate) throw new FieldError({ reviewDate: ["Datumet är före personens födelsedatum."] });
    const values = { goalType: input.goalType, goalOccupation: input.goalOccupation, goalNote: input.goalNote || null, reviewDate: input.reviewDate || null };
    const [existing] = await tx.select().from(plans).where(eq(plans.participantId, p!.id));
    if (input.reviewDate && input.reviewDate !== (existing?.reviewDate ?? null) && input.reviewDate < todayIso()) throw new FieldError({ reviewDate: [REVIEW_DATE_PAST] });
    // Version 0: the plan was made by an activity write and has no goal yet (./history.ts).
    const before = existing && existing.version > 0 ? existing : null;
    let plan: Plan | undefined;
    if (!existing) {
      if (input.version !== 0) throw new ConflictError(null);
      [plan] = await tx.insert(plans).values({ participantId: p!.id, ...values, updatedBy: user.id }).returning();
    } else {
      [plan] = await tx
        .update(plans)
        .set({ ...values, version: sql`${plans.version} + 1`, updatedBy: user.id, updatedAt: sql`now()` })
        .where(and(eq(plans.id, existing.id), eq(plans.version, input.version)))
        .returning();
      if (!plan) throw new ConflictError({ version: existing.version, goalType: existing.goalType ?? "", goalOccupation: existing.goalOccupation ?? "", goalNote: existing.goalNote ?? "", reviewDate: existing.reviewDate ?? "" });
    }
    const summary = describeGoalChange(before, values);
    await tx.insert(planRevisions).values({ planId: plan.id, kind: "goal", version: plan.version, changedBy: user.id, summary, snapshot: values });
    return { plan, summary };
  },
  audit: ({ plan, summary }: { plan: Plan; summary: string }) => ({ action: "plan.update", entityType: "plan", entityId: plan.id, participantId: plan.participantId, details: { version: plan.version } }),
} satisfies ActionDefinition<typeof updatePlanGoalSchema, { plan: Plan; summary: string }>;

export const createActivity = defineAction(createActivityDef);
export const updateActivity = defineAction(updateActivityDef);
export const updatePlanGoal = defineAction(updatePlanGoalDef);
