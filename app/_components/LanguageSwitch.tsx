import { setLanguageAction } from "@/app/actions/session";
import { getLocale } from "@/lib/i18n/server";

/** A button that switches between Swedish and English; works without JavaScript. */
export async function LanguageSwitch({ label }: { label: string }) {
  const locale = await getLocale();
  return (
    <form action={setLanguageAction} className="inline-form">
      <input type="hidden" name="lang" value={locale === "sv" ? "en" : "sv"} />
      <button type="submit" className="link-button" lang={locale === "sv" ? "en" : "sv"}>
        {label}
      </button>
    </form>
  );
}
