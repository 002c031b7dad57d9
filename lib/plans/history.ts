// The activity side of a plan's history. Every write that creates or changes an activity (the plan
// form, booking an opening, a follow-up's next steps, sfi enrolment, interruption and course
// completion) records a revision on the person's plan in the writer's own transaction: who, when
// and, in plain Swedish, what changed (the words: ./history-text.ts, which also reads a stored entry
// back to show it in English). Activity revisions never touch plans.version, which counts
// goal changes only, so an open goal form is not made stale by an activity change.
import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { activities, employers, planRevisions, plans, users } from "@/db/schema";
import { planMessages } from "@/lib/i18n/areas/plan";
import { activityNameText, HISTORY_COLUMNS, renderHistoryEntry, shownValue, type FieldChange, type HistoryEntry } from "./history-text";

type Activity = typeof activities.$inferSelect;
type Names = Record<string, string>;

const sv = planMessages.sv;

/** The person's plan; made (version 0, no goal yet) the first time an activity is written for them. */
export async function planIdFor(tx: Tx, participantId: string): Promise<string> {
  const [found] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.participantId, participantId));
  if (found) return found.id;
  const [made] = await tx.insert(plans).values({ participantId, version: 0 }).onConflictDoNothing().returning({ id: plans.id });
  if (made) return made.id;
  // Made by a concurrent transaction between our read and our insert.
  const [again] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.participantId, participantId));
  return again.id;
}

/** Ids kept in the details for the app's own use, not for reading. */
const HIDDEN_DETAILS = new Set(["openingId", "groupId", "employerId"]);
const FORM_ORDER = Object.keys(sv.fields);
/** A planned date follows the actual one until the activity starts: say it once. */
const FOLLOWS: Partial<Record<keyof Activity, keyof Activity>> = { plannedStartDate: "startDate", plannedEndDate: "endDate" };

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
const nameOf = (a: Pick<Activity, "type" | "employerId" | "provider">, names: Names) => ({ type: a.type, where: (a.employerId && names[a.employerId]) || a.provider || null });

/** "Praktik hos Ica Maxi", "Sfi hos Lärcentrum", "Samhällsorientering". */
export function activityLabel(a: Pick<Activity, "type" | "employerId" | "provider">, names: Names): string {
  return activityNameText(nameOf(a, names), sv);
}

/** What a write did to an activity, as a structured entry (null when nothing a reader would see changed). */
export function activityChangeOf(before: Activity | null, after: Activity, names: Names = {}): HistoryEntry | null {
  if (!before) {
    const reason = after.status === "avbruten" && after.interruptReason ? clip(after.interruptReason) : null;
    return { kind: "activityCreated", activity: nameOf(after, names), status: shownValue("status", after.status), from: after.startDate, to: after.endDate, reason, note: null };
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changes: FieldChange[] = [];
  for (const key of HISTORY_COLUMNS) {
    if (same(before[key], after[key])) continue;
    const leader = FOLLOWS[key];
    if (leader && same(before[key], before[leader]) && same(after[key], after[leader])) continue;
    changes.push({ field: { source: "column", key }, from: shownValue(key, before[key], names), to: shownValue(key, after[key], names) });
  }
  // In the form's order (jsonb keeps its own), then any the form does not know.
  const present = new Set([...Object.keys(before.details ?? {}), ...Object.keys(after.details ?? {})]);
  const keys = [...FORM_ORDER.filter((k) => present.has(k)), ...[...present].filter((k) => !FORM_ORDER.includes(k)).sort()];
  for (const key of keys) {
    if (HIDDEN_DETAILS.has(key) || same(before.details?.[key], after.details?.[key])) continue;
    changes.push({ field: { source: "detail", key }, from: shownValue(key, before.details?.[key], names), to: shownValue(key, after.details?.[key], names) });
  }
  return changes.length ? { kind: "activityChanged", activity: nameOf(before, names), changes, note: null } : null;
}

/**
 * What a write did to an activity, in plain Swedish as the history stores it: "Ny insats: Praktik
 * hos X, planerad 2026-08-01 – 2026-10-31" or "Praktik hos X: slutdatum 2026-10-31 → 2026-11-30;
 * status planerad → pågående". Null when nothing a reader would see changed.
 */
export function describeActivityChange(before: Activity | null, after: Activity, names: Names = {}): string | null {
  const entry = activityChangeOf(before, after, names);
  return entry && renderHistoryEntry(entry, "sv");
}

/** Employer and user names the description needs, in one query each (none when no id is involved). */
async function namesOf(tx: Tx, rows: (Activity | null)[]): Promise<Names> {
  const present = rows.filter((r): r is Activity => r !== null);
  const employerIds = [...new Set(present.map((r) => r.employerId).filter((x): x is string => !!x))];
  const changedResponsible = present.length === 2 && present[0].responsibleUserId !== present[1].responsibleUserId;
  const userIds = changedResponsible ? [...new Set(present.map((r) => r.responsibleUserId).filter((x): x is string => !!x))] : [];
  const names: Names = {};
  if (employerIds.length) for (const e of await tx.select({ id: employers.id, name: employers.name }).from(employers).where(inArray(employers.id, employerIds))) names[e.id] = e.name;
  if (userIds.length) for (const u of await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))) names[u.id] = u.name;
  return names;
}

/** The activity as it stands after the change: what the revision's snapshot keeps. */
const snapshotOf = (a: Activity) => {
  const { id: _id, municipalityId: _m, participantId: _p, importKey: _k, createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest;
};

/** Records a change of one activity (before null: it was created) in its person's plan history. */
export async function recordActivityRevision(tx: Tx, changedBy: string | null, before: Activity | null, after: Activity, note?: string): Promise<void> {
  const entry = activityChangeOf(before, after, await namesOf(tx, [before, after]));
  if (entry === null) return;
  if (note && entry.kind !== "goal" && entry.kind !== "import") entry.note = { text: note };
  const planId = await planIdFor(tx, after.participantId);
  await tx.insert(planRevisions).values({
    planId,
    kind: "activity",
    activityId: after.id,
    version: after.version,
    changedBy,
    summary: renderHistoryEntry(entry, "sv"),
    snapshot: snapshotOf(after),
  });
}

/**
 * Updates one activity and records the change in the plan history: for the writes that follow
 * from something else (sfi enrolment, interruption, course completion), which change what is
 * saved without a version check of their own.
 */
export async function updateActivityWithHistory(
  tx: Tx,
  activityId: string,
  set: Partial<typeof activities.$inferInsert> | ((before: Activity) => Partial<typeof activities.$inferInsert>),
  changedBy: string | null,
  note?: string,
): Promise<{ before: Activity; after: Activity }> {
  const [before] = await tx.select().from(activities).where(eq(activities.id, activityId)).for("update");
  const values = typeof set === "function" ? set(before) : set;
  const [after] = await tx
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
    .where(eq(activities.id, activityId))
    .returning();
  await recordActivityRevision(tx, changedBy, before, after, note);
  return { before, after };
}
