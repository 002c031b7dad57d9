"use server";
// Server actions of the admin's user management; the definitions live in lib/users/commands.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/commands";

export async function createUserServer(input: unknown) {
  const result = await defineAction(createUserAction)(input);
  if (result.ok) revalidatePath("/admin/anvandare");
  return result;
}

export async function updateUserServer(input: unknown) {
  const result = await defineAction(updateUserAction)(input);
  if (result.ok) revalidatePath("/admin/anvandare");
  return result;
}

export async function setUserActiveServer(input: unknown) {
  const result = await defineAction(setUserActiveAction)(input);
  if (result.ok) revalidatePath("/admin/anvandare");
  return result;
}

export async function resetPasswordServer(input: unknown) {
  return defineAction(resetPasswordAction)(input);
}
