"use client";
// "Ångra" on a student's page: the latest course completion or avbrott of the student's place in
// the group, recorded by mistake, undone after one more question. The page says what undoing does
// (and removes: the next course's place), or why it can no longer be done; the server checks it all
// again (lib/sfi/enrolment.ts). Kept on the page when there is nothing (left) to undo, so its answer
// stays in view and in focus after the page shows the place as it is again.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { ConfirmButton } from "../../../ConfirmButton";
import { undoAvbrottServer, undoCourseCompletionServer } from "../../actions";

export interface UndoView {
  kind: "klar" | "avbrott";
  enrolmentId: string;
  version: number;
  /** What undoing does, in words (with the next course's place it removes). */
  help: string;
  /** Why it can no longer be undone, in words; null when it can. */
  blocked: string | null;
}

export function UndoEnding({ groupId, participantId, name, offer, t }: { groupId: string; participantId: string; name: string; offer: UndoView | null; t: SfiMessages }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  const run = async (o: UndoView) => {
    setPending(true);
    setMessage(null);
    const action = o.kind === "klar" ? undoCourseCompletionServer : undoAvbrottServer;
    const r = await action({ groupId, participantId, enrolmentId: o.enrolmentId, version: o.version });
    setPending(false);
    const text = r.ok ? t.undone : r.code === "conflict" ? t.undoConflict : (r.formError ?? t.undoConflict);
    setMessage({ ok: r.ok, text });
    if (r.ok || r.code === "conflict") router.refresh();
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const klar = offer?.kind === "klar";
  return (
    <>
      {offer && (
        <section aria-labelledby="undo-title">
          <h2 id="undo-title">{t.undoTitle}</h2>
          <p>{offer.help}</p>
          {offer.blocked ? (
            <p className="notice" data-testid="undo-blocked">
              {offer.blocked}
            </p>
          ) : (
            <ConfirmButton
              id="undo-ending"
              label={klar ? t.undoCompleteButton : t.undoBreakButton}
              question={(klar ? t.undoCompleteConfirm : t.undoBreakConfirm).replace("{name}", name)}
              yes={t.undoYes}
              cancel={t.cancel}
              pending={pending}
              onConfirm={() => run(offer)}
            />
          )}
        </section>
      )}
      {/* The same element before and after: the answer keeps the focus while the page shows the place as it is again. */}
      <p ref={messageRef} tabIndex={-1} role={message && !message.ok ? "alert" : "status"} className={message && !message.ok ? "form-error" : undefined} data-testid="undo-answer">
        {message?.text}
      </p>
    </>
  );
}
