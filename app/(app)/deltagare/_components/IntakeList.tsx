"use client";
// The list "Ej tilldelade": the municipality's people without a coordinator and unit, each with
// "Jag tar ärendet", and the checked ones assigned to a coordinator of the unit. One form: a row's
// button posts that row (its id and the version shown), the form's own button the checked rows.
// The person's page opens once the case is taken (until then they belong to no unit).
import { useActionState, useEffect, useId, useRef } from "react";
import Link from "@/app/_components/Link";
import { TableScroll } from "@/app/_components/TableScroll";
import type { ParticipantMessages } from "@/lib/i18n/areas/participant";
import { assignIntakeServer, type IntakeState } from "../actions";

export type IntakeMessages = Pick<
  ParticipantMessages,
  "intakeTitle" | "intakeTake" | "intakeTakeFor" | "intakeAssignTo" | "intakeAssignButton" | "intakeTaken" | "intakeAssigned" | "intakeOpen" | "intakeConflict" | "intakeEmpty" | "select"
>;

export interface IntakeRow {
  id: string;
  version: number;
  name: string;
  birthDate: string;
  daysSinceReception: number;
  programme: string;
  track: string;
}

export interface IntakeColumns {
  name: string;
  birthDate: string;
  daysSinceReception: string;
  programme: string;
  track: string;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

export function IntakeList({ rows, coordinators, meId, t, columns }: { rows: IntakeRow[]; coordinators: { id: string; name: string }[]; meId: string; t: IntakeMessages; columns: IntakeColumns }) {
  const id = useId();
  const [state, action, pending] = useActionState<IntakeState, FormData>(assignIntakeServer, null);
  const message = useRef<HTMLDivElement>(null);
  // The row whose button was pressed leaves the list: focus goes to what happened instead.
  useEffect(() => {
    if (state) message.current?.focus();
  }, [state]);
  return (
    <form action={action} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.intakeTitle}</h2>
      <div ref={message} tabIndex={-1} aria-live="polite" data-testid="intake-message">
        {state?.ok && state.toMe && state.people.length === 1 && (
          <p role="status">
            {fill(t.intakeTaken, { name: state.people[0].name })} <Link href={`/deltagare/${state.people[0].id}`}>{fill(t.intakeOpen, { name: state.people[0].name })}</Link>
          </p>
        )}
        {state?.ok && !(state.toMe && state.people.length === 1) && <p role="status">{fill(t.intakeAssigned, { n: state.people.length, to: state.to })}</p>}
        {state && !state.ok && <p className="field-error">{state.code === "conflict" ? t.intakeConflict : state.message}</p>}
      </div>
      {rows.length === 0 ? (
        <p>{t.intakeEmpty}</p>
      ) : (
        <>
          <div className="search-form">
            <label htmlFor={`${id}-to`}>{t.intakeAssignTo}</label>
            <select id={`${id}-to`} name="coordinatorId" defaultValue={meId}>
              {coordinators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button type="submit" disabled={pending}>
              {t.intakeAssignButton}
            </button>
          </div>
          <TableScroll>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t.select}</span>
                  </th>
                  <th scope="col">{columns.name}</th>
                  <th scope="col">{columns.birthDate}</th>
                  <th scope="col">{columns.daysSinceReception}</th>
                  <th scope="col">{columns.programme}</th>
                  <th scope="col">{columns.track}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.intakeTake}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input type="checkbox" name="items" value={`${p.id}:${p.version}`} aria-label={`${t.select} ${p.name}`} />
                    </td>
                    <td>{p.name}</td>
                    <td>{p.birthDate}</td>
                    <td>{p.daysSinceReception}</td>
                    <td>{p.programme}</td>
                    <td>{p.track}</td>
                    <td>
                      <button type="submit" name="take" value={`${p.id}:${p.version}`} disabled={pending} aria-label={fill(t.intakeTakeFor, { name: p.name })}>
                        {t.intakeTake}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </form>
  );
}
