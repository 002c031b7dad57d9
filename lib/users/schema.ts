// Forms of the admin's user management, shared by the client forms and the server actions.
// Messages are keys into the privacy area's `users` strings.
import { z } from "zod";
import { ROLES } from "@/db/schema/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

const id = z.string().uuid();
const unitId = z.union([z.string().uuid(), z.literal("")]).transform((v) => v || null);
const password = z.string().min(MIN_PASSWORD_LENGTH, { message: "passwordTooShort" }).max(200);

export const createUserSchema = z
  .object({
    name: z.string().trim().min(1, { message: "nameRequired" }).max(200),
    email: z.string().trim().toLowerCase().email({ message: "emailInvalid" }).max(320),
    role: z.enum(ROLES),
    unitId,
    password,
  })
  .refine((v) => v.role !== "coordinator" || v.unitId !== null, { path: ["unitId"], message: "unitRequired" });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id,
    name: z.string().trim().min(1, { message: "nameRequired" }).max(200),
    role: z.enum(ROLES),
    unitId,
    /** updated_at as opened, for optimistic concurrency. */
    openedAt: z.string().min(1),
  })
  .refine((v) => v.role !== "coordinator" || v.unitId !== null, { path: ["unitId"], message: "unitRequired" });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setActiveSchema = z.object({ id, active: z.boolean() });
export const resetPasswordSchema = z.object({ id, password });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
