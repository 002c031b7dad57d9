// Between an activity row and the activity form: the form's values from what is saved (for the
// edit form and for showing the saved version in a conflict), and the row's columns from the
// form's values. Client-safe: types only from the database schema.
import type { ActivityStatus, ActivityType } from "@/db/schema/enums";
import type { ActivityDetails, CreateActivityInput } from "./schema";

export interface ActivityRowLike {
  id: string;
  type: ActivityType;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  plannedStartDate: string | null;
  plannedEndDate: string | null;
  provider: string | null;
  responsibleUserId: string | null;
  employerId: string | null;
  hoursPerWeek: string | null;
  interruptReason: string | null;
  resultNote: string | null;
  details: Record<string, unknown>;
  version: number;
}

/** Types whose details name an employer (kept in the activity's employer column). */
export const EMPLOYER_TYPES: readonly ActivityType[] = ["praktik", "extratjanst", "introduktionsjobb", "anstallning", "rekryteringsutbildning"];

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export interface ActivityFormValues extends Omit<CreateActivityInput, "participantId" | "details"> {
  details: Record<string, string> & { type: ActivityType };
}

export function activityFormValues(row: ActivityRowLike): ActivityFormValues & { activityId: string; version: number } {
  const started = row.status !== "planerad";
  const ended = row.status === "avslutad" || row.status === "avbruten";
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.details ?? {})) details[k] = str(v);
  if (EMPLOYER_TYPES.includes(row.type)) details.employerId = str(row.employerId);
  return {
    activityId: row.id,
    version: row.version,
    status: row.status,
    plannedStartDate: row.plannedStartDate ?? row.startDate,
    plannedEndDate: row.plannedEndDate ?? (ended ? "" : str(row.endDate)),
    actualStartDate: started ? row.startDate : "",
    actualEndDate: ended ? str(row.endDate) : "",
    provider: str(row.provider),
    responsibleUserId: str(row.responsibleUserId),
    hoursPerWeek: str(row.hoursPerWeek),
    interruptReason: str(row.interruptReason),
    resultNote: str(row.resultNote),
    details: { ...details, type: row.type },
  };
}

/** The activity's columns from validated form values. */
export function activityColumns(v: Omit<CreateActivityInput, "participantId">) {
  const { type, ...rest } = v.details as ActivityDetails & { employerId?: string };
  const employerId = "employerId" in rest && rest.employerId ? rest.employerId : null;
  const details: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(rest)) if (k !== "employerId" && val !== "" && val !== undefined) details[k] = val;
  const started = v.status !== "planerad";
  return {
    type,
    status: v.status,
    // Until it starts, an activity's dates are its planned dates (db/schema/activities.ts).
    startDate: started && v.actualStartDate ? v.actualStartDate : v.plannedStartDate,
    endDate: v.actualEndDate || v.plannedEndDate || null,
    plannedStartDate: v.plannedStartDate,
    plannedEndDate: v.plannedEndDate || null,
    provider: v.provider || null,
    responsibleUserId: v.responsibleUserId || null,
    employerId,
    hoursPerWeek: v.hoursPerWeek ? String(Number(v.hoursPerWeek.replace(",", "."))) : null,
    interruptReason: v.status === "avbruten" ? v.interruptReason || null : null,
    resultNote: v.resultNote || null,
    details,
  };
}
