// The user's language, from a cookie (Swedish unless they chose English).
import type { Metadata } from "next";
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

/**
 * A page's browser tab title in the user's language, for `generateMetadata` (the root layout adds
 * " · Etablera"). Static per page on purpose: titles end up in the browser's history, so never a
 * participant's name or personnummer.
 */
export async function pageTitle(key: keyof Messages["titles"]): Promise<Metadata> {
  return { title: (await getMessages()).titles[key] };
}

/**
 * Messages of one area of the app, kept in that area's own file as `{ sv: {...}, en: {...} }`
 * (e.g. lib/i18n/areas/plan.ts), so areas grow without touching a shared catalogue.
 */
export async function getAreaMessages<T>(area: { sv: T; en: T }): Promise<T> {
  return area[await getLocale()];
}

/**
 * Only the named messages, for a client component: its props travel with the page (in the Server
 * Components payload), so a whole area's catalogue passed to it is sent, and rendered, every time.
 */
export function pickMessages<T extends object, K extends keyof T>(t: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = t[k];
  return out;
}
