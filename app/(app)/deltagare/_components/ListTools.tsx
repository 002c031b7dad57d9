"use client";
// Tools of the participant list that post: the exact personnummer search (a POST, so the number
// never reaches a URL, the history or a server log) and handing the checked rows over.
import { useActionState, useId } from "react";
import Link from "@/app/_components/Link";
import type { ParticipantMessages } from "@/lib/i18n/areas/participant";
import { findByPersonnummerServer, handoverServer, type HandoverState, type PnrSearchState } from "../actions";
import { SubmitButton } from "@/app/_components/SubmitButton";

/** The messages the list's tools use: only these are sent to the browser with the page. */
export type ListToolMessages = Pick<ParticipantMessages, "pnrSearch" | "pnrSearchLabel" | "pnrButton" | "pnrNoMatch" | "handoverTitle" | "handoverTo" | "choose" | "handoverButton" | "handoverDone">;

/** `formId`: the name search hands a personnummer typed there to this form (NameSearchForm). */
export function PersonnummerSearch({ t, formId }: { t: ListToolMessages; formId?: string }) {
  const id = useId();
  const [state, action, pending] = useActionState<PnrSearchState, FormData>(findByPersonnummerServer, null);
  return (
    <form id={formId} action={action} className="search-form" aria-label={t.pnrSearch}>
      <label htmlFor={`${id}-pnr`}>{t.pnrSearchLabel}</label>
      <input id={`${id}-pnr`} name="personnummer" type="search" inputMode="numeric" autoComplete="off" {...(state?.error ? { "aria-invalid": true, "aria-describedby": `${id}-err` } : {})} />
      <SubmitButton pending={pending}>
        {t.pnrButton}
      </SubmitButton>
      <div aria-live="polite">
        {state?.error && (
          <p id={`${id}-err`} className="field-error">
            {state.error}
          </p>
        )}
        {state?.ok && state.rows && state.rows.length === 0 && <p>{t.pnrNoMatch}</p>}
        {state?.ok && state.rows && state.rows.length > 0 && (
          <ul data-testid="pnr-result">
            {state.rows.map((r) => (
              <li key={r.id}>
                <Link href={`/deltagare/${r.id}`}>
                  {r.firstName} {r.lastName}
                </Link>{" "}
                ({r.birthDate})
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}

/** The list's checkboxes belong to this form through their `form` attribute. */
export function HandoverForm({ formId, coordinators, t }: { formId: string; coordinators: { id: string; name: string }[]; t: ListToolMessages }) {
  const id = useId();
  const [state, action, pending] = useActionState<HandoverState, FormData>(handoverServer, null);
  const done = state?.ok ? state.message.split("|") : null;
  return (
    <form id={formId} action={action} className="search-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t.handoverTitle}
      </h2>
      <label htmlFor={`${id}-to`}>
        {t.handoverTitle}. {t.handoverTo}
      </label>
      <select id={`${id}-to`} name="coordinatorId" defaultValue="">
        <option value="">{t.choose}</option>
        {coordinators.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <SubmitButton pending={pending}>
        {t.handoverButton}
      </SubmitButton>
      <div aria-live="polite">
        {done && <p role="status">{t.handoverDone.replace("{n}", done[0]).replace("{to}", done[1])}</p>}
        {state && !state.ok && <p className="field-error">{state.message}</p>}
      </div>
    </form>
  );
}
