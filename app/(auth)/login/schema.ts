// The sign-in form's schema, shared by the form and the server action.
import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "invalidEmail" }),
  password: z.string().min(1, { message: "passwordRequired" }),
});
export type LoginInput = z.infer<typeof loginSchema>;
