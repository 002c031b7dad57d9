// A contact person's phone number and e-mail address, as the employer and actor forms take them:
// optional ("" for none), checked when given. Client-safe.
import { z } from "zod";

export const optionalPhone = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((v) => v === "" || /^[+\d][\d \-()]{5,20}$/.test(v), { message: "Skriv ett telefonnummer med siffror." });

export const optionalEmail = z.union([z.literal(""), z.string().trim().email({ message: "Skriv en giltig e-postadress." })]).optional().default("");
