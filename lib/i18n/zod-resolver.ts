// react-hook-form's zodResolver, answering in the page's language: the schemas' messages are
// Swedish (lib/i18n/errors.ts), and what the form finds itself is shown in the language the page
// is in (<html lang>, set from the user's choice by the root layout). Every form imports
// zodResolver from here; the server answers in the same language (lib/auth/action.ts).
import { zodResolver as baseZodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { translateError } from "./errors";
import type { Locale } from "./messages";

/** The language the page is in; Swedish where there is no page (on the server, in tests). */
export function pageLocale(): Locale {
  return typeof document !== "undefined" && document.documentElement?.lang === "en" ? "en" : "sv";
}

/**
 * The errors of a form in `locale`, in place: each error's message (and, with criteriaMode "all",
 * each of its messages by kind), down through nested fields and field arrays. Never its `ref`,
 * the field's element.
 */
export function localizeFormErrors<T extends FieldValues>(errors: FieldErrors<T>, locale: Locale): FieldErrors<T> {
  if (locale === "sv") return errors;
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 20) return;
    const o = node as Record<string, unknown>;
    if (typeof o.message === "string") o.message = translateError(o.message, locale);
    if (o.types && typeof o.types === "object") {
      const types = o.types as Record<string, unknown>;
      for (const k of Object.keys(types)) if (typeof types[k] === "string") types[k] = translateError(types[k], locale);
    }
    for (const [k, v] of Object.entries(o)) if (k !== "ref" && k !== "types" && k !== "message") walk(v, depth + 1);
  };
  try {
    walk(errors, 0);
  } catch (err) {
    // Never a broken form for a message: the rest stays Swedish.
    console.error("[i18n] could not translate the form's errors:", err instanceof Error ? err.message : err);
  }
  return errors;
}

/** zodResolver (the same arguments and types), with the errors in the page's language. */
export const zodResolver = ((...args: unknown[]) => {
  const resolve = (baseZodResolver as (...a: unknown[]) => Resolver<FieldValues, unknown, unknown>)(...args);
  const localized: Resolver<FieldValues, unknown, unknown> = async (values, context, options) => {
    const result = await resolve(values, context, options);
    return { ...result, errors: localizeFormErrors(result.errors, pageLocale()) } as typeof result;
  };
  return localized;
}) as typeof baseZodResolver;
