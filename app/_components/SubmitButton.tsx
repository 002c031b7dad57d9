"use client";
// A form's sending button, and where the keyboard goes when the answer comes. The button is
// disabled while the form is sent, and a focused element that is disabled drops focus to the page
// (<body>): the answer ("Sparat.", an error above the fields) would then come where nobody is, and
// the next Tab start from the top of the page (WCAG 2.4.3, 3.3.1). So once the form is no longer
// pending, if focus is still on the page, the answer takes it: the first field marked wrong (a
// form posted with useActionState draws its errors without focusing them), else the form's error
// (an alert), else its message (a status, or a live region), else the button. Whatever moved
// focus itself meanwhile wins: a wrong field (setFieldErrors, react-hook-form), an answer focused
// with useFocusAfterUpdate, or the user, who went on elsewhere. A form whose answer replaces the
// form (the button is gone) or stands apart from it focuses that answer itself (SectionAnswer,
// useFocusAfterUpdate); a save conflict's view that stands in the form's place uses focusIfLost
// and refocusFormAfter (EditConflict).
import { useCallback, useEffect, useRef, type ButtonHTMLAttributes, type Ref } from "react";

/** What counts as a form's answer, in the order it is looked for. */
const ANSWERS = ['[role="alert"]', '[role="status"]', '[aria-live]:not([aria-live="off"])'];
const WRONG_FIELD = 'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]';
const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const FOCUSABLE = "a[href], button, input, select, textarea, summary";

/**
 * The answer in `area` to give focus to: the first field marked wrong, else the first alert with
 * text, else status, else live region (none hidden).
 */
export function answerIn(area: ParentNode): HTMLElement | null {
  const wrong = area.querySelector<HTMLElement>(WRONG_FIELD);
  if (wrong) return wrong;
  for (const selector of ANSWERS) {
    for (const el of Array.from(area.querySelectorAll<HTMLElement>(selector))) {
      if (el.textContent?.trim() && !el.closest(".visually-hidden, [hidden]")) return el;
    }
  }
  return null;
}

/**
 * If focus has fallen to the page: to the answer in the button's area (the closest ancestor that
 * matches `scope`, else the button's form, else its parent), else to the button. Returns the
 * element that got focus, or null when focus was elsewhere (or the button has left the page).
 */
export function focusAnswer(button: HTMLElement, scope?: string): HTMLElement | null {
  if (!focusIsLost(button) || !button.isConnected) return null;
  const area = (scope ? button.closest<HTMLElement>(scope) : null) ?? (button as HTMLButtonElement).form ?? button.parentElement;
  const target = (area ? answerIn(area) : null) ?? button;
  return focusIfLost(target);
}

/** Focus is on the page itself: what had it was disabled or removed (and nothing took it since). */
function focusIsLost(near: HTMLElement): boolean {
  const doc = near.ownerDocument;
  return !doc.activeElement || doc.activeElement === doc.body;
}

/**
 * Gives `el` focus if focus has fallen to the page (else leaves it where it is); a message that is
 * not focusable by itself becomes so, by script only (not by Tab). Returns `el` if it took focus.
 */
export function focusIfLost(el: HTMLElement | null): HTMLElement | null {
  if (!el || !focusIsLost(el)) return null;
  if (!el.matches(FOCUSABLE) && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
  return el;
}

/**
 * A view that stood in a form's place (a save conflict's) gives way to the form again: once `done`
 * has settled (the save, if the choice saves), if focus fell to the page, the form's answer takes
 * it, else its first field. `view`: the view's element, read before it goes; the form comes back
 * in its place (the same parent, the same position).
 */
export function refocusFormAfter(view: HTMLElement | null, done?: unknown) {
  const parent = view?.parentElement;
  if (!view || !parent) return;
  const index = Array.prototype.indexOf.call(parent.children, view);
  const refocus = () =>
    requestAnimationFrame(() => {
      const el = parent.children[index] as HTMLElement | undefined;
      const form = el?.matches("form") ? el : el?.querySelector<HTMLElement>("form");
      if (form) focusIfLost(answerIn(form) ?? form.querySelector<HTMLElement>(FIELD));
    });
  void Promise.resolve(done).then(refocus, refocus);
}

/**
 * For a button that sends: its `ref`, and after each time `pending` goes back to false, the answer
 * (or the button) takes focus if it fell to the page. `scope`: a selector of the button's ancestor
 * that holds the answer, when that is not the button's form.
 */
export function useFocusAnswerAfter<E extends HTMLElement = HTMLButtonElement>(pending: boolean, scope?: string) {
  const button = useRef<E | null>(null);
  const was = useRef(pending);
  useEffect(() => {
    const ended = was.current && !pending;
    was.current = pending;
    if (!ended) return;
    // A frame later: once the answer is drawn, and after what moves focus itself has done so.
    const frame = requestAnimationFrame(() => {
      if (button.current) focusAnswer(button.current, scope);
    });
    return () => cancelAnimationFrame(frame);
  }, [pending, scope]);
  return button;
}

type SubmitButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** The form is being sent (react-hook-form's isSubmitting, useActionState's pending, a busy flag). */
  pending: boolean;
  /** A selector of the ancestor that holds the answer, when it is not the button's form. */
  scope?: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * A submit button (or, with type="button", any button that sends), disabled while `pending`,
 * that gives focus to the answer afterwards (see above).
 */
export function SubmitButton({ pending, scope, disabled, type = "submit", ref, ...rest }: SubmitButtonProps) {
  const own = useFocusAnswerAfter(pending, scope);
  const setRef = useCallback(
    (el: HTMLButtonElement | null) => {
      own.current = el;
      if (typeof ref === "function") ref(el);
      else if (ref) ref.current = el;
    },
    [own, ref],
  );
  return <button {...rest} type={type} ref={setRef} disabled={pending || disabled} />;
}
