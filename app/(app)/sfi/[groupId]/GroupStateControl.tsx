"use client";
// "Avsluta gruppen" (asked once more first) and "Öppna gruppen igen", for the group's teachers (its
// page) and the municipality's admins ("Ändra gruppen"). While students are still enrolled the page
// says how many and what to do instead of offering the button; the server checks it all again
// (lib/sfi/enrolment.ts: who may, the version the page showed, no place going on). One component
// for both, in one place on the page, so its answer stays in view (and in focus) when the page
// shows the group's new state.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { ConfirmButton } from "../ConfirmButton";
import { closeGroupServer, reopenGroupServer } from "./andra/actions";

export function GroupStateControl({ id, version, name, closedOn, blocked, t }: {
  id: string;
  version: number;
  name: string;
  /** The day the group was closed, or null while it runs. */
  closedOn: string | null;
  /** Why it cannot be closed yet (students still enrolled), in words; null when it can. */
  blocked: string | null;
  t: SfiMessages;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  const run = async (action: typeof closeGroupServer, done: string) => {
    setPending(true);
    setMessage(null);
    const r = await action({ id, version });
    setPending(false);
    // A conflict (changed or closed by someone else meanwhile): the page shows the group as it is now.
    const text = r.ok ? done : r.code === "conflict" ? t.groupStateConflict : (r.formError ?? t.groupStateConflict);
    setMessage({ ok: r.ok, text });
    if (r.ok || r.code === "conflict") router.refresh();
    // The button pressed is gone or stays: either way the answer is where the focus goes.
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  return (
    <section aria-labelledby={`group-state-${id}`}>
      <h2 id={`group-state-${id}`}>{closedOn ? t.closedOn.replace("{date}", closedOn) : t.closeTitle}</h2>
      {closedOn ? (
        // What being closed means is said where the page says it is closed.
        <div className="actions-row">
          <button type="button" onClick={() => run(reopenGroupServer, t.reopened)} disabled={pending}>
            {t.reopenButton}
          </button>
        </div>
      ) : (
        <>
          <p>{t.closeHelp}</p>
          {blocked ? (
            <p className="notice" data-testid="close-blocked">
              {blocked}
            </p>
          ) : (
            <ConfirmButton
              id={`close-${id}`}
              label={t.closeButton}
              question={t.closeConfirm.replace("{name}", name)}
              yes={t.closeYes}
              cancel={t.cancel}
              pending={pending}
              onConfirm={() => run(closeGroupServer, t.closed)}
            />
          )}
        </>
      )}
      <p ref={messageRef} tabIndex={-1} role={message && !message.ok ? "alert" : "status"} className={message && !message.ok ? "form-error" : undefined}>
        {message?.text}
      </p>
    </section>
  );
}
