// Focus after a server round trip, for keyboard and screen-reader users. A form disables its
// submit button while the action runs, and a focused element that is disabled (or removed) drops
// focus to the page: the answer then comes where nobody is. A form's field errors take focus
// themselves (setFieldErrors in Field.tsx); this is for the rest, a form's message or whatever
// else should be where the user is next (FormMessage's `focusRef`, any element's `ref`).
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * `ref` for the element; `focus()` asks for it to get focus once the update being made has been
 * rendered (the element may only appear in it). Asking again focuses it again.
 */
export function useFocusAfterUpdate<E extends HTMLElement = HTMLElement>() {
  const el = useRef<E | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked) el.current?.focus();
  }, [asked]);
  const ref = useCallback((node: E | null) => {
    el.current = node;
  }, []);
  const focus = useCallback(() => setAsked((n) => n + 1), []);
  return { ref, focus };
}
