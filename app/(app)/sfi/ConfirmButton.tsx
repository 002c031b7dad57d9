"use client";
// A button whose action is asked about once more before it runs ("Avsluta gruppen", "Ångra"), as
// deactivating a user is: the question takes the button's place with the focus on its "Ja, …";
// Avbryt or Escape go back to the button.
import { useEffect, useRef, useState } from "react";

export function ConfirmButton({ id, label, question, yes, cancel, pending, onConfirm }: {
  /** Names the question for assistive technology (`${id}-q`). */
  id: string;
  label: string;
  question: string;
  yes: string;
  cancel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (back.current) buttonRef.current?.focus();
    back.current = false;
  }, [confirming]);
  const cancelIt = () => {
    back.current = true;
    setConfirming(false);
  };
  if (confirming) {
    return (
      <div className="actions-row" role="group" aria-labelledby={`${id}-q`} onKeyDown={(e) => e.key === "Escape" && cancelIt()}>
        <p id={`${id}-q`}>{question}</p>
        <button
          type="button"
          ref={yesRef}
          className="primary"
          disabled={pending}
          onClick={() => {
            setConfirming(false);
            onConfirm();
          }}
        >
          {yes}
        </button>
        <button type="button" onClick={cancelIt} disabled={pending}>
          {cancel}
        </button>
      </div>
    );
  }
  return (
    <div className="actions-row">
      <button type="button" ref={buttonRef} onClick={() => setConfirming(true)} disabled={pending}>
        {label}
      </button>
    </div>
  );
}
