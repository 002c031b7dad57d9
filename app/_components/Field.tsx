// One form field: label, optional hint, the control, and its error message, wired by id
// (`${id}-hint`, `${id}-error`) for the control's aria-describedby; the two things every form
// does with them: the control's aria attributes, and the server's field errors on the form; and
// the form-level message (an error or a success) that every form shows above its fields.
import type { ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export function Field({ id, label, error, hint, extra, wide, children }: { id: string; label: string; error?: string; hint?: string; extra?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "field wide" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="definition">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
          {extra}
        </p>
      )}
    </div>
  );
}

/** aria-invalid and aria-describedby of a control (its hint and its error, when it has them). */
export function fieldAria(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { ...(error ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}

/**
 * Puts the server's field errors (zod's, by field name) next to their fields, and moves focus to
 * the first of them that has a control in the form, as react-hook-form does for the errors it
 * finds itself: after the round trip the submit button was disabled, and focus had fallen to the
 * page. Returns whether a field got focus (if none did, the form can focus its message instead).
 */
export function setFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string[] | undefined> | undefined): boolean {
  let focused = false;
  for (const [field, msgs] of Object.entries(fieldErrors ?? {})) {
    if (field === "_form" || !msgs?.length) continue;
    setError(field as Path<T>, { message: msgs[0] }, { shouldFocus: !focused });
    // A field the form registered has its name on its control; an error of one it has not (a
    // field of the server's only) leaves focus where it was, and the next one is tried.
    if (!focused && typeof document !== "undefined") focused = (document.activeElement as HTMLInputElement | null)?.name === field;
  }
  return focused;
}

/** A form's answer to its last submit: a success (`ok`) or an error, in words. */
export type FormMessageValue = { ok: boolean; text: string } | null;

/**
 * The form-level message: an error as an alert (`form-error`), a success as a status (`success`);
 * nothing when there is no text. Give `message`, or the shorthand `error` or `success` (an error
 * wins over a success). `inline`: the answer beside a button in a row (a span, the error as
 * `field-error`, a success as plain text). Plain markup, so server pages use it too.
 */
export function FormMessage({ message, error, success, inline, focusRef }: { message?: FormMessageValue; error?: string | null; success?: string | null; inline?: boolean; focusRef?: (el: HTMLElement | null) => void }) {
  const m = message ?? (error ? { ok: false, text: error } : success ? { ok: true, text: success } : null);
  if (!m?.text) return null;
  const role = m.ok ? "status" : "alert";
  // With `focusRef` (a client form's, from useFocusOnAnswer) the message can take focus.
  const focus = focusRef ? { ref: focusRef, tabIndex: -1 } : {};
  if (inline) {
    return (
      <span role={role} className={m.ok ? undefined : "field-error"} {...focus}>
        {" "}
        {m.text}
      </span>
    );
  }
  return (
    <p role={role} className={m.ok ? "success" : "form-error"} {...focus}>
      {m.text}
    </p>
  );
}
