"use client";
// A calm error page for errors a user cannot cause; the details are in the server log. It runs in
// the browser, where the user's language is on <html lang> (the root layout sets it from the cookie).
import { useSyncExternalStore } from "react";
import { errorMessages } from "@/lib/i18n/areas/error";

const noChange = () => () => {};
const pageLocale = () => (document.documentElement.lang === "en" ? "en" : "sv");

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = errorMessages[useSyncExternalStore(noChange, pageLocale, () => "sv" as const)];
  return (
    <main id="main" className="narrow">
      <h1>{t.title}</h1>
      <p>{t.help}</p>
      <button type="button" onClick={reset}>
        {t.tryAgain}
      </button>
    </main>
  );
}
