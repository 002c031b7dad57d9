"use client";
// The filter form's submit button. A filter combination nobody has looked at yet is computed on
// first use, which can take seconds in a region; meanwhile the page says so instead of sitting
// still (a status message, read out by screen readers), and the button can't be pressed twice.
import { useEffect, useRef, useState } from "react";

export function ApplyFilters({ label, computing }: { label: string; computing: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  // Set once the listener below is attached (a click before that submits plainly, without the
  // note); the journeys wait for it.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const form = button.current?.form;
    if (!form) return;
    const onSubmit = () => setBusy(true);
    // Back to this page from the browser's history: the form is idle again.
    const onShow = () => setBusy(false);
    form.addEventListener("submit", onSubmit);
    window.addEventListener("pageshow", onShow);
    setReady(true);
    return () => {
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("pageshow", onShow);
    };
  }, []);
  return (
    <>
      <button ref={button} type="submit" className="primary" aria-disabled={busy || undefined} data-ready={ready || undefined} onClick={(e) => busy && e.preventDefault()}>
        {label}
      </button>
      <span role="status" className="definition">
        {busy ? computing : ""}
      </span>
    </>
  );
}
