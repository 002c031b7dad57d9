"use client";
// A section's answer to what was done in one of its rows or forms, for when the page comes back
// from the server without that row (a planned follow-up once recorded, a proposal once booked) or
// with the form drawn anew: the row's own message, and the focus in it, would go with it (focus to
// <body>). The section says it instead, in a status line of its own that stays until the next
// answer, and moves focus there, as the worklist does for a signal let wait (WorklistTable).
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useFocusAfterUpdate } from "./useFocusAfterUpdate";

const SayContext = createContext<((text: string) => void) | null>(null);

/** The status line (first in the section's content: put it right after the heading), and its `say` for the forms in `children`. */
export function SectionAnswer({ testId, children }: { testId?: string; children: ReactNode }) {
  const [said, setSaid] = useState<string | null>(null);
  const { ref, focus } = useFocusAfterUpdate<HTMLParagraphElement>();
  const say = useCallback(
    (text: string) => {
      setSaid(text);
      focus();
    },
    [focus],
  );
  return (
    <SayContext.Provider value={say}>
      {/* Always in the page, so that what is put in it is read out. */}
      <div role="status" data-testid={testId}>
        {said && (
          <p className="success" ref={ref} tabIndex={-1}>
            {said}
          </p>
        )}
      </div>
      {children}
    </SayContext.Provider>
  );
}

/** The enclosing section's `say`; null outside a SectionAnswer (the form then answers in its own place). */
export function useSectionAnswer() {
  return useContext(SayContext);
}
