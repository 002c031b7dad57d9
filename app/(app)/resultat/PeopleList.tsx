"use client";
// The people behind a figure (a coordinator's own unit, up to 200 at once), as links to their
// pages behind a disclosure. The names are fetched when the list is first opened: a view of the
// dashboard that opens none of its five lists neither renders, sends nor audits a thousand names.
import { useEffect, useRef, useState } from "react";
import Link from "@/app/_components/Link";
import type { Drilldown, PersonRef } from "@/lib/metrics/drilldown";
import { loadPeopleBehind } from "./actions";

export interface PeopleListLabels {
  showPeople: string;
  peopleNote: string;
  peopleLoading: string;
  peopleFailed: string;
  peopleNone: string;
  peopleMore: string;
}

type State = { kind: "closed" } | { kind: "loading" } | { kind: "failed" } | { kind: "shown"; people: PersonRef[]; more: boolean };

export function PeopleList({ which, filter, count, t }: { which: Drilldown; filter: string; count: number; t: PeopleListLabels }) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const ref = useRef<HTMLDetailsElement>(null);
  const load = () => {
    if (state.kind === "loading" || state.kind === "shown") return;
    setState({ kind: "loading" });
    loadPeopleBehind({ which, filter })
      .then((r) => setState(r.ok ? { kind: "shown", people: r.people, more: r.more } : { kind: "failed" }))
      .catch(() => setState({ kind: "failed" }));
  };
  // Opened before the page was interactive: the browser opened it without React seeing the toggle.
  // Once, on mounting: `load` itself does nothing while a fetch is under way or done.
  useEffect(() => {
    if (ref.current?.open) load();
  }, []);
  if (count === 0) return null;
  return (
    <details className="people" ref={ref} onToggle={(e) => e.currentTarget.open && load()}>
      <summary>
        {t.showPeople} ({count})
      </summary>
      <p className="definition">{t.peopleNote}</p>
      <div aria-live="polite">
        {state.kind === "loading" && <p>{t.peopleLoading}</p>}
        {state.kind === "failed" && (
          <p role="alert" className="form-error">
            {t.peopleFailed}
          </p>
        )}
        {state.kind === "shown" && state.people.length === 0 && <p>{t.peopleNone}</p>}
        {state.kind === "shown" && state.more && <p>{t.peopleMore.replace("{n}", String(state.people.length))}</p>}
      </div>
      {state.kind === "shown" && state.people.length > 0 && (
        <ul>
          {state.people.map((p) => (
            <li key={p.id}>
              <Link href={`/deltagare/${p.id}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
