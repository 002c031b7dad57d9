"use client";
// The conflict view of an edit form: someone saved the record after the form was opened. Both
// versions side by side, for the fields where they differ; the user re-applies their own changes
// on top of the saved version or takes the saved one. Nothing is overwritten without that choice.
// The view stands in the form's place: it takes focus when it comes (the form's button went with
// the form), and gives it back to the form's answer or first field when the form returns.
import { useEffect, useId, useRef, useState } from "react";
import { ConflictTable } from "./ConflictTable";
import { focusIfLost, refocusFormAfter } from "./SubmitButton";

export interface ConflictTexts {
  conflictTitle: string;
  conflictIntro: string;
  field: string;
  theirs: string;
  yours: string;
  reapply: string;
  takeTheirs: string;
  empty: string;
}

type Versioned = { version: number };
const same = (a: unknown, b: unknown) => String(a ?? "") === String(b ?? "");

/**
 * The state of an edit form's conflict. `opened` is the version the form stands on (the page's,
 * or the one taken from a conflict if newer): "your changes" are the fields that differ from it,
 * and only those are put on top of the saved version.
 */
export function useEditConflict<V extends Versioned, K extends keyof V & string>(initial: V, keys: readonly K[]) {
  const [taken, setTaken] = useState<V | null>(null);
  const opened = taken && taken.version > initial.version ? taken : initial;
  const [conflict, setConflict] = useState<{ theirs: V; yours: V } | null>(null);
  return {
    conflict,
    raise: (theirs: V, yours: V) => setConflict({ theirs, yours }),
    /** The values to save: theirs, with the fields I changed taken from mine. */
    reapply(): V {
      const { theirs, yours } = conflict!;
      const merged = { ...theirs };
      for (const k of keys) if (!same(yours[k], opened[k])) merged[k] = yours[k];
      setTaken(theirs);
      setConflict(null);
      return merged;
    },
    /** The saved values, to reset the form to. */
    takeTheirs(): V {
      const { theirs } = conflict!;
      setTaken(theirs);
      setConflict(null);
      return theirs;
    },
  };
}

/**
 * The conflict view. Re-applying resets the form to the merged values and saves them; taking
 * theirs resets the form to the saved version.
 */
export function EditConflict<V extends Versioned, K extends keyof V & string>({
  state,
  keys,
  labels,
  t,
  reset,
  save,
  show = (_k, v) => (v === "" || v == null ? t.empty : String(v)),
}: {
  state: ReturnType<typeof useEditConflict<V, K>>;
  keys: readonly K[];
  labels: Record<string, string>;
  t: ConflictTexts;
  reset: (values: V) => void;
  save: (values: V) => Promise<unknown>;
  /** How a field's value reads (names for ids, labels for codes). */
  show?: (key: K, value: unknown) => string;
}) {
  const id = useId();
  const view = useRef<HTMLElement>(null);
  const conflict = state.conflict;
  const shown = conflict !== null;
  useEffect(() => {
    if (shown) focusIfLost(view.current);
  }, [shown]);
  if (!conflict) return null;
  return (
    <section ref={view} tabIndex={-1} aria-labelledby={`${id}-conflict`} className="conflict" role="alert">
      <h2 id={`${id}-conflict`}>{t.conflictTitle}</h2>
      <p>{t.conflictIntro}</p>
      <ConflictTable
        testId="conflict"
        headings={[t.field, t.theirs, t.yours]}
        rows={keys
          .filter((k) => !same(conflict.theirs[k], conflict.yours[k]))
          .map((k) => ({ key: k, label: labels[k] ?? k, values: [show(k, conflict.theirs[k]), show(k, conflict.yours[k])] }))}
      />
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            const at = view.current;
            const merged = state.reapply();
            reset(merged);
            refocusFormAfter(at, save(merged));
          }}
        >
          {t.reapply}
        </button>{" "}
        <button
          type="button"
          onClick={() => {
            const at = view.current;
            reset(state.takeTheirs());
            refocusFormAfter(at);
          }}
        >
          {t.takeTheirs}
        </button>
      </div>
    </section>
  );
}
