"use client";
// The calendar link: create or renew it (shown once, to copy into Outlook or Google Calendar),
// or turn it off. The answer takes focus (the button pressed was disabled meanwhile): the new link's
// field, else the message.
import { useId, useState } from "react";
import type { CalendarMessages } from "@/lib/i18n/areas/calendar";
import { createCalendarFeedServer, revokeCalendarFeedServer } from "./calendar-actions";
import { FormMessage, type FormMessageValue } from "@/app/_components/Field";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";

export function CalendarLink({ hasFeed, t }: { hasFeed: boolean; t: CalendarMessages }) {
  const id = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);
  const field = useFocusAfterUpdate<HTMLInputElement>();
  const answer = useFocusAfterUpdate();
  const create = async () => {
    setBusy(true);
    setMessage(null);
    const r = await createCalendarFeedServer({});
    setBusy(false);
    if (r.ok) {
      setUrl(new URL(r.path, window.location.origin).toString());
      field.focus();
    } else {
      setMessage({ ok: false, text: r.formError ?? t.failed });
      answer.focus();
    }
  };
  const revoke = async () => {
    setBusy(true);
    setMessage(null);
    const r = await revokeCalendarFeedServer({});
    setBusy(false);
    if (r.ok) {
      setUrl(null);
      setMessage({ ok: true, text: t.revoked });
    } else setMessage({ ok: false, text: r.formError ?? t.failed });
    answer.focus();
  };
  return (
    <div className="form">
      {url && (
        <div className="field">
          <label htmlFor={`${id}-url`}>{t.yourLink}</label>
          <input ref={field.ref} id={`${id}-url`} type="text" readOnly value={url} aria-describedby={`${id}-help`} onFocus={(e) => e.currentTarget.select()} />
          <p id={`${id}-help`} className="definition">
            {t.copyHelp}
          </p>
        </div>
      )}
      <div className="actions-row">
        <button type="button" onClick={create} disabled={busy}>
          {hasFeed || url ? t.renew : t.create}
        </button>
        {(hasFeed || url) && (
          <button type="button" onClick={revoke} disabled={busy}>
            {t.revoke}
          </button>
        )}
      </div>
      <FormMessage message={message} focusRef={answer.ref} />
    </div>
  );
}
