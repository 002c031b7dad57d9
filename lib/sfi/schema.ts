// The sfi forms' schemas, shared by the client and the server actions.
import { z } from "zod";
import { errorText } from "@/lib/i18n/errors";
import { isValidIsoDate, todayIso } from "@/lib/dates";

/** A date that has happened: today (Swedish time, as the users' day is) or earlier. */
const notAfterToday = (message: string) =>
  z
    .string()
    .refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." })
    .refine((d) => !isValidIsoDate(d) || d <= todayIso(), { message });

/** Hours as the users write them: "3,5". */
export const formatHours = (h: number) => String(h).replace(".", ",");

/** What a teacher may mark as partial attendance: more than the lesson's hours is a mistake, never full attendance. */
export const partialHoursMessage = (scheduledHours: number) => errorText("maxHours", { hours: formatHours(scheduledHours) });

export const attendanceSchema = z.object({
  groupId: z.string().uuid(),
  lessonDate: notAfterToday("Närvaro kan inte registreras för ett datum efter i dag."),
  students: z
    .array(
      z
        .object({
          participantId: z.string().uuid(),
          presence: z.enum(["present", "absent", "partial"]),
          partialHours: z.coerce.number().min(0, { message: "Timmar kan inte vara negativa." }).max(12, { message: "Högst 12 timmar." }).optional(),
        })
        .refine((s) => s.presence !== "partial" || (s.partialHours !== undefined && s.partialHours > 0), {
          message: "Ange hur många timmar personen var närvarande.",
          path: ["partialHours"],
        }),
    )
    .min(1),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

/**
 * The attendance form's schema for a group whose lessons are `scheduledHours` long: partial hours
 * above the lesson are refused next to the row (the server checks the same against the group).
 */
export function attendanceSchemaFor(scheduledHours: number) {
  return attendanceSchema.superRefine((a, ctx) => {
    a.students.forEach((s, i) => {
      if (s.presence === "partial" && s.partialHours !== undefined && s.partialHours > scheduledHours) {
        ctx.addIssue({ code: "custom", path: ["students", i, "partialHours"], message: partialHoursMessage(scheduledHours) });
      }
    });
  });
}

export const resultSchema = z.object({
  groupId: z.string().uuid(),
  participantId: z.string().uuid({ message: "Välj elev." }),
  kind: z.enum(["kursbetyg", "nationellt_prov"]),
  grade: z.enum(["A", "B", "C", "D", "E", "F"], { message: "Välj ett betyg A–F." }),
  resultDate: notAfterToday("Ett resultat kan inte dateras efter i dag."),
});
export type ResultInput = z.infer<typeof resultSchema>;

// ---- Groups, enrolment, interruptions and course completion --------------------------------

/** The courses of each studieväg, in order; the last is the highest (see INDICATORS.md). */
export const COURSES_BY_PATH: Record<number, readonly string[]> = { 1: ["A", "B"], 2: ["B", "C"], 3: ["C", "D"] };

/** The course that follows `course` on study path `path`, or null when it is the highest. */
export function nextCourse(path: number, course: string): string | null {
  const courses = COURSES_BY_PATH[path] ?? [];
  const i = courses.indexOf(course);
  return i >= 0 && i < courses.length - 1 ? courses[i + 1] : null;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Ange en tid som TT:MM, till exempel 08:30." });
const isoDate = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });

const groupFields = z.object({
    name: z.string().trim().min(1, { message: "Ange gruppens namn." }).max(80, { message: "Högst 80 tecken." }),
    school: z.string().trim().min(1, { message: "Ange skola." }).max(120, { message: "Högst 120 tecken." }),
    studyPath: z.coerce.number<string | number>().int().min(1, { message: "Välj studieväg 1–3." }).max(3, { message: "Välj studieväg 1–3." }),
    course: z.enum(["A", "B", "C", "D"], { message: "Välj kurs A–D." }),
    days: z.array(z.coerce.number<string | number>().int().min(1).max(7)).min(1, { message: "Välj minst en veckodag." }),
    start: time,
    end: time,
    hours: z.coerce
      .number<string | number>({ message: "Ange antal timmar per lektion." })
      .min(0.5, { message: "Minst 0,5 timmar." })
      .max(12, { message: "Högst 12 timmar." }),
    teacherIds: z.array(z.string().uuid()).default([]),
});

const endAfterStart = (g: { start: string; end: string }, ctx: z.RefinementCtx) => {
  if (g.end <= g.start) ctx.addIssue({ code: "custom", path: ["end"], message: "Sluttiden måste vara efter starttiden." });
};

export const groupSchema = groupFields.superRefine((g, ctx) => {
  if (!(COURSES_BY_PATH[g.studyPath] ?? []).includes(g.course)) {
    ctx.addIssue({ code: "custom", path: ["course"], message: errorText("studyPathCourses", { path: g.studyPath, courses: (COURSES_BY_PATH[g.studyPath] ?? []).join(" och ") }) });
  }
  endAfterStart(g, ctx);
});
export type GroupInput = z.input<typeof groupSchema>;

/**
 * "Ändra gruppen": the create form's fields but studieväg and course (its students' enrolments and
 * plan activities are of that course; a new course is a new group), with the group and the version
 * the form was opened on. At least one teacher; the server checks that one of them is active.
 */
export const updateGroupSchema = groupFields
  .omit({ studyPath: true, course: true })
  .extend({
    id: z.string().uuid(),
    version: z.coerce.number<string | number>().int().min(1),
    teacherIds: z.array(z.string().uuid()).min(1, { message: "Gruppen behöver minst en lärare." }),
  })
  .superRefine(endAfterStart);
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;
/** The fields of a group an edit changes, in the form's order (also the conflict view's rows). */
export const GROUP_EDIT_FIELDS = ["name", "school", "days", "start", "end", "hours", "teacherIds"] as const;

/** Looking for someone to enrol: a name and/or a birth date, nothing more. */
export const studentSearchSchema = z
  .object({
    groupId: z.string().uuid(),
    name: z.string().trim().max(80).default(""),
    birthDate: z.union([z.literal(""), isoDate]).default(""),
  })
  .refine((s) => s.name.length >= 2 || s.birthDate !== "", { message: "Ange minst två bokstäver av namnet eller ett födelsedatum.", path: ["name"] });
export type StudentSearchInput = z.input<typeof studentSearchSchema>;

export const enrolSchema = z.object({
  groupId: z.string().uuid(),
  participantId: z.string().uuid(),
  startDate: isoDate,
});
export type EnrolInput = z.input<typeof enrolSchema>;

export const breakSchema = z
  .object({
    groupId: z.string().uuid(),
    participantId: z.string().uuid(),
    kind: z.enum(["avbrott", "uppehall"], { message: "Välj avbrott eller uppehåll." }),
    reason: z.union([z.literal(""), z.enum(["arbete", "studier", "flytt", "foraldraledighet", "sjukdom", "okand"])]).default(""),
    fromDate: isoDate,
    toDate: z.union([z.literal(""), isoDate]).default(""),
  })
  .superRefine((b, ctx) => {
    if (b.kind === "avbrott" && b.reason === "") ctx.addIssue({ code: "custom", path: ["reason"], message: "Välj orsak till avbrottet." });
    if (b.kind === "uppehall" && b.toDate === "") ctx.addIssue({ code: "custom", path: ["toDate"], message: "Ange till vilket datum uppehållet gäller." });
    if (b.toDate !== "" && b.toDate < b.fromDate) ctx.addIssue({ code: "custom", path: ["toDate"], message: "Slutdatum kan inte vara före startdatum." });
  });
export type BreakInput = z.input<typeof breakSchema>;

export const completeCourseSchema = z.object({
  groupId: z.string().uuid(),
  participantId: z.string().uuid(),
  completedDate: isoDate,
  /** The group of the next course, when there is one; empty to finish without a new group yet. */
  nextGroupId: z.union([z.literal(""), z.string().uuid()]).default(""),
});
export type CompleteCourseInput = z.input<typeof completeCourseSchema>;

/** Closing ("Avsluta gruppen") or reopening a group: the group and the version the page showed. */
export const groupStateSchema = z.object({
  id: z.string().uuid(),
  version: z.coerce.number<string | number>().int().min(1),
});
export type GroupStateInput = z.input<typeof groupStateSchema>;

/** "Ångra": the student's place whose course completion or avbrott is undone, at the version the page showed. */
export const undoEndingSchema = z.object({
  groupId: z.string().uuid(),
  participantId: z.string().uuid(),
  enrolmentId: z.string().uuid(),
  version: z.coerce.number<string | number>().int().min(1),
});
export type UndoEndingInput = z.input<typeof undoEndingSchema>;
