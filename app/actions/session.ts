"use server";
// Sign-out and the language switch, used from the app shell.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth/auth";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

export async function setLanguageAction(formData: FormData) {
  const lang = formData.get("lang") === "en" ? "en" : "sv";
  (await cookies()).set(LOCALE_COOKIE, lang, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
