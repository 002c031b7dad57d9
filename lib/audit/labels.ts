// What the audit log's action codes mean, in the words of the people who read the log (an admin,
// the data protection officer, a participant reading their register extract), and how the log's
// filter groups them. Every code the app writes has a label in both languages: a test
// (labels.test.ts) reads the source for the codes written and fails on one without.

import { catalogues } from "@/lib/i18n/messages";
import { actorMessages } from "@/lib/i18n/areas/actors";
import { followupMessages } from "@/lib/i18n/areas/followup";
import { outcomeMessages } from "@/lib/i18n/areas/outcome";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { planMessages } from "@/lib/i18n/areas/plan";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { referenceMessages } from "@/lib/i18n/areas/reference";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { extractFieldLabels } from "@/lib/privacy/extract-labels";

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
    "participant.assign": "Tog deltagaren från Ej tilldelade till en koordinator och enhet",
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
    "followup.reschedule": "Flyttade en uppföljning",
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
    "sfi.group.update": "Ändrade en sfi-grupp",
    "sfi.group.close": "Avslutade en sfi-grupp",
    "sfi.group.reopen": "Öppnade en avslutad sfi-grupp igen",
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
    "sfi.course.complete.undo": "Ångrade en avslutad sfi-kurs",
    "sfi.avbrott.undo": "Ångrade ett avbrott i sfi",
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
  /**
   * The details' keys in words, every key the app writes (labels.test.ts walks the source for
   * them). A nested key is "parent.child"; a pair of before/after keys is shown as one line under
   * the name in DETAIL_PAIRS.
   */
  detailKeys: {
    ids: "deltagare som visades",
    participantIds: "deltagare som visades",
    participants: "deltagare som visades",
    source: "källa",
    query: "sökning",
    list: "lista",
    changed: "ändrade fält",
    changes: "ändringar",
    version: "version",
    versions: "antal versioner",
    type: "typ",
    status: "status",
    startDate: "startdatum",
    endDate: "slutdatum",
    dueDate: "datum",
    heldDate: "hölls",
    lessonDate: "lektionsdag",
    groupId: "sfi-grupp",
    nextGroupId: "nästa sfi-grupp",
    reason: "anledning",
    filter: "urval",
    rows: "rader",
    format: "format",
    orgNr: "organisationsnummer",
    employerId: "arbetsgivare",
    openingId: "plats",
    places: "antal platser",
    kind: "slag",
    role: "roll",
    unitId: "enhet",
    track: "spår",
    coordinatorId: "koordinator",
    coordinator: "koordinator",
    coordinatorChange: "koordinator (id)",
    closedAt: "avslutades",
    until: "uppskjuten till",
    name: "namn",
    studyPath: "studieväg",
    course: "kurs",
    next: "nästa kurs",
    teacherIds: "antal lärare",
    teachersAdded: "lärare som lades till",
    teachersRemoved: "lärare som togs bort",
    by: "till följd av",
    saved: "antal elever",
    change: "ändring",
    grade: "betyg",
    file: "fil",
    files: "filer",
    import: "import",
    activitiesFile: "fil med aktiviteter",
    activities: "antal aktiviteter",
    outcomesFile: "fil med utfall",
    outcomes: "antal utfall",
    outcomesCreated: "nya utfall",
    count: "antal",
    imported: "nya",
    "imported.participants": "nya deltagare",
    "imported.activities": "nya aktiviteter",
    "imported.outcomes": "nya utfall",
    updated: "uppdaterade poster",
    programmeEnd: "programmet slutade",
    exitReason: "anledning till avslut",
    recordedDate: "gäller från",
    actor: "mottagare",
    policy: "regel",
    lastActivity: "senaste aktivitet",
    asOf: "per datum",
    consentId: "samtycke",
    parts: "vad som lämnades ut",
    withdrawnOn: "återkallat från och med",
    followupId: "uppföljning",
    activityId: "aktivitet",
    moment: "tidpunkt",
    indicator: "nyckeltal",
    year: "år",
    value: "värde",
    "changes.name": "namn",
    "changes.role": "roll",
    "changes.unitId": "enhet",
    "changes.indicator": "nyckeltal",
    "changes.year": "år",
    "changes.kind": "slag",
    "changes.value": "värde",
    "changes.source": "källa",
    "changes.note": "anteckning",
    "filter.userId": "användare (urval)",
    "filter.page": "sida (urval)",
    "filter.user": "användare, sökt (urval)",
    "filter.participantId": "deltagare (urval)",
    "filter.action": "händelse (urval)",
    "filter.from": "från och med (urval)",
    "filter.to": "till och med (urval)",
    "filter.asOf": "per datum (urval)",
    "filter.cohort": "årskull (urval)",
    "filter.unit": "enhet (urval)",
    "filter.coordinator": "koordinator (urval)",
    "filter.gender": "kön (urval)",
    "filter.education": "utbildningsnivå (urval)",
    "filter.settlement": "bosättning (urval)",
    "filter.track": "spår (urval)",
  } as Record<string, string>,
  /** A key's words that differ for one action (the same key means another thing there). */
  actionDetailKeys: {
    "sfi.attendance.correct": { change: "närvaro (timmar)" },
    "sfi.enrol.search": { by: "sökte på" },
    "followup.reschedule": { change: "datum" },
  } as Record<string, Record<string, string>>,
  /** Stored codes in words, by the key they are the value of; other values are shown as they are. */
  detailValues: {
    type: { ...planMessages.sv.types, ...followupMessages.sv.types, jobb: "Jobb" },
    status: { ...planMessages.sv.statuses, ...outcomeMessages.sv.statuses },
    track: participantMessages.sv.tracks,
    role: catalogues.sv.roles,
    exitReason: outcomeMessages.sv.reasons,
    moment: followupMessages.sv.moments,
    kind: {
      ...actorMessages.sv.kinds,
      ...referenceMessages.sv.kinds,
      kursbetyg: sfiMessages.sv.kursbetyg,
      nationellt_prov: sfiMessages.sv.nationellt_prov,
      dag90: "Utfall 90 dagar efter programmet",
      manad12: "Utfall 12 månader efter programmet",
    },
    actor: { arbetsformedlingen: "Arbetsförmedlingen", region_halsa: "Regionens hälso- och sjukvård", arbetsgivare: "Arbetsgivare", vuxenutbildning: "Vuxenutbildningen" },
    // What a hand-over to Arbetsförmedlingen held (lib/consent/scope.ts), as its page names it.
    parts: privacyMessages.sv.consent.afSummaryParts,
    query: { name: "namn", personnummer: "personnummer" },
    list: { intake: "Ej tilldelade" },
    by: {
      name: "namn",
      birthDate: "födelsedatum",
      "name+birthDate": "namn och födelsedatum",
      "sfi.enrol": "inskrivning i sfi",
      "sfi.avbrott": "avbrott i sfi",
      "sfi.course.complete": "avslutad sfi-kurs",
      "sfi.course.complete.undo": "ångrad avslutad sfi-kurs",
      "sfi.avbrott.undo": "ångrat avbrott i sfi",
      "exit.correct": "rättat datum för avslutet",
    },
    source: {
      form: "formulär",
      import: "import",
      intake: "listan Ej tilldelade",
      opening: "en plats hos en arbetsgivare",
      followup: "en uppföljning",
      worklist: "arbetslistan",
      calendar: "kalendern",
      gallring: "gallringens förhandsvisning",
      "dashboard:exitsWithoutOutcome": `resultat: ${resultsMessages.sv.completeness.exitsWithoutOutcome.toLowerCase()}`,
      "dashboard:exitsWithoutReason": `resultat: ${resultsMessages.sv.completeness.exitsWithoutReason.toLowerCase()}`,
      "dashboard:withoutEducationLevel": `resultat: ${resultsMessages.sv.completeness.withoutEducationLevel.toLowerCase()}`,
      "dashboard:withoutCoordinator": `resultat: ${resultsMessages.sv.completeness.withoutCoordinator.toLowerCase()}`,
      "dashboard:idle": `resultat: ${resultsMessages.sv.now.idle.toLowerCase()}`,
    },
    "filter.gender": resultsMessages.sv.genderOptions,
    "filter.education": resultsMessages.sv.educationLevels,
    "filter.settlement": resultsMessages.sv.settlements,
    "filter.track": participantMessages.sv.tracks,
    "changes.role": catalogues.sv.roles,
    "changes.kind": referenceMessages.sv.kinds,
    // The fields an edit changed (a participant's, an activity's, an employer's, an opening's,
    // an actor's, the parts of a kartläggning), by the register extract's words for them.
    changed: {
      ...(extractFieldLabels.sv as Record<string, string>),
      ...participantMessages.sv.parts,
      name: "namn",
      orgNr: "organisationsnummer",
      industry: "bransch",
      contactName: "kontaktperson",
      contactPhone: "kontaktens telefon",
      contactEmail: "kontaktens e-post",
      occupation: "yrke",
      places: "antal platser",
      languageRequirement: "språkkrav",
      activityTypes: "insatstyper",
      offer: "erbjudande",
      website: "webbplats",
      school: "skola",
      days: "veckodagar",
      start: "starttid",
      end: "sluttid",
      hours: "timmar per lektion",
      teacherIds: "lärare",
    },
  } as Record<string, Record<string, string>>,
  /** The retention rule of an erasure ("closed case, N years after last activity"). */
  closedCasePolicy: "avslutat ärende, {n} år efter senaste aktivitet",
  /** In place of a personnummer in free text of an entry, where the log leaves the app (its export). */
  personnummerMasked: "[personnummer borttaget]",
  yes: "ja",
  no: "nej",
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
    "participant.assign": "Took the participant from Ej tilldelade (unassigned) to a coordinator and unit",
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
    "followup.reschedule": "Moved a follow-up",
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
    "sfi.group.update": "Changed an sfi group",
    "sfi.group.close": "Closed an sfi group",
    "sfi.group.reopen": "Opened a closed sfi group again",
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
    "sfi.course.complete.undo": "Undid a completed sfi course",
    "sfi.avbrott.undo": "Undid an interruption of sfi",
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
    list: "list",
    changed: "changed fields",
    changes: "changes",
    version: "version",
    versions: "number of versions",
    type: "type",
    status: "status",
    startDate: "start date",
    endDate: "end date",
    dueDate: "date",
    heldDate: "held",
    lessonDate: "lesson day",
    groupId: "sfi group",
    nextGroupId: "next sfi group",
    reason: "reason",
    filter: "selection",
    rows: "rows",
    format: "format",
    orgNr: "organisation number",
    employerId: "employer",
    openingId: "opening",
    places: "number of places",
    kind: "kind",
    role: "role",
    unitId: "unit",
    track: "track",
    coordinatorId: "coordinator",
    coordinator: "coordinator",
    coordinatorChange: "coordinator (id)",
    closedAt: "closed",
    until: "snoozed until",
    name: "name",
    studyPath: "study path",
    course: "course",
    next: "next course",
    teacherIds: "number of teachers",
    teachersAdded: "teachers added",
    teachersRemoved: "teachers removed",
    by: "as part of",
    saved: "number of students",
    change: "change",
    grade: "grade",
    file: "file",
    files: "files",
    import: "import",
    activitiesFile: "file of activities",
    activities: "number of activities",
    outcomesFile: "file of outcomes",
    outcomes: "number of outcomes",
    outcomesCreated: "new outcomes",
    count: "number",
    imported: "new",
    "imported.participants": "new participants",
    "imported.activities": "new activities",
    "imported.outcomes": "new outcomes",
    updated: "records updated",
    programmeEnd: "programme ended",
    exitReason: "reason for leaving",
    recordedDate: "valid from",
    actor: "recipient",
    policy: "rule",
    lastActivity: "last activity",
    asOf: "as of",
    consentId: "consent",
    parts: "what was handed over",
    withdrawnOn: "withdrawn from",
    followupId: "follow-up",
    activityId: "activity",
    moment: "when",
    indicator: "indicator",
    year: "year",
    value: "value",
    "changes.name": "name",
    "changes.role": "role",
    "changes.unitId": "unit",
    "changes.indicator": "indicator",
    "changes.year": "year",
    "changes.kind": "kind",
    "changes.value": "value",
    "changes.source": "source",
    "changes.note": "note",
    "filter.userId": "user (selection)",
    "filter.page": "page (selection)",
    "filter.user": "user, searched (selection)",
    "filter.participantId": "participant (selection)",
    "filter.action": "action (selection)",
    "filter.from": "from (selection)",
    "filter.to": "to (selection)",
    "filter.asOf": "as of (selection)",
    "filter.cohort": "cohort (selection)",
    "filter.unit": "unit (selection)",
    "filter.coordinator": "coordinator (selection)",
    "filter.gender": "gender (selection)",
    "filter.education": "level of education (selection)",
    "filter.settlement": "settlement (selection)",
    "filter.track": "track (selection)",
  },
  actionDetailKeys: {
    "sfi.attendance.correct": { change: "attendance (hours)" },
    "sfi.enrol.search": { by: "searched by" },
    "followup.reschedule": { change: "date" },
  },
  detailValues: {
    type: { ...planMessages.en.types, ...followupMessages.en.types, jobb: "Job" },
    status: { ...planMessages.en.statuses, ...outcomeMessages.en.statuses },
    track: participantMessages.en.tracks,
    role: catalogues.en.roles,
    exitReason: outcomeMessages.en.reasons,
    moment: followupMessages.en.moments,
    kind: {
      ...actorMessages.en.kinds,
      ...referenceMessages.en.kinds,
      kursbetyg: sfiMessages.en.kursbetyg,
      nationellt_prov: sfiMessages.en.nationellt_prov,
      dag90: "Outcome 90 days after the programme",
      manad12: "Outcome 12 months after the programme",
    },
    actor: { arbetsformedlingen: "Arbetsförmedlingen", region_halsa: "The region's health care", arbetsgivare: "Employer", vuxenutbildning: "Adult education" },
    parts: privacyMessages.en.consent.afSummaryParts,
    query: { name: "name", personnummer: "personal identity number" },
    list: { intake: "Ej tilldelade (unassigned)" },
    by: {
      name: "name",
      birthDate: "date of birth",
      "name+birthDate": "name and date of birth",
      "sfi.enrol": "enrolment in sfi",
      "sfi.avbrott": "an interruption of sfi",
      "sfi.course.complete": "a completed sfi course",
      "sfi.course.complete.undo": "an undone completed sfi course",
      "sfi.avbrott.undo": "an undone interruption of sfi",
      "exit.correct": "a corrected exit date",
    },
    source: {
      form: "form",
      import: "import",
      intake: "the list Ej tilldelade (unassigned)",
      opening: "an employer's opening",
      followup: "a follow-up",
      worklist: "the worklist",
      calendar: "the calendar",
      gallring: "the retention preview",
      "dashboard:exitsWithoutOutcome": `results: ${resultsMessages.en.completeness.exitsWithoutOutcome.toLowerCase()}`,
      "dashboard:exitsWithoutReason": `results: ${resultsMessages.en.completeness.exitsWithoutReason.toLowerCase()}`,
      "dashboard:withoutEducationLevel": `results: ${resultsMessages.en.completeness.withoutEducationLevel.toLowerCase()}`,
      "dashboard:withoutCoordinator": `results: ${resultsMessages.en.completeness.withoutCoordinator.toLowerCase()}`,
      "dashboard:idle": `results: ${resultsMessages.en.now.idle.toLowerCase()}`,
    },
    "filter.gender": resultsMessages.en.genderOptions,
    "filter.education": resultsMessages.en.educationLevels,
    "filter.settlement": resultsMessages.en.settlements,
    "filter.track": participantMessages.en.tracks,
    "changes.role": catalogues.en.roles,
    "changes.kind": referenceMessages.en.kinds,
    changed: {
      ...(extractFieldLabels.en as Record<string, string>),
      ...participantMessages.en.parts,
      name: "name",
      orgNr: "organisation number",
      industry: "industry",
      contactName: "contact person",
      contactPhone: "contact's phone",
      contactEmail: "contact's email",
      occupation: "occupation",
      places: "number of places",
      languageRequirement: "language requirement",
      activityTypes: "types of activity",
      offer: "offer",
      website: "website",
      school: "school",
      days: "weekdays",
      start: "start time",
      end: "end time",
      hours: "hours per lesson",
      teacherIds: "teachers",
    },
  },
  closedCasePolicy: "closed case, {n} years after the last activity",
  personnummerMasked: "[personal identity number removed]",
  yes: "yes",
  no: "no",
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

/** Whether a value shown is an id (the page shows those as codes, as it does the entry's own id). */
export function isAuditId(v: string): boolean {
  return UUID.test(v);
}

/**
 * Keys the app writes as a before and an after (an attendance correction's hours, a handover's
 * coordinators): shown as one line "before → after", in that order, under the third name.
 */
export const AUDIT_DETAIL_PAIRS: readonly (readonly [from: string, to: string, as: string])[] = [
  ["from", "to", "change"],
  ["fromName", "toName", "coordinator"],
  ["fromId", "toId", "coordinatorChange"],
];

const own = <T>(o: Record<string, T> | undefined, k: string): T | undefined => (o && Object.hasOwn(o, k) ? o[k] : undefined);

/** A detail's key (or "parent.child" path) in words; an unknown key as it is, after its parent's words. */
export function describeAuditDetailKey(path: string, t: AuditLabels, action?: string): string {
  const words = (action ? own(own(t.actionDetailKeys, action), path) : undefined) ?? own(t.detailKeys, path);
  if (words) return words;
  const dot = path.lastIndexOf(".");
  return dot > 0 ? `${describeAuditDetailKey(path.slice(0, dot), t, action)} – ${path.slice(dot + 1)}` : path;
}

const POLICY = /^closed case, (\d+) years after last activity$/;

function scalar(v: unknown, path: string, t: AuditLabels): string {
  if (v === null || v === undefined || v === "") return "–";
  if (typeof v === "boolean") return v ? t.yes : t.no;
  if (typeof v === "string") {
    const named = own(own(t.detailValues, path), v);
    if (named) return named;
    const policy = path === "policy" ? POLICY.exec(v) : null;
    if (policy) return t.closedCasePolicy.replace("{n}", policy[1]);
  }
  return String(v);
}

/** A field of `changes` as the app writes it: { from, to }. (A filter's from and to are dates.) */
function isChange(path: string, v: unknown): v is { from?: unknown; to?: unknown } {
  if (!path.startsWith("changes.") || !v || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k === "from" || k === "to");
}

const change = (from: unknown, to: unknown, path: string, t: AuditLabels) => `${scalar(from, path, t)} → ${scalar(to, path, t)}`;

/** One detail as lines: a nested object as one line per key (by its path), a list on one line. */
function lines(path: string, v: unknown, t: AuditLabels, action?: string): [string, string][] {
  const label = () => describeAuditDetailKey(path, t, action);
  if (Array.isArray(v)) {
    if (v.length === 0) return [[label(), "–"]];
    // The lists' ids (who a caseload or a worklist showed) are counted, not printed: the entry
    // is found by a participant's id through the filter, and 80 ids help nobody reading.
    if (v.every((x) => typeof x === "string" && UUID.test(x))) return [[label(), String(v.length)]];
    return [[label(), v.map((x) => (x && typeof x === "object" ? JSON.stringify(x) : scalar(x, path, t))).join(", ")]];
  }
  if (isChange(path, v)) return [[label(), change(v.from, v.to, path, t)]];
  if (v && typeof v === "object") {
    const parts = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null);
    return parts.length ? parts.flatMap(([k, x]) => lines(`${path}.${k}`, x, t, action)) : [[label(), "–"]];
  }
  return [[label(), scalar(v, path, t)]];
}

/**
 * An entry's details as "key: value" lines to read, in words: known keys and codes named, a
 * change as "before → after", nested objects one line per key, lists of ids counted. Empty
 * without details. The action, when given, names keys that mean another thing in it.
 */
export function describeAuditDetails(details: Record<string, unknown> | null | undefined, t: AuditLabels, action?: string): [string, string][] {
  if (!details) return [];
  const out: [string, string][] = [];
  const done = new Set<string>();
  for (const [k, v] of Object.entries(details)) {
    if (done.has(k)) continue;
    const pair = AUDIT_DETAIL_PAIRS.find(([from, to]) => k === from || k === to);
    if (pair) {
      const [from, to, as] = pair;
      done.add(from).add(to);
      if ((details[from] ?? null) === null && (details[to] ?? null) === null) continue;
      out.push([describeAuditDetailKey(as, t, action), change(details[from], details[to], as, t)]);
      continue;
    }
    if (v === undefined || v === null) continue;
    out.push(...lines(k, v, t, action));
  }
  return out;
}

/** Whether the log's filter asks for days that cannot be: a from-date after the to-date. */
export function auditFilterFromAfterTo(f: { from?: string; to?: string }): boolean {
  // ISO dates (YYYY-MM-DD, as the filter parses them) compare as text.
  return !!f.from && !!f.to && f.from > f.to;
}
