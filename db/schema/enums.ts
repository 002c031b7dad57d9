// Code lists shared by the schema, the zod schemas and the importer. The values are the codes of
// ../shared/spec/import-format.md; change them only together with that contract.
import { pgEnum } from "drizzle-orm/pg-core";

export const ROLES = ["coordinator", "sfi_teacher", "manager", "admin"] as const;
export const GENDERS = ["K", "M", "X"] as const;
export const EDUCATION_LEVELS = ["forgymnasial_kort", "forgymnasial", "gymnasial", "eftergymnasial"] as const;
export const SETTLEMENTS = ["anvisad", "sjalvbosatt"] as const;
export const TRACKS = ["arbetsmarknad", "annat_stod"] as const;
export const ACTIVITY_TYPES = [
  "sfi",
  "yrkes_sfi",
  "samhallsorientering",
  "validering",
  "praktik",
  "extratjanst",
  "introduktionsjobb",
  "anstallning",
  "rekryteringsutbildning",
  "arbetsmarknadsutbildning",
  "vuxenutbildning",
  "halsoundersokning",
  "annan",
] as const;
/** Arbetsplatsförlagda insatser: the Trelleborg model's "arbetsplats först". */
export const WORKPLACE_TYPES = ["praktik", "extratjanst", "introduktionsjobb", "anstallning"] as const;
export const ACTIVITY_STATUSES = ["planerad", "pagaende", "avslutad", "avbruten"] as const;
export const EXIT_REASONS = [
  "arbete",
  "studier",
  "annan_insats",
  "flyttat",
  "foraldraledig",
  "sjukskriven",
  "annat",
] as const;
export const OUTCOME_STATUSES = ["arbete", "studier", "arbete_och_studier", "arbetssokande", "ovrigt"] as const;
export const OUTCOME_KINDS = ["dag90", "manad12"] as const;
export const OUTCOME_SOURCES = ["samtal", "arbetsformedlingen", "annan"] as const;
export const FOLLOWUP_TYPES = ["uppfoljning", "trepartssamtal", "af_avstamning", "sfi_avstamning", "annat"] as const;
export const FOLLOWUP_STATUSES = ["planerad", "genomford", "installd"] as const;
export const OPENING_TYPES = ["praktik", "extratjanst", "jobb", "rekryteringsutbildning"] as const;
export const SFI_COURSES = ["A", "B", "C", "D"] as const;
export const SFI_GRADES = ["A", "B", "C", "D", "E", "F"] as const;
export const SFI_RESULT_KINDS = ["kursbetyg", "nationellt_prov"] as const;
export const SFI_BREAK_KINDS = ["avbrott", "uppehall"] as const;
/** A reference value (e.g. the national figure) or the municipality's own target. */
export const REFERENCE_KINDS = ["reference", "target"] as const;
/** What a plan revision records: the goal, one activity, or what a bulk import wrote for the person. */
export const PLAN_REVISION_KINDS = ["goal", "activity", "import"] as const;
export const SFI_BREAK_REASONS = ["arbete", "studier", "flytt", "foraldraledighet", "sjukdom", "okand"] as const;

export type Role = (typeof ROLES)[number];
export type Gender = (typeof GENDERS)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const roleEnum = pgEnum("role", ROLES);
export const genderEnum = pgEnum("gender", GENDERS);
export const educationLevelEnum = pgEnum("education_level", EDUCATION_LEVELS);
export const settlementEnum = pgEnum("settlement", SETTLEMENTS);
export const trackEnum = pgEnum("track", TRACKS);
export const activityTypeEnum = pgEnum("activity_type", ACTIVITY_TYPES);
export const activityStatusEnum = pgEnum("activity_status", ACTIVITY_STATUSES);
export const planRevisionKindEnum = pgEnum("plan_revision_kind", PLAN_REVISION_KINDS);
export const exitReasonEnum = pgEnum("exit_reason", EXIT_REASONS);
export const outcomeStatusEnum = pgEnum("outcome_status", OUTCOME_STATUSES);
export const outcomeKindEnum = pgEnum("outcome_kind", OUTCOME_KINDS);
export const outcomeSourceEnum = pgEnum("outcome_source", OUTCOME_SOURCES);
export const followupTypeEnum = pgEnum("followup_type", FOLLOWUP_TYPES);
export const followupStatusEnum = pgEnum("followup_status", FOLLOWUP_STATUSES);
export const openingTypeEnum = pgEnum("opening_type", OPENING_TYPES);
export const referenceKindEnum = pgEnum("reference_kind", REFERENCE_KINDS);
