// The user's language, from a cookie (Swedish unless they chose English).
import { cookies } from "next/headers";
import { catalogues, type Locale, type Messages } from "./messages";

export const LOCALE_COOKIE = "etablera_lang";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return value === "en" ? "en" : "sv";
}

export async function getMessages(): Promise<Messages> {
  return catalogues[await getLocale()];
}
