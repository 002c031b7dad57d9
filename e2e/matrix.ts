// The permission matrix: every page, route handler and server action of the app, declared with
// who may reach it. lib/auth/matrix.test.ts discovers them from the code and fails for any that
// is not declared here (or declared but gone); e2e/permission-matrix.spec.ts requests every page
// and route over HTTP as every kind of user and checks the answer.
//
// To add a route: add one line to PAGES/ROUTES (the file path under app/, a sample URL, and who
// gets it, usually with `only(...)`), or to SERVER_ACTIONS (file and exported names → permission).

/** The kinds of user the matrix is exercised with. */
export const WHO = [
  "anonymous",
  /** Anna, coordinator of unit Centrum in Demokommunen: the owner of {participant}. */
  "coordinator",
  /** Samira, coordinator of unit Norr in the same municipality. */
  "coordinatorOtherUnit",
  "sfi_teacher",
  "manager",
  "admin",
  /** Coordinator and admin of another municipality (Testkommunen, e2e/support/seed.ts). */
  "otherMunicipalityCoordinator",
  "otherMunicipalityAdmin",
] as const;
export type Who = (typeof WHO)[number];
export type SignedIn = Exclude<Who, "anonymous">;

/** ok: 200 after redirects, not the not-found page; notFound: 404 / the not-found page; login: sent to sign-in. */
export type Outcome = "ok" | "notFound" | "login";

export interface Entry {
  /** Path of the file under app/, e.g. "(app)/deltagare/[id]/page.tsx". */
  file: string;
  /**
   * A URL to request. Placeholders, filled in by the spec: {participant} (a participant of
   * Centrum in Demokommunen), {user}, {employer}, {actor} (a user, an employer and an actor of
   * Demokommunen), {otherParticipant},
   * {otherPlan}, {otherActivity} (a participant of another municipality, with its plan and
   * activity: e2e/support/seed.ts). Routes of plans, activities, exports and reports from other
   * branches add their lines here; the guesses in permission-matrix.spec.ts take the same ids.
   */
  url: string;
  expect: Record<Who, Outcome>;
  /** For routes that only answer POST etc. and are exercised elsewhere. */
  httpNote?: string;
}

/** Allowed for the given signed-in kinds, not found for the other signed-in ones, sign-in for anonymous. */
export function only(...allowed: SignedIn[]): Record<Who, Outcome> {
  const out = { anonymous: "login" } as Record<Who, Outcome>;
  for (const w of WHO) if (w !== "anonymous") out[w] = allowed.includes(w) ? "ok" : "notFound";
  return out;
}
const everyoneSignedIn = only("coordinator", "coordinatorOtherUnit", "sfi_teacher", "manager", "admin", "otherMunicipalityCoordinator", "otherMunicipalityAdmin");
const publicForAll = Object.fromEntries(WHO.map((w) => [w, "ok"])) as Record<Who, Outcome>;
const coordinators = ["coordinator", "coordinatorOtherUnit", "otherMunicipalityCoordinator"] as const;
const admins = ["admin", "otherMunicipalityAdmin"] as const;

export const PAGES: Entry[] = [
  { file: "page.tsx", url: "/", expect: everyoneSignedIn },
  { file: "(auth)/login/page.tsx", url: "/login", expect: publicForAll },
  { file: "(app)/arbetslista/page.tsx", url: "/arbetslista", expect: only(...coordinators) },
  { file: "(app)/deltagare/page.tsx", url: "/deltagare", expect: only(...coordinators) },
  // Record-level scoping: only the participant's own unit.
  { file: "(app)/deltagare/[id]/page.tsx", url: "/deltagare/{participant}", expect: only("coordinator") },
  { file: "(app)/deltagare/ny/page.tsx", url: "/deltagare/ny", expect: only(...coordinators) },
  { file: "(app)/deltagare/[id]/redigera/page.tsx", url: "/deltagare/{participant}/redigera", expect: only("coordinator") },
  { file: "(app)/deltagare/[id]/kartlaggning/page.tsx", url: "/deltagare/{participant}/kartlaggning", expect: only("coordinator") },
  { file: "(app)/deltagare/[id]/sammanfattning-af/page.tsx", url: "/deltagare/{participant}/sammanfattning-af", expect: only("coordinator") },
  // The plan's activity forms and printout: only the participant's own unit (the other
  // municipality's participant and activity belong to its own coordinator).
  { file: "(app)/deltagare/[id]/insats/ny/page.tsx", url: "/deltagare/{participant}/insats/ny", expect: only("coordinator") },
  { file: "(app)/deltagare/[id]/insats/[activityId]/page.tsx", url: "/deltagare/{otherParticipant}/insats/{otherActivity}", expect: only("otherMunicipalityCoordinator") },
  { file: "(print)/deltagare/[id]/utskrift/page.tsx", url: "/deltagare/{participant}/utskrift", expect: only("coordinator") },
  { file: "(app)/arbetsgivare/page.tsx", url: "/arbetsgivare", expect: only(...coordinators) },
  // Employers belong to the municipality: every coordinator of it, nobody from another one.
  { file: "(app)/arbetsgivare/[id]/page.tsx", url: "/arbetsgivare/{employer}", expect: only("coordinator", "coordinatorOtherUnit") },
  { file: "(app)/arbetsgivare/[id]/redigera/page.tsx", url: "/arbetsgivare/{employer}/redigera", expect: only("coordinator", "coordinatorOtherUnit") },
  // A guessed opening id is not found for everyone; matching a real one is in e2e/employers.spec.ts.
  { file: "(app)/arbetsgivare/[id]/platser/[openingId]/page.tsx", url: "/arbetsgivare/{employer}/platser/00000000-0000-4000-8000-000000000000", expect: only() },
  // The actor directory: every role reads its own municipality's; coordinators and admins keep it.
  { file: "(app)/aktorer/page.tsx", url: "/aktorer", expect: everyoneSignedIn },
  { file: "(app)/aktorer/ny/page.tsx", url: "/aktorer/ny", expect: only(...coordinators, ...admins) },
  { file: "(app)/aktorer/[id]/page.tsx", url: "/aktorer/{actor}", expect: only("coordinator", "coordinatorOtherUnit", "sfi_teacher", "manager", "admin") },
  { file: "(app)/aktorer/[id]/redigera/page.tsx", url: "/aktorer/{actor}/redigera", expect: only("coordinator", "coordinatorOtherUnit", "admin") },
  { file: "(app)/sfi/page.tsx", url: "/sfi", expect: only("sfi_teacher") },
  // Only the group's own teachers; a guessed group id is not found for everyone else.
  { file: "(app)/sfi/[groupId]/page.tsx", url: "/sfi/00000000-0000-4000-8000-000000000000", expect: only() },
  // "Ändra gruppen": the group's own teachers and its municipality's admins; a guessed id is not found for everyone.
  { file: "(app)/sfi/[groupId]/andra/page.tsx", url: "/sfi/00000000-0000-4000-8000-000000000000/andra", expect: only() },
  { file: "(app)/sfi/[groupId]/elev/[participantId]/page.tsx", url: "/sfi/00000000-0000-4000-8000-000000000000/elev/{participant}", expect: only() },
  // Teachers create groups they then teach; admins create them for the municipality's teachers.
  { file: "(app)/sfi/ny/page.tsx", url: "/sfi/ny", expect: only("sfi_teacher", ...admins) },
  { file: "(app)/admin/sfi-grupper/page.tsx", url: "/admin/sfi-grupper", expect: only(...admins) },
  { file: "(app)/resultat/page.tsx", url: "/resultat", expect: only(...coordinators, "manager") },
  { file: "(app)/admin/anvandare/page.tsx", url: "/admin/anvandare", expect: only(...admins) },
  { file: "(app)/admin/anvandare/ny/page.tsx", url: "/admin/anvandare/ny", expect: only(...admins) },
  { file: "(app)/admin/anvandare/[id]/page.tsx", url: "/admin/anvandare/{user}", expect: only("admin") },
  { file: "(app)/admin/import/page.tsx", url: "/admin/import", expect: only(...admins) },
  { file: "(app)/admin/logg/page.tsx", url: "/admin/logg", expect: only(...admins) },
  { file: "(app)/admin/registerutdrag/page.tsx", url: "/admin/registerutdrag", expect: only(...admins) },
  { file: "(app)/admin/registerutdrag/[id]/page.tsx", url: "/admin/registerutdrag/{participant}", expect: only("admin") },
  { file: "(app)/admin/gallring/page.tsx", url: "/admin/gallring", expect: only(...admins) },
  { file: "(app)/admin/referensvarden/page.tsx", url: "/admin/referensvarden", expect: only(...admins) },
  // Only the admin of the value's own municipality; a guessed id is not found for everyone.
  { file: "(app)/admin/referensvarden/[id]/page.tsx", url: "/admin/referensvarden/00000000-0000-4000-8000-000000000000", expect: only() },
];

export const ROUTES: Entry[] = [
  { file: "api/health/route.ts", url: "/api/health", expect: publicForAll },
  { file: "api/auth/[...nextauth]/route.ts", url: "/api/auth/session", expect: publicForAll },
  { file: "(app)/admin/logg/export/route.ts", url: "/admin/logg/export", expect: only(...admins) },
  { file: "(app)/admin/registerutdrag/[id]/json/route.ts", url: "/admin/registerutdrag/{participant}/json", expect: only("admin") },
  { file: "api/import/route.ts", url: "/api/import", expect: only(...admins) },
  { file: "api/export/resultat/route.ts", url: "/api/export/resultat?format=csv", expect: only("manager") },
  // A job is only ever visible to the admin who started it; a guessed id is not found for all.
  { file: "api/import/[job]/route.ts", url: "/api/import/00000000-0000-4000-8000-000000000000", expect: only() },
  // A job's every error as CSV: the same rule (the admin who started it), a guessed id is not found for all.
  { file: "api/import/[job]/fel/route.ts", url: "/api/import/00000000-0000-4000-8000-000000000000/fel", expect: only() },
  // The calendar feed has no session (calendar apps send none): only its secret token opens it, so
  // a wrong or guessed token is 404 for everyone, signed in or not. A valid token is fetched
  // without a session in e2e/followup.spec.ts.
  { file: "api/kalender/[token]/route.ts", url: "/api/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expect: Object.fromEntries(WHO.map((w) => [w, "notFound"])) as Record<Who, Outcome> },
];

/**
 * Server actions by file (relative to the repository) and exported name → the permission the
 * action checks (through defineAction or by hand), or "public"/"session" for sign-in and the
 * session's own actions. They are posted over HTTP in e2e/privacy-security.spec.ts (origin check)
 * and covered by their domain tests.
 */
export const SERVER_ACTIONS: Record<string, Record<string, string>> = {
  "app/(auth)/login/actions.ts": { loginAction: "public", oidcSignInAction: "public" },
  "app/actions/session.ts": { signOutAction: "session", setLanguageAction: "public" },
  "app/(app)/admin/anvandare/actions.ts": {
    createUserServer: "user:manage",
    updateUserServer: "user:manage",
    setUserActiveServer: "user:manage",
    resetPasswordServer: "user:manage",
  },
  "app/(app)/deltagare/[id]/_sections/consent-actions.ts": { recordConsentServer: "participant:write", withdrawConsentServer: "participant:write" },
  "app/(app)/admin/gallring/actions.ts": { runGallringServer: "settings:manage", gallringJobServer: "settings:manage" },
  "app/(app)/deltagare/[id]/_sections/followup-actions.ts": { recordFollowupServer: "followup:write", scheduleFollowupServer: "followup:write", bookThreePartyServer: "followup:write" },
  "app/(app)/arbetsgivare/actions.ts": {
    registerEmployerServer: "employer:write",
    updateEmployerServer: "employer:write",
    createOpeningServer: "employer:write",
    updateOpeningServer: "employer:write",
    setOpeningStateServer: "employer:write",
    bookOpeningServer: "plan:write",
  },
  "app/(app)/aktorer/actions.ts": { createActorServer: "actor:write", updateActorServer: "actor:write", setActorArchivedServer: "actor:write" },
  "app/(app)/deltagare/[id]/_sections/plan-actions.ts": {
    createActivityServer: "plan:write",
    updateActivityServer: "plan:write",
    updatePlanGoalServer: "plan:write",
    searchEmployersServer: "plan:write",
  },
  "app/(app)/deltagare/[id]/_sections/outcome-actions.ts": { recordExitServer: "outcome:write", recordOutcomeServer: "outcome:write" },
  "app/(app)/arbetslista/actions.ts": { snoozeSignalServer: "followup:write" },
  "app/(app)/sfi/[groupId]/actions.ts": {
    saveAttendanceServer: "sfi:write",
    recordResultServer: "sfi:write",
    searchStudentsServer: "sfi:write",
    enrolServer: "sfi:write",
    recordBreakServer: "sfi:write",
    completeCourseServer: "sfi:write",
    searchNextGroupsServer: "sfi:write",
    // "Ångra" a course completion or an avbrott: the group's own teachers, as recording them.
    undoCourseCompletionServer: "sfi:write",
    undoAvbrottServer: "sfi:write",
  },
  // Changing, closing and reopening a group: its own teachers and its municipality's admins (mayEditGroup).
  "app/(app)/sfi/[groupId]/andra/actions.ts": { updateGroupServer: "sfi:group:manage", closeGroupServer: "sfi:group:manage", reopenGroupServer: "sfi:group:manage" },
  "app/(app)/sfi/ny/actions.ts": { createGroupServer: "sfi:group:manage", searchTeachersServer: "sfi:group:manage" },
  "app/(app)/arbetslista/calendar-actions.ts": { createCalendarFeedServer: "worklist:read", revokeCalendarFeedServer: "worklist:read" },
  "app/(app)/deltagare/actions.ts": {
    registerParticipantServer: "participant:write",
    updateParticipantServer: "participant:write",
    handoverServer: "participant:handover",
    // Taking people from "Ej tilldelade" into the user's unit (lib/participants/commands.ts assignFromIntake).
    assignIntakeServer: "participant:handover",
    findByPersonnummerServer: "participant:read",
    setCaseStateServer: "participant:write",
  },
  "app/(app)/deltagare/[id]/kartlaggning/actions.ts": { saveSkillMappingServer: "participant:write" },
  "app/(app)/admin/registerutdrag/actions.ts": { findForExtractServer: "participant:extract" },
  "app/(app)/resultat/actions.ts": { loadPeopleBehind: "participant:read" },
  "app/(app)/admin/referensvarden/actions.ts": {
    createReferenceServer: "reference:manage",
    updateReferenceServer: "reference:manage",
    deleteReferenceServer: "reference:manage",
  },
};
