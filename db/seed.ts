// Deterministic demo municipality: two units, ~120 participants in every stage of the journey,
// activities of every type, employers, sfi groups, grades and interruptions, and follow-ups. The
// same random seed and the same `today` always give the same data. Personnummer are
// valid-checksum numbers made up here; serial numbers in the 9xx series keep them apart from the
// usual ranges.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import * as s from "./schema";
import { hashPassword } from "@/lib/auth/password";
import { addDays, daysBetween, todayIso } from "@/lib/dates";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { searchNameOf } from "@/lib/participants/search";
import type { ActivityStatus, ActivityType } from "./schema/enums";

export const DEMO_MUNICIPALITY = { code: "9999", name: "Demokommunen" };
/** The demo's actor directory: who does what, as a coordinator would have written it. */
const DEMO_ACTORS: (Omit<typeof s.actors.$inferInsert, "municipalityId" | "archivedAt"> & { archivedAt?: boolean })[] = [
  {
    name: "Lärcentrum Demokommunen",
    kind: "utbildning",
    activityTypes: ["sfi", "yrkes_sfi", "vuxenutbildning"],
    offer: "Sfi studieväg 1–3 på dag- och kvällstid, yrkes-sfi inom vård och omsorg och inom bygg, och vuxenutbildning. Anmälan till sfi görs av koordinatorn; studie- och yrkesvägledaren bokar ett första samtal inom två veckor.",
    contactName: "Studie- och yrkesvägledningen",
    contactPhone: "0410-73 50 00",
    contactEmail: "vagledning@larcentrum.demokommunen.se",
    address: "Bryggaregatan 5",
  },
  {
    name: "Arbetsförmedlingen",
    kind: "arbetsformedlingen",
    activityTypes: ["arbetsmarknadsutbildning", "introduktionsjobb", "anstallning"],
    offer: "Etableringsprogrammet, arbetsmarknadsutbildningar och stöd vid anställning (introduktionsjobb, nystartsjobb). Kontakt går via deltagarens handläggare; avstämning varannan månad.",
    contactName: "Handläggarteamet för etablering",
    contactPhone: "0771-416 416",
    website: "https://arbetsformedlingen.se",
  },
  {
    name: "Vårdcentralen Demokommunen",
    kind: "region",
    activityTypes: ["halsoundersokning"],
    offer: "Hälsoundersökning för nyanlända. Koordinatorn anmäler personen; vårdcentralen skickar kallelsen och bokar tolk.",
    contactName: "Sjuksköterska för hälsoundersökningar",
    contactPhone: "0410-55 40 00",
    address: "Vårdcentralen, Storgatan 12",
  },
  {
    name: "Samhällsorienteringen",
    kind: "kommun",
    activityTypes: ["samhallsorientering"],
    offer: "Samhällsorientering på modersmål eller lätt svenska, 100 timmar. Nya grupper startar varje månad.",
    contactName: "Samordnaren för samhällsorientering",
    contactEmail: "samhallsorientering@demokommunen.se",
  },
  {
    name: "Valideringscentrum Syd",
    kind: "utbildning",
    activityTypes: ["validering"],
    offer: "Validering av yrkeskunnande inom vård och omsorg, bygg, restaurang och fordon, med tolk vid behov. Kartläggningen från kommunen skickas med anmälan.",
    contactName: "Valideringssamordnaren",
    contactPhone: "040-600 20 00",
    website: "https://valideringscentrum.example.se",
  },
  {
    name: "Arbetsmarknadsenheten, praktiksamordningen",
    kind: "kommun",
    activityTypes: ["praktik", "extratjanst", "rekryteringsutbildning"],
    offer: "Hittar praktikplatser och extratjänster hos kommunens förvaltningar och bygger rekryteringsutbildningar tillsammans med arbetsgivare som rekryterar.",
    contactName: "Praktiksamordnarna",
    contactEmail: "praktik@demokommunen.se",
  },
  {
    name: "Studieförbundet i Demokommunen",
    kind: "civilsamhalle",
    activityTypes: ["annan"],
    offer: "Språkcafé tisdagar och torsdagar, studiecirklar i svenska och läxhjälp. Ingen anmälan behövs.",
    contactName: "Verksamhetsutvecklaren",
    contactPhone: "0410-12 34 50",
  },
  {
    name: "Språkcafé på biblioteket",
    kind: "kommun",
    activityTypes: ["annan"],
    offer: "Språkcafé på stadsbiblioteket; ersatt av studieförbundets språkcafé.",
    archivedAt: true,
  },
];

export const DEMO_PASSWORD = "Etablera-demo-2026";
export const DEMO_ACCOUNTS = [
  { email: "anna.koordinator@demo.etablera.se", name: "Anna Lindqvist", role: "coordinator", unit: 0 },
  { email: "jonas.koordinator@demo.etablera.se", name: "Jonas Berg", role: "coordinator", unit: 0 },
  { email: "samira.koordinator@demo.etablera.se", name: "Samira Haddad", role: "coordinator", unit: 1 },
  { email: "lena.sfi@demo.etablera.se", name: "Lena Ek", role: "sfi_teacher", unit: null },
  { email: "karin.chef@demo.etablera.se", name: "Karin Holm", role: "manager", unit: null },
  { email: "admin@demo.etablera.se", name: "Per Admin", role: "admin", unit: null },
] as const;

/** mulberry32: small, fast, good enough for demo data, and deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const FIRST_NAMES_K = [
  "Amina", "Fatima", "Hiba", "Rahel", "Selam", "Nour", "Zainab", "Maryam", "Olena", "Iryna",
  "Hodan", "Sahra", "Parwin", "Shirin", "Leila", "Rania", "Yasmin", "Mahsa", "Tsega", "Ayan",
];
export const FIRST_NAMES_M = [
  "Ahmad", "Mohammed", "Yonas", "Dawit", "Omar", "Hassan", "Ali", "Mustafa", "Andrii", "Oleksandr",
  "Abdirahman", "Farhad", "Reza", "Khaled", "Bilal", "Tesfay", "Samir", "Jamal", "Ibrahim", "Hamid",
];
export const LAST_NAMES = [
  "Al-Hassan", "Haile", "Mohammadi", "Ahmadi", "Tesfaye", "Abdullahi", "Kovalenko", "Shevchenko",
  "Hussein", "Karimi", "Osman", "Yusuf", "Rahimi", "Gebremedhin", "Said", "Nazari", "Haddad",
  "Mahmoud", "Warsame", "Bondarenko", "Hosseini", "Berhane", "Jama", "Khalil", "Sultani",
];
export const LANGUAGES = ["arabiska", "dari", "tigrinja", "somaliska", "ukrainska", "persiska", "kurdiska", "engelska"];
export const OCCUPATIONS = [
  "Undersköterska", "Lagerarbetare", "Kock", "Busschaufför", "Elektriker", "Barnskötare",
  "Lokalvårdare", "Svetsare", "Snickare", "Butikssäljare", "Målare", "Förskollärare",
];

const EMPLOYERS = [
  { name: "Hamnens Logistik AB", industry: "Transport och lager", occupation: "Lagerarbetare" },
  { name: "Solgläntans Vård och Omsorg", industry: "Vård och omsorg", occupation: "Undersköterska" },
  { name: "Restaurang Kajen AB", industry: "Hotell och restaurang", occupation: "Kock" },
  { name: "Byggmästarna i Syd AB", industry: "Bygg", occupation: "Snickare" },
  { name: "Demokommunens förskoleförvaltning", industry: "Offentlig förvaltning", occupation: "Barnskötare" },
  { name: "Stadsbussarna AB", industry: "Transport och lager", occupation: "Busschaufför" },
  { name: "Rent & Fint Städ AB", industry: "Fastighetsservice", occupation: "Lokalvårdare" },
  { name: "Verkstaden Svets & Smide AB", industry: "Tillverkning", occupation: "Svetsare" },
];

/** A valid-checksum organisationsnummer with the given 2-digit prefix. */
export function makeOrgNr(r: Rng, prefix: string): string {
  const nine = prefix + String(r.int(1000000, 9999999));
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** A valid-checksum personnummer for the birth date and gender (serial 900–999). */
export function makePersonnummer(r: Rng, birthDate: string, gender: "K" | "M" | "X"): string {
  const [y, m, d] = birthDate.split("-");
  let genderDigit = r.int(0, 9);
  if (gender === "K" && genderDigit % 2 === 1) genderDigit -= 1;
  if (gender === "M" && genderDigit % 2 === 0) genderDigit += 1;
  const nine = `${y.slice(2)}${m}${d}9${r.int(0, 9)}${genderDigit}`;
  return `${y}${m}${d}${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

interface ActivityRow {
  type: ActivityType;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  provider: string;
  hoursPerWeek: string | null;
  employerIndex?: number;
  details?: Record<string, unknown>;
}

/** The first and the last course of each sfi study path (studieväg 1: A–B, 2: B–C, 3: C–D); the last one passed is sfi passed. */
export const SFI_PATH_COURSES: Record<number, readonly [string, string]> = { 1: ["A", "B"], 2: ["B", "C"], 3: ["C", "D"] };
const PASSING_GRADES = ["E", "E", "D", "D", "C", "C", "B", "A"] as const;
/** Activity types that are a job: an sfi interruption of someone who has one is mostly for work. */
export const WORKPLACE_TYPES: readonly ActivityType[] = ["anstallning", "extratjanst", "introduktionsjobb"];

/** An sfi activity as the rules below need it: `course` is its own course, or with `wholeStudy` the path's first and last. */
export interface SfiStudy {
  participantId: string;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  studyPath: number;
  course: string;
  groupId?: string | null;
}

/**
 * What sfi teachers would have logged for an sfi activity, on days up to `today`: course grades
 * (most pass; a course ended without a grade or with F now and then), a national test before some
 * final grades, an interruption (avbrott) where the activity was interrupted, mostly for work when
 * the person has a workplace, and now and then a pause (uppehåll) in an ongoing course. With
 * `wholeStudy` the activity is all of the person's sfi (the demo's), from the path's first course
 * to its last; otherwise it is one course (the benchmark's, course after course).
 */
export function sfiStudyOutcome(r: Rng, a: SfiStudy, today: string, opts: { recordedBy: string | null; toWork: boolean; wholeStudy: boolean }) {
  const results: (typeof s.sfiResults.$inferInsert)[] = [];
  const breaks: (typeof s.sfiBreaks.$inferInsert)[] = [];
  if (a.status === "planerad" || a.startDate > today) return { results, breaks };
  const [first, last] = SFI_PATH_COURSES[a.studyPath] ?? SFI_PATH_COURSES[2];
  const base = { participantId: a.participantId, groupId: a.groupId ?? null, studyPath: a.studyPath, recordedBy: opts.recordedBy };
  const grade = (kind: "kursbetyg" | "nationellt_prov", course: string, resultDate: string, g: string = r.pick(PASSING_GRADES)) => {
    if (resultDate <= today) results.push({ ...base, kind, course, grade: g, resultDate });
  };
  const end = a.endDate && a.endDate <= today ? a.endDate : null;
  const days = daysBetween(a.startDate, end ?? today);
  if (opts.wholeStudy && days > 200) grade("kursbetyg", first, addDays(a.startDate, r.int(120, Math.min(days - 30, 320))));
  if (a.status === "avslutad" && end) {
    const course = opts.wholeStudy ? last : a.course;
    if (r.chance(opts.wholeStudy ? 0.85 : 0.9)) {
      if (course === last && r.chance(0.35)) grade("nationellt_prov", course, addDays(end, -r.int(14, 28)));
      grade("kursbetyg", course, end);
    } else if (!opts.wholeStudy) grade("kursbetyg", course, end, "F");
  } else if (a.status === "avbruten" && end) {
    const reason = opts.toWork && r.chance(0.8) ? "arbete" : r.pick(["arbete", "arbete", "studier", "studier", "flytt", "foraldraledighet", "sjukdom", "okand"] as const);
    breaks.push({ participantId: a.participantId, groupId: a.groupId ?? null, kind: "avbrott", reason, fromDate: end, toDate: null, recordedBy: opts.recordedBy });
  } else if (a.status === "pagaende" && days > 120 && r.chance(0.12)) {
    const from = addDays(a.startDate, r.int(30, days - 75));
    breaks.push({ participantId: a.participantId, groupId: a.groupId ?? null, kind: "uppehall", reason: r.pick(["foraldraledighet", "sjukdom"] as const), fromDate: from, toDate: addDays(from, r.int(14, 45)), recordedBy: opts.recordedBy });
  }
  return { results, breaks };
}

/** The demo's sfi results and interruptions, one study per sfi activity; those enrolled in a group are in its course now. */
function sfiOutcomes(r: Rng, today: string, teacherId: string, activities: (typeof s.activities.$inferInsert)[], enrolments: { groupId: string; participantId: string }[], groups: { id: string; studyPath: number; course: string }[]) {
  const working = new Set(activities.filter((a) => WORKPLACE_TYPES.includes(a.type)).map((a) => a.participantId));
  const groupOf = new Map(enrolments.map((e) => [e.participantId, e.groupId]));
  const results: (typeof s.sfiResults.$inferInsert)[] = [];
  const breaks: (typeof s.sfiBreaks.$inferInsert)[] = [];
  for (const a of activities) {
    if (a.type !== "sfi") continue;
    const d = a.details as { studyPath: number; course: string };
    // Those in a group study its course now, the first of their path: nothing graded yet.
    const group = groups.find((g) => g.id === groupOf.get(a.participantId));
    const studied = group ? { studyPath: group.studyPath, course: group.course, groupId: group.id } : { studyPath: d.studyPath, course: d.course };
    const out = sfiStudyOutcome(r, { participantId: a.participantId, status: a.status!, startDate: a.startDate!, endDate: a.endDate ?? null, ...studied }, today, { recordedBy: teacherId, toWork: working.has(a.participantId), wholeStudy: !group });
    results.push(...out.results);
    breaks.push(...out.breaks);
  }
  return { results, breaks };
}

function statusFor(start: string, end: string | null, today: string, r: Rng): ActivityStatus {
  if (start > today) return "planerad";
  if (end && end <= today) return r.chance(0.12) ? "avbruten" : "avslutad";
  return "pagaende";
}

export interface SeedOptions {
  today?: string;
  seed?: number;
}

export async function demoExists(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, DEMO_MUNICIPALITY.code));
  return Boolean(row);
}

export async function seedDemo(db: Db, opts: SeedOptions = {}) {
  const today = opts.today ?? todayIso();
  const r = rng(opts.seed ?? 1287);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    const [municipality] = await tx.insert(s.municipalities).values(DEMO_MUNICIPALITY).returning();
    const unitRows = await tx
      .insert(s.units)
      .values([
        { municipalityId: municipality.id, name: "Etableringsenheten Centrum" },
        { municipalityId: municipality.id, name: "Etableringsenheten Norr" },
      ])
      .returning();
    const userRows = await tx
      .insert(s.users)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          municipalityId: municipality.id,
          unitId: a.unit === null ? null : unitRows[a.unit].id,
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
        })),
      )
      .returning();
    const coordinators = userRows.filter((u) => u.role === "coordinator");
    const teacher = userRows.find((u) => u.role === "sfi_teacher")!;

    const employerRows = await tx
      .insert(s.employers)
      .values(
        EMPLOYERS.map((e, i) => ({
          municipalityId: municipality.id,
          orgNr: makeOrgNr(r, i === 4 ? "21" : "55"),
          name: e.name,
          industry: e.industry,
          contactName: r.pick(["Eva Nilsson", "Mats Persson", "Sara Johansson", "Erik Olsson"]),
          contactPhone: `040-${r.int(100000, 999999)}`,
          address: `${r.pick(["Hamngatan", "Storgatan", "Industrivägen", "Kyrkogatan"])} ${r.int(1, 60)}`,
        })),
      )
      .returning();
    await tx.insert(s.openings).values(
      employerRows.flatMap((e, i) => [
        {
          municipalityId: municipality.id,
          employerId: e.id,
          type: "praktik" as const,
          occupation: EMPLOYERS[i].occupation,
          places: r.int(1, 4),
          startDate: addDays(today, r.int(7, 40)),
          endDate: addDays(today, r.int(70, 120)),
          languageRequirement: r.pick(["Ingen", "Sfi kurs B", "Sfi kurs C"]),
        },
        ...(i % 3 === 0
          ? [{
              municipalityId: municipality.id,
              employerId: e.id,
              type: "rekryteringsutbildning" as const,
              occupation: EMPLOYERS[i].occupation,
              places: 8,
              startDate: addDays(today, 45),
              endDate: addDays(today, 130),
              languageRequirement: "Sfi kurs B",
            }]
          : []),
      ]),
    );

    const groupRows = await tx
      .insert(s.sfiGroups)
      .values([
        { municipalityId: municipality.id, name: "Sfi 2B förmiddag", school: "Lärcentrum Demokommunen", studyPath: 2, course: "B", schedule: { days: [1, 2, 3, 4], start: "08:30", end: "12:00", hours: 3.5 } },
        { municipalityId: municipality.id, name: "Sfi 3C kväll", school: "Lärcentrum Demokommunen", studyPath: 3, course: "C", schedule: { days: [1, 3], start: "17:30", end: "20:30", hours: 3 } },
        // The next courses of the two study paths, open for students who pass B or C.
        { municipalityId: municipality.id, name: "Sfi 2C förmiddag", school: "Lärcentrum Demokommunen", studyPath: 2, course: "C", schedule: { days: [1, 2, 3, 4], start: "08:30", end: "12:00", hours: 3.5 } },
        { municipalityId: municipality.id, name: "Sfi 3D kväll", school: "Lärcentrum Demokommunen", studyPath: 3, course: "D", schedule: { days: [2, 4], start: "17:30", end: "20:30", hours: 3 } },
      ])
      .returning();
    await tx.insert(s.sfiGroupTeachers).values(groupRows.map((g) => ({ groupId: g.id, userId: teacher.id })));

    const participantValues: (typeof s.participants.$inferInsert)[] = [];
    const plansFor: { goalOccupation: string; goalType: string }[] = [];
    const activitiesFor: ActivityRow[][] = [];
    const N = 120;
    for (let i = 0; i < N; i++) {
      const gender: "K" | "M" | "X" = i % 29 === 7 ? "X" : r.chance(0.5) ? "K" : "M";
      const firstName = gender === "K" ? r.pick(FIRST_NAMES_K) : gender === "M" ? r.pick(FIRST_NAMES_M) : r.pick([...FIRST_NAMES_K, ...FIRST_NAMES_M]);
      const lastName = r.pick(LAST_NAMES);
      const birthDate = addDays("1960-01-01", r.int(0, 365 * 43));
      // Stages: 0–19 newly received, 20–79 in the programme, 80–119 after the programme.
      const stage = i < 20 ? "new" : i < 80 ? "in" : "after";
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
        receptionDate = addDays(today, -r.int(800, 1300));
        programmeStart = addDays(receptionDate, r.int(14, 45));
        programmeEnd = addDays(programmeStart, r.int(420, 730));
        if (programmeEnd > addDays(today, -5)) programmeEnd = addDays(today, -r.int(5, 60));
      }
      const coordinator = i % 3 === 2 ? coordinators[2] : i % 3 === 1 ? coordinators[1] : coordinators[0];
      const personnummer = i % 11 === 5 ? null : makePersonnummer(r, birthDate, gender);
      participantValues.push({
        municipalityId: municipality.id,
        unitId: coordinator.unitId,
        externalId: `DEMO-${String(i + 1).padStart(4, "0")}`,
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
        coordinatorId: i % 17 === 4 ? null : coordinator.id,
        track: i % 8 === 3 ? "annat_stod" : "arbetsmarknad",
        trackReason: i % 8 === 3 ? "Behöver först stöd kring bostad och hälsa." : null,
        trackReviewDate: i % 8 === 3 ? addDays(today, r.int(10, 60)) : null,
        languages: [r.pick(LANGUAGES), ...(r.chance(0.4) ? ["engelska"] : [])],
        interpreterLanguage: r.chance(0.4) ? r.pick(LANGUAGES.slice(0, 6)) : null,
        phone: `07${r.int(0, 9)}-${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
        childrenCount: r.int(0, 4),
        childcareNeed: r.chance(0.3),
      });
      plansFor.push({ goalType: r.chance(0.85) ? "arbete" : "studier", goalOccupation: r.pick(OCCUPATIONS) });

      // Activities: sfi from soon after reception, a workplace activity in parallel for most.
      const acts: ActivityRow[] = [];
      const end = programmeEnd ?? today;
      const sfiStart = addDays(receptionDate, r.int(7, 40));
      if (sfiStart <= addDays(today, 20)) {
        const sfiEnd = stage === "after" ? addDays(sfiStart, r.int(300, 600)) : null;
        acts.push({ type: "sfi", status: statusFor(sfiStart, sfiEnd, today, r), startDate: sfiStart, endDate: sfiEnd, provider: "Lärcentrum Demokommunen", hoursPerWeek: "15", details: { school: "Lärcentrum Demokommunen", studyPath: r.int(1, 3), course: r.pick(s.SFI_COURSES) } });
      }
      acts.push({ type: "halsoundersokning", status: r.chance(0.8) ? "avslutad" : "planerad", startDate: addDays(receptionDate, r.int(10, 80)), endDate: null, provider: "Region (vårdcentral)", hoursPerWeek: null, details: { healthStatus: r.pick(["erbjuden", "genomford", "avbojd"]) } });
      acts[acts.length - 1].endDate = acts[acts.length - 1].status === "avslutad" ? acts[acts.length - 1].startDate : null;
      if (acts[acts.length - 1].startDate > today) acts[acts.length - 1].status = "planerad";
      if (stage !== "new" || r.chance(0.3)) {
        acts.push({ type: "samhallsorientering", status: "avslutad", startDate: addDays(receptionDate, r.int(20, 60)), endDate: addDays(receptionDate, r.int(100, 140)), provider: "Kommunen", hoursPerWeek: "4" });
        const last = acts[acts.length - 1];
        last.status = statusFor(last.startDate, last.endDate, today, r);
      }
      if (stage !== "new" && r.chance(0.75)) {
        const ei = r.int(0, employerRows.length - 1);
        const pStart = addDays(receptionDate, r.int(30, 200));
        if (pStart < end) {
          const pEnd = addDays(pStart, r.int(4, 12) * 7);
          acts.push({ type: "praktik", status: statusFor(pStart, pEnd, today, r), startDate: pStart, endDate: pEnd, provider: employerRows[ei].name, hoursPerWeek: "20", employerIndex: ei, details: { occupation: EMPLOYERS[ei].occupation, supervisor: "Handledare " + r.pick(["Eva", "Mats", "Sara", "Erik"]) } });
          if (r.chance(0.5)) {
            const follow: ActivityType = r.pick(["extratjanst", "introduktionsjobb", "anstallning", "rekryteringsutbildning"]);
            const fStart = addDays(pEnd, r.int(0, 45));
            const fEnd = follow === "rekryteringsutbildning" ? addDays(fStart, 70) : r.chance(0.5) ? addDays(fStart, 365) : null;
            acts.push({ type: follow, status: statusFor(fStart, fEnd, today, r), startDate: fStart, endDate: fEnd, provider: employerRows[ei].name, hoursPerWeek: "40", employerIndex: ei, details: { extentPercent: 100 } });
          }
        }
      }
      if (stage !== "new" && r.chance(0.25)) {
        const t: ActivityType = r.pick(["validering", "yrkes_sfi", "arbetsmarknadsutbildning", "vuxenutbildning", "annan"]);
        const st = addDays(receptionDate, r.int(60, 300));
        const en = addDays(st, r.int(30, 150));
        acts.push({ type: t, status: statusFor(st, en, today, r), startDate: st, endDate: en, provider: t === "arbetsmarknadsutbildning" ? "Arbetsförmedlingen" : "Kommunen", hoursPerWeek: "10", details: t === "validering" ? { subject: "Yrkeskunnande " + plansFor[i].goalOccupation.toLowerCase() } : {} });
      }
      // A few planned activities in the future, which must not count in the figures.
      if (stage === "in" && r.chance(0.2)) {
        acts.push({ type: "praktik", status: "planerad", startDate: addDays(today, r.int(5, 30)), endDate: addDays(today, r.int(60, 90)), provider: "Kommunen", hoursPerWeek: "20" });
      }
      activitiesFor.push(acts);
    }

    const pRows = await tx.insert(s.participants).values(participantValues).returning({ id: s.participants.id, coordinatorId: s.participants.coordinatorId, programmeEnd: s.participants.programmeEnd, receptionDate: s.participants.receptionDate });

    const activityValues: (typeof s.activities.$inferInsert)[] = [];
    pRows.forEach((p, i) => {
      for (const a of activitiesFor[i]) {
        activityValues.push({
          municipalityId: municipality.id,
          participantId: p.id,
          type: a.type,
          status: a.status,
          startDate: a.startDate,
          endDate: a.endDate,
          plannedStartDate: a.startDate,
          plannedEndDate: a.endDate,
          provider: a.provider,
          responsibleUserId: p.coordinatorId,
          employerId: a.employerIndex === undefined ? null : employerRows[a.employerIndex].id,
          hoursPerWeek: a.hoursPerWeek,
          interruptReason: a.status === "avbruten" ? "Byte till annan insats" : null,
          details: a.details ?? {},
        });
      }
    });
    const aRows = await tx.insert(s.activities).values(activityValues).returning({ id: s.activities.id, participantId: s.activities.participantId, type: s.activities.type, status: s.activities.status, startDate: s.activities.startDate });

    const planRows = await tx
      .insert(s.plans)
      .values(pRows.map((p, i) => ({ participantId: p.id, goalType: plansFor[i].goalType, goalOccupation: plansFor[i].goalOccupation, reviewDate: addDays(today, r.int(-10, 60)), updatedBy: p.coordinatorId })))
      .returning();
    await tx.insert(s.planRevisions).values(planRows.map((pl) => ({ planId: pl.id, version: 1, changedBy: pl.updatedBy, summary: "Planen upprättades", snapshot: { goalType: pl.goalType, goalOccupation: pl.goalOccupation } })));

    // 90-day outcomes for about two thirds of those whose 90 days have passed.
    const outcomeValues: (typeof s.outcomes.$inferInsert)[] = [];
    pRows.forEach((p) => {
      if (!p.programmeEnd) return;
      const due = addDays(p.programmeEnd, 90);
      if (due > today || r.chance(0.33)) return;
      outcomeValues.push({ municipalityId: municipality.id, participantId: p.id, kind: "dag90", status: r.pick(["arbete", "arbete", "studier", "arbete_och_studier", "arbetssokande", "ovrigt"] as const), recordedDate: addDays(due, r.int(0, Math.min(20, daysBetween(due, today)))), source: "samtal", createdBy: p.coordinatorId });
    });
    if (outcomeValues.length) await tx.insert(s.outcomes).values(outcomeValues);

    // Follow-ups: one held and one coming (some overdue) for everyone in the programme.
    const followupValues: (typeof s.followups.$inferInsert)[] = [];
    pRows.forEach((p, i) => {
      if (i < 20 || i >= 80) return;
      followupValues.push({ municipalityId: municipality.id, participantId: p.id, type: "uppfoljning", status: "genomford", dueDate: addDays(today, -r.int(20, 40)), heldDate: addDays(today, -r.int(20, 40)), attendees: "Deltagaren, koordinator", notes: "Stämde av planen.", responsibleUserId: p.coordinatorId });
      followupValues.push({ municipalityId: municipality.id, participantId: p.id, type: r.pick(["uppfoljning", "trepartssamtal", "af_avstamning"] as const), status: "planerad", dueDate: addDays(today, r.int(-10, 25)), responsibleUserId: p.coordinatorId });
    });
    await tx.insert(s.followups).values(followupValues);

    // Sfi: the ongoing sfi students of the first 40 in the programme go to the teacher's groups.
    const sfiActs = aRows.filter((a) => a.type === "sfi" && a.status === "pagaende").slice(0, 30);
    const enrolmentValues = sfiActs.map((a, k) => ({ groupId: groupRows[k % 2].id, participantId: a.participantId, activityId: a.id, startDate: a.startDate }));
    if (enrolmentValues.length) await tx.insert(s.sfiEnrolments).values(enrolmentValues);
    const attendanceValues: (typeof s.sfiAttendance.$inferInsert)[] = [];
    for (const e of enrolmentValues) {
      const group = groupRows.find((g) => g.id === e.groupId)!;
      const diligence = r.next();
      for (let d = 28; d >= 1; d--) {
        const day = addDays(today, -d);
        const weekday = ((new Date(day + "T00:00:00Z").getUTCDay() + 6) % 7) + 1;
        if (!group.schedule.days.includes(weekday) || day < e.startDate) continue;
        const hours = group.schedule.hours;
        const attended = r.next() < 0.55 + diligence * 0.45 ? hours : r.chance(0.3) ? hours / 2 : 0;
        attendanceValues.push({ groupId: group.id, participantId: e.participantId, lessonDate: day, scheduledHours: String(hours), attendedHours: String(attended), recordedBy: teacher.id });
      }
    }
    if (attendanceValues.length) await tx.insert(s.sfiAttendance).values(attendanceValues);

    // Sfi results and interruptions, as the teachers logged them (drawn last, so everything above
    // stays as it was for the same seed).
    const { results: sfiResultValues, breaks: sfiBreakValues } = sfiOutcomes(r, today, teacher.id, activityValues, enrolmentValues, groupRows);
    if (sfiResultValues.length) await tx.insert(s.sfiResults).values(sfiResultValues);
    if (sfiBreakValues.length) await tx.insert(s.sfiBreaks).values(sfiBreakValues);

    // The actor directory (no random draws: everything above stays as it was for the same seed).
    await tx.insert(s.actors).values(DEMO_ACTORS.map((a) => ({ municipalityId: municipality.id, ...a, archivedAt: a.archivedAt ? new Date(`${today}T08:00:00Z`) : null })));

    return {
      municipalityId: municipality.id,
      participants: pRows.length,
      activities: aRows.length,
      outcomes: outcomeValues.length,
      employers: employerRows.length,
    };
  });
}
