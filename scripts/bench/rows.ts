// Synthetic data at regional scale for the benchmark: pure, deterministic row generation (no
// database). The same options always give the same rows, chunk by chunk, so the COPY loader and
// the batched-INSERT loader (used by the tests on PGlite) write identical data. What "realistic"
// means comes from the demo seed (stages of the journey, activity chains, names, personnummer).
import { addDays, daysBetween } from "@/lib/dates";
import {
  FIRST_NAMES_K,
  FIRST_NAMES_M,
  LANGUAGES,
  LAST_NAMES,
  OCCUPATIONS,
  makeOrgNr,
  makePersonnummer,
  rng,
  sfiStudyOutcome,
  WORKPLACE_TYPES,
  type Rng,
} from "@/db/seed";
import * as s from "@/db/schema";
import { searchNameOf } from "@/lib/participants/search";
import type { ActivityStatus, ActivityType } from "@/db/schema/enums";
import { auditHash } from "@/lib/audit/commands";
import { ACTOR_KINDS } from "@/lib/actors/schema";

export const BENCH_MUNICIPALITY = { code: "8999", name: "Benchkommunen" };
export const BENCH_PASSWORD = "Etablera-bench-2026";
/** Participants per coordinator and per unit (a unit is what a coordinator's list shows). */
export const CASELOAD = 80;
export const UNIT_SIZE = 2000;
const GROUP_SIZE = 18;
const GROUPS_PER_TEACHER = 5;
/** Attendance is kept for the current term: lessons in this many days before today. */
const ATTENDANCE_DAYS = 300;
/** Reads of each coordinator's caseload and worklist in the audit log (the lists' ids in the details). */
const LIST_READS = 8;
const WORKLIST_READS = 4;

export type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export interface GenOptions {
  participants: number;
  seed?: number;
  today: string;
  /** Participants generated per chunk (one COPY per table per chunk). */
  chunkSize?: number;
}

/** A small deterministic, collision-free uuid: the tag names the table, n is the row number. */
export function benchUuid(tag: number, n: number): string {
  // Multiplying by an odd constant is a bijection mod 2^32, so ids stay unique but spread over
  // the index like random uuids do.
  const a = (Math.imul(n + 1, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0");
  const b = (n >>> 0).toString(16).padStart(12, "0");
  const t = (tag >>> 0).toString(16).padStart(4, "0");
  return `${a}-${t}-4${b.slice(0, 3)}-8${b.slice(3, 6)}-${b.slice(6)}${a.slice(0, 6)}`;
}

const TAG = { municipality: 1, unit: 2, user: 3, employer: 4, group: 5, actor: 6, participant: 10, activity: 11, plan: 12, revision: 13, followup: 14, outcome: 15, enrolment: 16, sfiResult: 18, sfiBreak: 19 } as const;

export interface BenchSetup {
  municipality: Insert<typeof s.municipalities>;
  units: Insert<typeof s.units>[];
  users: Insert<typeof s.users>[];
  employers: Insert<typeof s.employers>[];
  groups: Insert<typeof s.sfiGroups>[];
  groupTeachers: Insert<typeof s.sfiGroupTeachers>[];
  actors: Insert<typeof s.actors>[];
  coordinators: { id: string; unitId: string; email: string }[];
  teachers: { id: string; email: string }[];
  manager: { id: string; email: string };
  admin: { id: string; email: string };
}

export function counts(n: number) {
  const units = Math.max(2, Math.round(n / UNIT_SIZE));
  const coordinators = Math.max(units, Math.ceil(n / CASELOAD));
  const groups = Math.max(2, Math.ceil((n * 0.4) / GROUP_SIZE));
  const teachers = Math.max(1, Math.ceil(groups / GROUPS_PER_TEACHER));
  return { units, coordinators, groups, teachers };
}

const EMPLOYER_KINDS = [
  { name: "Logistik", industry: "Transport och lager", occupation: "Lagerarbetare" },
  { name: "Vård och Omsorg", industry: "Vård och omsorg", occupation: "Undersköterska" },
  { name: "Restaurang", industry: "Hotell och restaurang", occupation: "Kock" },
  { name: "Bygg", industry: "Bygg", occupation: "Snickare" },
  { name: "Förskola", industry: "Offentlig förvaltning", occupation: "Barnskötare" },
  { name: "Buss", industry: "Transport och lager", occupation: "Busschaufför" },
  { name: "Städ", industry: "Fastighetsservice", occupation: "Lokalvårdare" },
  { name: "Svets & Smide", industry: "Tillverkning", occupation: "Svetsare" },
];
const PLACES = ["Hamnen", "Söder", "Norr", "Väster", "Öster", "Centrum", "Dalen", "Backen", "Ängen", "Skogen"];

/** The tenant, its units, users (password hash given), employers and sfi groups. */
export function generateSetup(opts: GenOptions, passwordHash: string): BenchSetup {
  const r = rng((opts.seed ?? 2026) ^ 0x5e7);
  const c = counts(opts.participants);
  const municipalityId = benchUuid(TAG.municipality, 0);
  const units = Array.from({ length: c.units }, (_, i) => ({ id: benchUuid(TAG.unit, i), municipalityId, name: `Etableringsenheten ${PLACES[i % PLACES.length]}${i >= PLACES.length ? " " + (Math.floor(i / PLACES.length) + 1) : ""}` }));
  const users: Insert<typeof s.users>[] = [];
  let u = 0;
  const user = (email: string, name: string, role: (typeof s.ROLES)[number], unitId: string | null) => {
    const id = benchUuid(TAG.user, u++);
    users.push({ id, municipalityId, unitId, email, name, role, passwordHash });
    return id;
  };
  const coordinators = Array.from({ length: c.coordinators }, (_, i) => {
    const unitId = units[i % c.units].id;
    const email = `koordinator${i + 1}@bench.etablera.se`;
    return { id: user(email, `${r.pick([...FIRST_NAMES_K, ...FIRST_NAMES_M])} Koordinator ${i + 1}`, "coordinator", unitId), unitId, email };
  });
  const teachers = Array.from({ length: c.teachers }, (_, i) => {
    const email = `sfi${i + 1}@bench.etablera.se`;
    return { id: user(email, `Sfi-lärare ${i + 1}`, "sfi_teacher", null), email };
  });
  const manager = { id: user("chef@bench.etablera.se", "Bench Chef", "manager", null), email: "chef@bench.etablera.se" };
  const admin = { id: user("admin@bench.etablera.se", "Bench Admin", "admin", null), email: "admin@bench.etablera.se" };
  const nEmployers = Math.max(8, Math.ceil(opts.participants / 100));
  const orgNrs = new Set<string>();
  const employers = Array.from({ length: nEmployers }, (_, i) => {
    const k = EMPLOYER_KINDS[i % EMPLOYER_KINDS.length];
    let orgNr = makeOrgNr(r, "55");
    while (orgNrs.has(orgNr)) orgNr = makeOrgNr(r, "55");
    orgNrs.add(orgNr);
    return { id: benchUuid(TAG.employer, i), municipalityId, orgNr, name: `${PLACES[i % PLACES.length]}s ${k.name} ${i + 1} AB`, industry: k.industry };
  });
  const groups = Array.from({ length: c.groups }, (_, i) => {
    const evening = i % 4 === 3;
    const course = s.SFI_COURSES[i % 4];
    return {
      id: benchUuid(TAG.group, i),
      municipalityId,
      name: `Sfi ${1 + (i % 3)}${course} ${evening ? "kväll" : "förmiddag"} ${i + 1}`,
      school: `Lärcentrum ${PLACES[i % PLACES.length]}`,
      studyPath: 1 + (i % 3),
      course,
      schedule: evening ? { days: [1, 3], start: "17:30", end: "20:30", hours: 3 } : { days: [1, 2, 3, 4], start: "08:30", end: "12:00", hours: 3.5 },
    };
  });
  const groupTeachers = groups.map((g, i) => ({ groupId: g.id!, userId: teachers[Math.floor(i / GROUPS_PER_TEACHER) % teachers.length].id }));
  // The actor directory of a large municipality: a few hundred partners, each offering two or three
  // kinds of activity (no random draws: every row above stays as it was for the same seed).
  const actors = Array.from({ length: Math.min(300, Math.max(20, Math.ceil(opts.participants / 1000))) }, (_, i) => ({
    id: benchUuid(TAG.actor, i),
    municipalityId,
    name: `Aktör ${i + 1}, ${PLACES[i % PLACES.length]}`,
    kind: ACTOR_KINDS[i % ACTOR_KINDS.length],
    activityTypes: [...new Set([s.ACTIVITY_TYPES[i % s.ACTIVITY_TYPES.length], s.ACTIVITY_TYPES[(i * 7 + 3) % s.ACTIVITY_TYPES.length]])].sort((a, b) => s.ACTIVITY_TYPES.indexOf(a) - s.ACTIVITY_TYPES.indexOf(b)),
    offer: "Insatser för nyanlända; anmälan via koordinatorn.",
    contactName: `Kontaktperson ${i + 1}`,
    contactPhone: `010-${String(100000 + i).padStart(6, "0")}`,
    contactEmail: `aktor${i + 1}@bench.etablera.se`,
  }));
  return { municipality: { id: municipalityId, ...BENCH_MUNICIPALITY }, units, users, employers, groups, groupTeachers, actors, coordinators, teachers, manager, admin };
}

/** One chunk of participant data, in the order the tables must be loaded (foreign keys). */
export interface Chunk {
  participants: Insert<typeof s.participants>[];
  plans: Insert<typeof s.plans>[];
  planRevisions: Insert<typeof s.planRevisions>[];
  activities: Insert<typeof s.activities>[];
  followups: Insert<typeof s.followups>[];
  outcomes: Insert<typeof s.outcomes>[];
  sfiEnrolments: Insert<typeof s.sfiEnrolments>[];
  sfiAttendance: Insert<typeof s.sfiAttendance>[];
  sfiResults: Insert<typeof s.sfiResults>[];
  sfiBreaks: Insert<typeof s.sfiBreaks>[];
  auditLog: Insert<typeof s.auditLog>[];
}
export const CHUNK_TABLES = ["participants", "plans", "planRevisions", "activities", "followups", "outcomes", "sfiEnrolments", "sfiAttendance", "sfiResults", "sfiBreaks", "auditLog"] as const;
export type ChunkTable = (typeof CHUNK_TABLES)[number];
export const TABLES: Record<ChunkTable, (typeof s)[keyof typeof s]> = {
  participants: s.participants,
  plans: s.plans,
  planRevisions: s.planRevisions,
  activities: s.activities,
  followups: s.followups,
  outcomes: s.outcomes,
  sfiEnrolments: s.sfiEnrolments,
  sfiAttendance: s.sfiAttendance,
  sfiResults: s.sfiResults,
  sfiBreaks: s.sfiBreaks,
  auditLog: s.auditLog,
};

export function emptyChunk(): Chunk {
  return { participants: [], plans: [], planRevisions: [], activities: [], followups: [], outcomes: [], sfiEnrolments: [], sfiAttendance: [], sfiResults: [], sfiBreaks: [], auditLog: [] };
}

/**
 * The audit log's entries, chained as lib/audit/commands.ts chains them (the same hash over the
 * same fields), so `npm run audit:verify` finds the generated log unbroken. Rows must be written
 * in the order they were made: their ids (bigserial) follow the COPY.
 */
function auditChain() {
  let prevHash: string | null = null;
  return (e: { at: string; municipalityId: string; userId: string; action: string; entityType: string; entityId?: string | null; participantId?: string | null; details?: Record<string, unknown> | null }): Insert<typeof s.auditLog> => {
    const row = { at: e.at, municipalityId: e.municipalityId, userId: e.userId, action: e.action, entityType: e.entityType, entityId: e.entityId ?? null, participantId: e.participantId ?? null, details: e.details ?? null };
    const hash = auditHash(prevHash, row);
    const out = { ...row, at: new Date(e.at), prevHash, hash };
    prevHash = hash;
    return out;
  };
}

/** A moment of a day, as the audit log keeps it: working hours, to the second. */
function momentOf(day: string, r: Rng): string {
  return `${day}T${String(r.int(6, 15)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}.000Z`;
}

function statusFor(start: string, end: string | null, today: string, r: Rng): ActivityStatus {
  if (start > today) return "planerad";
  if (end && end <= today) return r.chance(0.12) ? "avbruten" : "avslutad";
  return "pagaende";
}

function weekday(d: string): number {
  return ((new Date(d + "T00:00:00Z").getUTCDay() + 6) % 7) + 1;
}

/** Participant rows and everything hanging off them, chunk by chunk. */
export function* generateChunks(opts: GenOptions, setup: BenchSetup): Generator<Chunk> {
  const r = rng(opts.seed ?? 2026);
  const today = opts.today;
  const chunkSize = opts.chunkSize ?? 5000;
  const municipalityId = setup.municipality.id!;
  const nCoord = setup.coordinators.length;
  const seenPnr = new Set<string>();
  const n = { activity: 0, followup: 0, outcome: 0, enrolment: 0, sfiResult: 0, sfiBreak: 0 };
  // Sfi results and interruptions from a generator of their own, so that adding them left every
  // other row as it was for the same seed.
  const rSfi = rng(((opts.seed ?? 2026) ^ 0x5f1) >>> 0);
  // The audit log from a generator of its own too: who registered, planned and read whom.
  const rAudit = rng(((opts.seed ?? 2026) ^ 0xa0d) >>> 0);
  const chain = auditChain();
  // Lesson days of the attendance window, per schedule kind, computed once.
  const windowDays = Array.from({ length: ATTENDANCE_DAYS }, (_, k) => addDays(today, -ATTENDANCE_DAYS + k));
  const windowWeekday = windowDays.map(weekday);
  let chunk = emptyChunk();

  for (let i = 0; i < opts.participants; i++) {
    const pid = benchUuid(TAG.participant, i);
    const gender: "K" | "M" | "X" = i % 29 === 7 ? "X" : r.chance(0.5) ? "K" : "M";
    const firstName = gender === "K" ? r.pick(FIRST_NAMES_K) : gender === "M" ? r.pick(FIRST_NAMES_M) : r.pick(r.chance(0.5) ? FIRST_NAMES_K : FIRST_NAMES_M);
    const lastName = r.pick(LAST_NAMES);
    const birthDate = addDays("1960-01-01", r.int(0, 365 * 43));
    const roll = r.next();
    const stage = roll < 0.15 ? "new" : roll < 0.6 ? "in" : "after";
    let receptionDate: string;
    let programmeStart: string | null = null;
    let programmeEnd: string | null = null;
    if (stage === "new") {
      receptionDate = addDays(today, -r.int(3, 75));
      if (r.chance(0.5)) programmeStart = addDays(receptionDate, r.int(10, 30));
      if (programmeStart && programmeStart > today) programmeStart = null;
    } else if (stage === "in") {
      receptionDate = addDays(today, -r.int(90, 650));
      programmeStart = addDays(receptionDate, r.int(14, 45));
    } else {
      receptionDate = addDays(today, -r.int(800, 2200));
      programmeStart = addDays(receptionDate, r.int(14, 45));
      programmeEnd = addDays(programmeStart, r.int(420, 730));
      if (programmeEnd > addDays(today, -5)) programmeEnd = addDays(today, -r.int(5, 60));
    }
    const coordinator = setup.coordinators[i % nCoord];
    const coordinatorId = i % 17 === 4 ? null : coordinator.id;
    let personnummer: string | null = null;
    if (i % 11 !== 5) {
      for (let tries = 0; tries < 4 && personnummer === null; tries++) {
        const p = makePersonnummer(r, birthDate, gender);
        if (!seenPnr.has(p)) personnummer = p;
      }
      if (personnummer) seenPnr.add(personnummer);
    }
    const annatStod = i % 8 === 3;
    chunk.participants.push({
      id: pid,
      municipalityId,
      unitId: coordinator.unitId,
      externalId: `BENCH-${String(i + 1).padStart(7, "0")}`,
      personnummer,
      firstName,
      lastName,
      searchName: searchNameOf(firstName, lastName),
      birthDate,
      gender,
      educationLevel: i % 13 === 3 ? null : r.pick(s.EDUCATION_LEVELS),
      receptionDate,
      settlement: r.chance(0.7) ? "anvisad" : "sjalvbosatt",
      programmeStart,
      programmeEnd,
      exitReason: programmeEnd ? (i % 7 === 0 ? null : r.pick(s.EXIT_REASONS)) : null,
      coordinatorId,
      track: annatStod ? "annat_stod" : "arbetsmarknad",
      trackReason: annatStod ? "Behöver först stöd kring bostad och hälsa." : null,
      trackReviewDate: annatStod ? addDays(today, r.int(10, 60)) : null,
      languages: r.chance(0.4) ? [r.pick(LANGUAGES), "engelska"] : [r.pick(LANGUAGES)],
      interpreterLanguage: r.chance(0.4) ? r.pick(LANGUAGES.slice(0, 6)) : null,
      phone: `07${r.int(0, 9)}-${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
      childrenCount: r.int(0, 4),
      childcareNeed: r.chance(0.3),
    });
    const goalOccupation = r.pick(OCCUPATIONS);
    const goalType = r.chance(0.85) ? "arbete" : "studier";
    const planId = benchUuid(TAG.plan, i);
    chunk.plans.push({ id: planId, participantId: pid, goalType, goalOccupation, reviewDate: addDays(today, r.int(-10, 60)), updatedBy: coordinatorId });
    chunk.planRevisions.push({ id: benchUuid(TAG.revision, i), planId, version: 1, changedBy: coordinatorId, summary: "Planen upprättades", snapshot: { goalType, goalOccupation } });

    // Activities: sfi course by course, health check, civic orientation, workplace chains, more.
    const end = programmeEnd ?? today;
    const act = (type: ActivityType, startDate: string, endDate: string | null, provider: string, hours: string | null, extra: Partial<Insert<typeof s.activities>> = {}) => {
      const status = extra.status ?? statusFor(startDate, endDate, today, r);
      const row: Insert<typeof s.activities> = {
        id: benchUuid(TAG.activity, n.activity++),
        municipalityId,
        participantId: pid,
        type,
        status,
        startDate,
        endDate,
        plannedStartDate: startDate,
        plannedEndDate: endDate,
        provider,
        responsibleUserId: coordinatorId,
        hoursPerWeek: hours,
        interruptReason: status === "avbruten" ? "Byte till annan insats" : null,
        details: {},
        ...extra,
      };
      chunk.activities.push(row);
      return row;
    };
    const firstActivity = chunk.activities.length;
    const sfiCourses: Insert<typeof s.activities>[] = [];
    let ongoingSfi: Insert<typeof s.activities> | null = null;
    let sfiStart = addDays(receptionDate, r.int(7, 40));
    const studyPath = r.int(1, 3);
    for (let c = r.int(0, 1); c < 4 && sfiStart <= addDays(today, 20); c++) {
      const length = r.int(120, 320);
      const sfiEnd = addDays(sfiStart, length);
      const open = sfiEnd > today;
      const a = act("sfi", sfiStart, open ? null : sfiEnd, "Lärcentrum", "15", { details: { studyPath, course: s.SFI_COURSES[c] } });
      sfiCourses.push(a);
      if (a.status === "pagaende") ongoingSfi = a;
      if (open) break;
      sfiStart = addDays(sfiEnd, r.int(1, 20));
    }
    const hStart = addDays(receptionDate, r.int(10, 80));
    const hDone = hStart <= today && r.chance(0.8);
    act("halsoundersokning", hStart, hDone ? hStart : null, "Region (vårdcentral)", null, { status: hDone ? "avslutad" : "planerad", details: { healthStatus: r.pick(["erbjuden", "genomford", "avbojd"]) } });
    if (stage !== "new" || r.chance(0.3)) act("samhallsorientering", addDays(receptionDate, r.int(20, 60)), addDays(receptionDate, r.int(100, 140)), "Kommunen", "4");
    if (stage !== "new") {
      let pStart = addDays(receptionDate, r.int(30, 200));
      for (let k = r.int(1, 3); k > 0 && pStart < end; k--) {
        const ei = r.int(0, setup.employers.length - 1);
        const employer = setup.employers[ei];
        const pEnd = addDays(pStart, r.int(4, 12) * 7);
        act("praktik", pStart, pEnd, employer.name, "20", { employerId: employer.id!, details: { occupation: goalOccupation, supervisor: "Handledare " + r.pick(["Eva", "Mats", "Sara", "Erik"]) } });
        if (r.chance(0.35)) {
          const follow: ActivityType = r.pick(["extratjanst", "introduktionsjobb", "anstallning", "rekryteringsutbildning"]);
          const fStart = addDays(pEnd, r.int(0, 45));
          const fEnd = follow === "rekryteringsutbildning" ? addDays(fStart, 70) : r.chance(0.5) ? addDays(fStart, 365) : null;
          act(follow, fStart, fEnd, employer.name, "40", { employerId: employer.id!, details: { extentPercent: 100 } });
          break;
        }
        pStart = addDays(pEnd, r.int(14, 90));
      }
      for (let k = r.int(2, 5); k > 0; k--) {
        const t: ActivityType = r.pick(["validering", "yrkes_sfi", "arbetsmarknadsutbildning", "vuxenutbildning", "annan"]);
        const st = addDays(receptionDate, r.int(60, 500));
        act(t, st, addDays(st, r.int(30, 150)), t === "arbetsmarknadsutbildning" ? "Arbetsförmedlingen" : "Kommunen", "10", { details: t === "validering" ? { subject: "Yrkeskunnande " + goalOccupation.toLowerCase() } : {} });
      }
      if (stage === "in" && r.chance(0.2)) {
        const st = addDays(today, r.int(5, 30));
        act("praktik", st, addDays(st, r.int(30, 80)), "Kommunen", "20", { status: "planerad" });
      }
    }

    // Follow-ups: a monthly history while in the programme, and the next one planned.
    if (stage !== "new") {
      const held = r.int(1, 4);
      const last = stage === "in" ? today : programmeEnd!;
      for (let k = held; k >= 1; k--) {
        const due = addDays(last, -k * 28 - r.int(0, 6));
        if (due < receptionDate) continue;
        chunk.followups.push({ id: benchUuid(TAG.followup, n.followup++), municipalityId, participantId: pid, type: "uppfoljning", status: "genomford", dueDate: due, heldDate: addDays(due, r.int(-3, 3)), attendees: "Deltagaren, koordinator", notes: "Stämde av planen.", responsibleUserId: coordinatorId });
      }
      if (stage === "in") {
        chunk.followups.push({ id: benchUuid(TAG.followup, n.followup++), municipalityId, participantId: pid, type: r.pick(["uppfoljning", "trepartssamtal", "af_avstamning"] as const), status: "planerad", dueDate: addDays(today, r.int(-10, 25)), responsibleUserId: coordinatorId });
      }
    }

    // The 90-day outcome, for about two thirds of those whose 90 days have passed.
    if (programmeEnd) {
      const due = addDays(programmeEnd, 90);
      if (due <= today && !r.chance(0.33)) {
        chunk.outcomes.push({ id: benchUuid(TAG.outcome, n.outcome++), municipalityId, participantId: pid, kind: "dag90", status: r.pick(["arbete", "arbete", "studier", "arbete_och_studier", "arbetssokande", "ovrigt"] as const), recordedDate: addDays(due, r.int(0, Math.min(20, daysBetween(due, today)))), source: "samtal", createdBy: coordinatorId });
      }
    }

    // Sfi group and this term's attendance for those studying sfi now.
    let ongoingGroup: { id: string; teacherId: string } | null = null;
    if (ongoingSfi) {
      const g = n.enrolment % setup.groups.length;
      const group = setup.groups[g];
      const teacherId = setup.groupTeachers[g].userId;
      ongoingGroup = { id: group.id!, teacherId };
      chunk.sfiEnrolments.push({ id: benchUuid(TAG.enrolment, n.enrolment++), groupId: group.id!, participantId: pid, activityId: ongoingSfi.id!, startDate: ongoingSfi.startDate });
      const diligence = r.next();
      const hours = group.schedule.hours;
      for (let k = 0; k < ATTENDANCE_DAYS; k++) {
        const day = windowDays[k];
        if (day < ongoingSfi.startDate || !group.schedule.days.includes(windowWeekday[k])) continue;
        const attended = r.next() < 0.55 + diligence * 0.45 ? hours : r.chance(0.3) ? hours / 2 : 0;
        chunk.sfiAttendance.push({ groupId: group.id!, participantId: pid, lessonDate: day, scheduledHours: String(hours), attendedHours: String(attended), recordedBy: teacherId });
      }
    }

    // Each sfi course's grade, or its interruption, as the demo's rules give them (db/seed.ts).
    const toWork = chunk.activities.slice(firstActivity).some((a) => WORKPLACE_TYPES.includes(a.type));
    for (const a of sfiCourses) {
      const inGroup = a === ongoingSfi ? ongoingGroup : null;
      const d = a.details as { studyPath: number; course: string };
      const out = sfiStudyOutcome(rSfi, { participantId: pid, status: a.status!, startDate: a.startDate!, endDate: a.endDate ?? null, studyPath: d.studyPath, course: d.course, groupId: inGroup?.id }, today, { recordedBy: inGroup?.teacherId ?? null, toWork, wholeStudy: false });
      for (const x of out.results) chunk.sfiResults.push({ id: benchUuid(TAG.sfiResult, n.sfiResult++), ...x });
      for (const x of out.breaks) chunk.sfiBreaks.push({ id: benchUuid(TAG.sfiBreak, n.sfiBreak++), ...x });
    }

    // The audit log: registered and the plan made by the coordinator (or the admin, where there is
    // none), then a few views of the person's page (its reads), on days since reception.
    const by = coordinatorId ?? setup.admin.id;
    const seen = { municipalityId, userId: by, participantId: pid };
    chunk.auditLog.push(chain({ ...seen, at: momentOf(receptionDate, rAudit), action: "participant.create", entityType: "participant", entityId: pid, details: { source: "form", track: annatStod ? "annat_stod" : "arbetsmarknad", coordinatorId } }));
    chunk.auditLog.push(chain({ ...seen, at: momentOf(addDays(receptionDate, 1), rAudit), action: "plan.update", entityType: "plan", entityId: planId, details: { version: 1 } }));
    const span = Math.max(1, daysBetween(receptionDate, today));
    const views = Array.from({ length: rAudit.int(1, 3) }, () => addDays(receptionDate, rAudit.int(1, span))).sort();
    for (const day of views) {
      const at = momentOf(day, rAudit);
      chunk.auditLog.push(chain({ ...seen, at, action: "participant.read", entityType: "participant", entityId: pid }));
      chunk.auditLog.push(chain({ ...seen, at, action: "plan.read", entityType: "plan", entityId: planId }));
    }

    if (chunk.participants.length >= chunkSize) {
      yield chunk;
      chunk = emptyChunk();
    }
  }
  // Last, the reads of lists: each coordinator's caseload and worklist, on recent days, naming
  // their people by id (the audit log's participant filter and the register extract find them).
  for (let c = 0; c < nCoord; c++) {
    const coordinator = setup.coordinators[c];
    const caseload: string[] = [];
    for (let i = c; i < opts.participants; i += nCoord) if (i % 17 !== 4) caseload.push(benchUuid(TAG.participant, i));
    for (let k = 0; k < LIST_READS + WORKLIST_READS; k++) {
      const worklist = k >= LIST_READS;
      chunk.auditLog.push(
        chain({
          municipalityId,
          userId: coordinator.id,
          at: momentOf(addDays(today, -1 - k), rAudit),
          action: "participant.list",
          entityType: "participant",
          details: worklist ? { source: "worklist", ids: caseload.slice(0, 25) } : { ids: caseload, query: null },
        }),
      );
    }
  }
  if (chunk.participants.length > 0 || chunk.auditLog.length > 0) yield chunk;
}
