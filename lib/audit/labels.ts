// What the audit log's action codes mean, in the words of the people who read the log (an admin,
// the data protection officer, a participant reading their register extract), and how the log's
// filter groups them. Every code the app writes has a label in both languages: a test
// (labels.test.ts) reads the source for the codes written and fails on one without.

/** Groups of the filter, by the code's first part; the order is the filter's. */
export const AUDIT_ACTION_GROUPS = [
  "participant",
  "plan",
  "activity",
  "followup",
  "outcome",
  "skillmapping",
  "consent",
  "handover",
  "sfi",
  "signal",
  "calendar",
  "employer",
  "opening",
  "actor",
  "metrics",
  "import",
  "user",
  "reference_value",
  "audit",
] as const;
export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

const sv = {
  groups: {
    participant: "Deltagare",
    plan: "Planer",
    activity: "Aktiviteter",
    followup: "Uppföljningar",
    outcome: "Utfall",
    skillmapping: "Kompetenskartläggning",
    consent: "Samtycken",
    handover: "Överlämning till Arbetsförmedlingen",
    sfi: "Sfi",
    signal: "Signaler",
    calendar: "Kalender",
    employer: "Arbetsgivare",
    opening: "Platser hos arbetsgivare",
    actor: "Aktörskatalogen",
    metrics: "Resultat",
    import: "Import",
    user: "Användare",
    reference_value: "Jämförelsevärden",
    audit: "Loggen",
  } satisfies Record<AuditActionGroup, string>,
  actions: {
    "participant.list": "Såg deltagare i en lista eller sökning",
    "participant.read": "Öppnade deltagarens uppgifter",
    "participant.create": "Registrerade deltagaren",
    "participant.update": "Ändrade deltagarens uppgifter",
    "participant.handover": "Lämnade över deltagaren till en annan koordinator",
    "participant.exit": "Registrerade att deltagaren lämnat etableringsprogrammet",
    "participant.close": "Avslutade ärendet",
    "participant.reopen": "Öppnade ärendet igen",
    "participant.extract": "Tog fram registerutdrag",
    "participant.erase": "Gallrade deltagarens uppgifter",
    "participant.import.create": "Registrerade deltagaren genom import",
    "participant.import.update": "Uppdaterade deltagaren genom import",
    "plan.read": "Öppnade planen",
    "plan.update": "Ändrade planen",
    "activity.read": "Öppnade en aktivitet",
    "activity.create": "Lade till en aktivitet",
    "activity.update": "Ändrade en aktivitet",
    "activity.import": "Importerade aktiviteter",
    "followup.schedule": "Planerade en uppföljning",
    "followup.record": "Dokumenterade en uppföljning",
    "outcome.record": "Registrerade utfall",
    "outcome.correct": "Rättade utfall",
    "outcome.import.create": "Registrerade utfall genom import",
    "outcome.import.update": "Uppdaterade utfall genom import",
    "skillmapping.read": "Öppnade kompetenskartläggningen",
    "skillmapping.save": "Sparade kompetenskartläggningen",
    "consent.list": "Såg samtycken",
    "consent.create": "Registrerade ett samtycke",
    "consent.withdraw": "Registrerade att ett samtycke återkallats",
    "handover.af_plan_summary": "Tog fram sammanfattning av planen till Arbetsförmedlingen",
    "sfi.group.create": "Skapade en sfi-grupp",
    "sfi.group.read": "Öppnade en sfi-grupp",
    "sfi.enrol": "Skrev in deltagaren i en sfi-grupp",
    "sfi.enrol.search": "Sökte deltagare att skriva in i sfi",
    "sfi.student.read": "Öppnade en sfi-elevs uppgifter",
    "sfi.summary.read": "Såg deltagarens sfi-sammanfattning",
    "sfi.attendance.save": "Sparade närvaro",
    "sfi.attendance.correct": "Rättade närvaro",
    "sfi.result.create": "Registrerade ett sfi-resultat",
    "sfi.avbrott.create": "Registrerade avbrott i sfi",
    "sfi.uppehall.create": "Registrerade uppehåll i sfi",
    "sfi.course.complete": "Registrerade avslutad sfi-kurs",
    "signal.snooze": "Sköt upp en signal",
    "calendar.create": "Skapade en kalenderlänk",
    "calendar.renew": "Förnyade kalenderlänken",
    "calendar.revoke": "Stängde av kalenderlänken",
    "calendar.read": "Kalendern hämtade uppföljningar",
    "employer.create": "Lade till en arbetsgivare",
    "employer.read": "Öppnade en arbetsgivare",
    "employer.update": "Ändrade en arbetsgivare",
    "actor.create": "Lade till en aktör i aktörskatalogen",
    "actor.update": "Ändrade en aktör i aktörskatalogen",
    "actor.archive": "Arkiverade en aktör",
    "actor.restore": "Återställde en arkiverad aktör",
    "opening.create": "Lade till en plats",
    "opening.update": "Ändrade en plats",
    "opening.close": "Stängde en plats",
    "opening.reopen": "Öppnade en plats igen",
    "opening.match": "Såg deltagare som passar en plats",
    "metrics.export": "Exporterade resultat",
    "import.start": "Startade en import",
    "import.dry_run": "Provkörde en import",
    "import.run": "Genomförde en import",
    "user.create": "Lade till en användare",
    "user.update": "Ändrade en användare",
    "user.activate": "Aktiverade en användare",
    "user.deactivate": "Avaktiverade en användare",
    "user.password_reset": "Bytte en användares lösenord",
    "reference_value.create": "Lade till ett jämförelsevärde",
    "reference_value.update": "Ändrade ett jämförelsevärde",
    "reference_value.delete": "Tog bort ett jämförelsevärde",
    "audit.export": "Exporterade loggen",
  },
  allActions: "Alla händelser",
  allOfGroup: "Alla:",
  /** What kind of record an entry is about. */
  entityTypes: {
    participant: "Deltagare",
    plan: "Plan",
    activity: "Aktivitet",
    followup: "Uppföljning",
    outcome: "Utfall",
    skill_mapping: "Kompetenskartläggning",
    consent: "Samtycke",
    sfi_group: "Sfi-grupp",
    sfi_enrolment: "Inskrivning i sfi",
    sfi_attendance: "Närvaro i sfi",
    sfi_result: "Sfi-resultat",
    sfi_break: "Avbrott eller uppehåll i sfi",
    signal: "Signal",
    calendar_feed: "Kalenderlänk",
    employer: "Arbetsgivare",
    opening: "Plats",
    actor: "Aktör",
    dashboard: "Resultat",
    import: "Import",
    user: "Användare",
    reference_value: "Jämförelsevärde",
    audit_log: "Loggen",
  } as Record<string, string>,
  /** The details' most common keys in words; other keys are shown as they are. */
  detailKeys: {
    ids: "deltagare som visades",
    participantIds: "deltagare som visades",
    participants: "deltagare som visades",
    source: "källa",
    query: "sökning",
    changed: "ändrade fält",
    changes: "ändringar",
    version: "version",
    type: "typ",
    status: "status",
    startDate: "startdatum",
    endDate: "slutdatum",
    dueDate: "datum",
    heldDate: "hölls",
    lessonDate: "lektionsdag",
    groupId: "sfi-grupp",
    reason: "anledning",
    filter: "urval",
    rows: "rader",
    format: "format",
  } as Record<string, string>,
};
export type AuditAction = keyof (typeof sv)["actions"];
export type AuditLabels = typeof sv;

const en: AuditLabels = {
  groups: {
    participant: "Participants",
    plan: "Plans",
    activity: "Activities",
    followup: "Follow-ups",
    outcome: "Outcomes",
    skillmapping: "Skills mapping",
    consent: "Consents",
    handover: "Handover to Arbetsförmedlingen",
    sfi: "Sfi",
    signal: "Signals",
    calendar: "Calendar",
    employer: "Employers",
    opening: "Employers' openings",
    actor: "The actor directory",
    metrics: "Results",
    import: "Import",
    user: "Users",
    reference_value: "Reference values",
    audit: "The log",
  },
  actions: {
    "participant.list": "Saw participants in a list or search",
    "participant.read": "Opened the participant's details",
    "participant.create": "Registered the participant",
    "participant.update": "Changed the participant's details",
    "participant.handover": "Handed the participant over to another coordinator",
    "participant.exit": "Recorded that the participant left the introduction programme",
    "participant.close": "Closed the case",
    "participant.reopen": "Reopened the case",
    "participant.extract": "Produced a register extract",
    "participant.erase": "Erased the participant's data (retention)",
    "participant.import.create": "Registered the participant by import",
    "participant.import.update": "Updated the participant by import",
    "plan.read": "Opened the plan",
    "plan.update": "Changed the plan",
    "activity.read": "Opened an activity",
    "activity.create": "Added an activity",
    "activity.update": "Changed an activity",
    "activity.import": "Imported activities",
    "followup.schedule": "Scheduled a follow-up",
    "followup.record": "Recorded a follow-up",
    "outcome.record": "Recorded an outcome",
    "outcome.correct": "Corrected an outcome",
    "outcome.import.create": "Recorded an outcome by import",
    "outcome.import.update": "Updated an outcome by import",
    "skillmapping.read": "Opened the skills mapping",
    "skillmapping.save": "Saved the skills mapping",
    "consent.list": "Saw consents",
    "consent.create": "Recorded a consent",
    "consent.withdraw": "Recorded that a consent was withdrawn",
    "handover.af_plan_summary": "Produced a plan summary for Arbetsförmedlingen",
    "sfi.group.create": "Created an sfi group",
    "sfi.group.read": "Opened an sfi group",
    "sfi.enrol": "Enrolled the participant in an sfi group",
    "sfi.enrol.search": "Searched for participants to enrol in sfi",
    "sfi.student.read": "Opened an sfi student's details",
    "sfi.summary.read": "Saw the participant's sfi summary",
    "sfi.attendance.save": "Saved attendance",
    "sfi.attendance.correct": "Corrected attendance",
    "sfi.result.create": "Recorded an sfi result",
    "sfi.avbrott.create": "Recorded an interruption of sfi",
    "sfi.uppehall.create": "Recorded a break in sfi",
    "sfi.course.complete": "Recorded a completed sfi course",
    "signal.snooze": "Snoozed a signal",
    "calendar.create": "Created a calendar link",
    "calendar.renew": "Renewed the calendar link",
    "calendar.revoke": "Turned off the calendar link",
    "calendar.read": "The calendar fetched follow-ups",
    "employer.create": "Added an employer",
    "employer.read": "Opened an employer",
    "employer.update": "Changed an employer",
    "actor.create": "Added an actor to the directory",
    "actor.update": "Changed an actor in the directory",
    "actor.archive": "Archived an actor",
    "actor.restore": "Restored an archived actor",
    "opening.create": "Added an opening",
    "opening.update": "Changed an opening",
    "opening.close": "Closed an opening",
    "opening.reopen": "Reopened an opening",
    "opening.match": "Saw participants who fit an opening",
    "metrics.export": "Exported results",
    "import.start": "Started an import",
    "import.dry_run": "Tried an import without saving",
    "import.run": "Completed an import",
    "user.create": "Added a user",
    "user.update": "Changed a user",
    "user.activate": "Activated a user",
    "user.deactivate": "Deactivated a user",
    "user.password_reset": "Changed a user's password",
    "reference_value.create": "Added a reference value",
    "reference_value.update": "Changed a reference value",
    "reference_value.delete": "Removed a reference value",
    "audit.export": "Exported the log",
  },
  allActions: "All actions",
  allOfGroup: "All:",
  entityTypes: {
    participant: "Participant",
    plan: "Plan",
    activity: "Activity",
    followup: "Follow-up",
    outcome: "Outcome",
    skill_mapping: "Skills mapping",
    consent: "Consent",
    sfi_group: "Sfi group",
    sfi_enrolment: "Sfi enrolment",
    sfi_attendance: "Sfi attendance",
    sfi_result: "Sfi result",
    sfi_break: "Sfi interruption or break",
    signal: "Signal",
    calendar_feed: "Calendar link",
    employer: "Employer",
    opening: "Opening",
    actor: "Actor",
    dashboard: "Results",
    import: "Import",
    user: "User",
    reference_value: "Reference value",
    audit_log: "The log",
  },
  detailKeys: {
    ids: "participants shown",
    participantIds: "participants shown",
    participants: "participants shown",
    source: "source",
    query: "search",
    changed: "changed fields",
    changes: "changes",
    version: "version",
    type: "type",
    status: "status",
    startDate: "start date",
    endDate: "end date",
    dueDate: "date",
    heldDate: "held",
    lessonDate: "lesson day",
    groupId: "sfi group",
    reason: "reason",
    filter: "selection",
    rows: "rows",
    format: "format",
  },
};

export const auditLabels = { sv, en };

export const AUDIT_ACTIONS = Object.keys(sv.actions) as AuditAction[];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(sv.actions, code);
}

/** The action in words; a code the app no longer writes (an old entry) is shown as it is. */
export function describeAuditAction(code: string, t: AuditLabels): string {
  return isAuditAction(code) ? t.actions[code] : code;
}

/** The kind of record in words; an unknown kind as it is. */
export function describeAuditEntity(type: string, t: AuditLabels): string {
  return Object.hasOwn(t.entityTypes, type) ? t.entityTypes[type] : type;
}

/** The actions of each group, for the filter's list: every known code falls in one group. */
export function auditActionsByGroup(): { group: AuditActionGroup; actions: AuditAction[] }[] {
  return AUDIT_ACTION_GROUPS.map((group) => ({ group, actions: AUDIT_ACTIONS.filter((a) => a.split(".")[0] === group) }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function value(v: unknown): string {
  if (v === null || v === undefined || v === "") return "–";
  if (Array.isArray(v)) {
    // The lists' ids (who a caseload or a worklist showed) are counted, not printed: the entry
    // is found by a participant's id through the filter, and 80 ids help nobody reading.
    if (v.length > 0 && v.every((x) => typeof x === "string" && UUID.test(x))) return String(v.length);
    return v.length ? v.map(value).join(", ") : "–";
  }
  if (typeof v === "object") {
    const parts = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
    return parts.length ? `{ ${parts.map(([k, x]) => `${k}: ${value(x)}`).join(", ")} }` : "–";
  }
  return String(v);
}

/** An entry's details as "key: value" pairs to read, lists of ids counted; empty without details. */
export function describeAuditDetails(details: Record<string, unknown> | null | undefined, t: AuditLabels): [string, string][] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [Object.hasOwn(t.detailKeys, k) ? t.detailKeys[k] : k, value(v)]);
}
