// The messages each of the participant page's client forms uses. A form's props travel with the
// page in its Server Components payload (and again inside its HTML), so each gets these and not its
// area's whole catalogue (pickMessages). Plain constants, not in the forms' "use client" modules:
// there a server component would receive a reference to the client module instead of the list.
import type { FollowupMessages } from "@/lib/i18n/areas/followup";
import type { OutcomeMessages } from "@/lib/i18n/areas/outcome";
import type { PlanMessages } from "@/lib/i18n/areas/plan";

export const GOAL_FORM_MESSAGES = ["editGoal", "fields", "goalConflict", "goalTypes", "none", "save", "saved"] as const;
export type GoalFormMessages = Pick<PlanMessages, (typeof GOAL_FORM_MESSAGES)[number]>;

export const FOLLOWUP_FORM_MESSAGES = [
  "saved", "conflict", "heldDate", "attendees", "notes", "nextSteps", "scheduleNext", "nextDueDate", "addActivity", "activityType",
  "activityStart", "activityEnd", "activityProvider", "save", "booked", "type", "types", "due", "book", "proposalBooked",
  "proposalConflict", "bookProposal",
] as const;
export type FollowupFormMessages = Pick<FollowupMessages, (typeof FOLLOWUP_FORM_MESSAGES)[number]>;

export const OUTCOME_FORM_MESSAGES = [
  "conflict", "exitSaved", "exitDate", "reason", "reasons", "recordExit", "correctExit", "exitCorrected", "followupMoved", "followupKept", "saved", "status", "statuses", "subsidized",
  "subsidizedOptions", "recordedDate", "source", "sources",
] as const;
export type OutcomeFormMessages = Pick<OutcomeMessages, (typeof OUTCOME_FORM_MESSAGES)[number]>;

export const ACTIVITY_FORM_MESSAGES = [
  "addActivity", "editActivity", "fields", "types", "statuses", "healthNote", "healthStatuses", "none", "save",
  "conflictTitle", "conflictIntro", "conflictField", "conflictMine", "conflictSaved", "useSaved", "keepMine", "keepMineNote",
  "employerSearch", "employerSearchHint", "employerSearchButton", "employerMatches", "employerMatchesFirst", "employerNoMatch", "employerSearchFailed",
  "providerHint", "providerContact",
] as const;
export type ActivityFormMessages = Pick<PlanMessages, (typeof ACTIVITY_FORM_MESSAGES)[number]>;
