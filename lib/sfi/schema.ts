// The sfi forms' schemas, shared by the client and the server actions.
import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";

export const attendanceSchema = z.object({
  groupId: z.string().uuid(),
  lessonDate: z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." }),
  students: z
    .array(
      z
        .object({
          participantId: z.string().uuid(),
          presence: z.enum(["present", "absent", "partial"]),
          partialHours: z.coerce.number().min(0, { message: "Timmar kan inte vara negativa." }).max(12).optional(),
        })
        .refine((s) => s.presence !== "partial" || (s.partialHours !== undefined && s.partialHours > 0), {
          message: "Ange hur många timmar personen var närvarande.",
          path: ["partialHours"],
        }),
    )
    .min(1),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const resultSchema = z.object({
  groupId: z.string().uuid(),
  participantId: z.string().uuid(),
  kind: z.enum(["kursbetyg", "nationellt_prov"]),
  grade: z.enum(["A", "B", "C", "D", "E", "F"], { message: "Välj ett betyg A–F." }),
  resultDate: z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." }),
});
export type ResultInput = z.infer<typeof resultSchema>;
