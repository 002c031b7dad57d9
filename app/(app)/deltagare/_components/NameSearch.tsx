"use client";
// The caseload's search form (a GET form: the name and the filters stay in the URL, the pager keeps
// them). A personnummer typed into its name box would go into the URL, the browser's history and
// the server's log: before the browser navigates, a number alone is handed to the posted
// personnummer search instead (PersonnummerSearch, by its form id), and text that holds one is
// not sent at all. The page checks again on the server for a browser that skipped this.
import { useState, type FormEvent, type ReactNode } from "react";
import type { ParticipantMessages } from "@/lib/i18n/areas/participant";
import { hasPersonnummer, looksLikePersonnummer } from "@/lib/validation/personnummer";

export type NameSearchMessages = Pick<ParticipantMessages, "pnrMovedToPnrSearch" | "pnrNotInNameSearch">;

/**
 * `children`: the form's fields (the name box is the one named `q`) and its button.
 * `refused`: the server turned a search with a personnummer away; say why.
 */
export function NameSearchForm({ pnrFormId, refused, t, children }: { pnrFormId: string; refused?: boolean; t: NameSearchMessages; children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(refused ? t.pnrNotInNameSearch : null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const q = e.currentTarget.elements.namedItem("q");
    if (!(q instanceof HTMLInputElement)) return;
    const whole = looksLikePersonnummer(q.value);
    if (!whole && !hasPersonnummer(q.value)) return;
    e.preventDefault();
    const pnrForm = document.getElementById(pnrFormId);
    const pnr = pnrForm instanceof HTMLFormElement ? pnrForm.elements.namedItem("personnummer") : null;
    if (whole && pnrForm instanceof HTMLFormElement && pnr instanceof HTMLInputElement) {
      pnr.value = q.value.trim();
      q.value = "";
      pnrForm.requestSubmit();
      // Where the answer comes (its own live region says what was found).
      pnr.focus();
      setMessage(t.pnrMovedToPnrSearch);
    } else {
      q.focus();
      setMessage(t.pnrNotInNameSearch);
    }
  };
  return (
    <>
      <form role="search" method="get" className="search-form" onSubmit={onSubmit}>
        {children}
      </form>
      <div aria-live="polite">
        {message && (
          <p className="notice" data-testid="name-search-notice">
            {message}
          </p>
        )}
      </div>
    </>
  );
}
