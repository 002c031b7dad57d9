"use client";
// A details element whose content is made when it is first opened, and kept (with what was typed
// in it) when it is closed again. For forms that sit closed under a summary: the server then does
// not render them into the page's HTML, nor the browser hydrate them, until someone asks for one.
// The participant page has up to a dozen such forms and most views open none.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function LazyDetails({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: the browser opened it without React seeing the toggle.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details className={className} ref={ref} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
