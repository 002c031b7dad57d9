// The import contract (../shared/spec/import-format.md): files, columns and code lists.
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  EDUCATION_LEVELS,
  GENDERS,
  OUTCOME_STATUSES,
  SETTLEMENTS,
} from "@/db/schema/enums";

export const FILE_KINDS = ["participants", "activities", "outcomes"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const COLUMNS: Record<FileKind, { required: readonly string[]; optional: readonly string[] }> = {
  participants: {
    required: ["external_id", "first_name", "last_name", "birth_date", "gender", "reception_date"],
    optional: ["personnummer", "education_level", "settlement", "programme_start", "programme_end", "coordinator_email"],
  },
  activities: {
    required: ["participant_external_id", "type", "start_date", "status"],
    optional: ["end_date", "provider", "employer_org_nr", "hours_per_week"],
  },
  outcomes: {
    required: ["participant_external_id", "status", "recorded_date"],
    optional: [],
  },
};

export const CODES = {
  gender: GENDERS,
  education_level: EDUCATION_LEVELS,
  settlement: SETTLEMENTS,
  type: ACTIVITY_TYPES,
  activity_status: ACTIVITY_STATUSES,
  outcome_status: OUTCOME_STATUSES,
} as const;
