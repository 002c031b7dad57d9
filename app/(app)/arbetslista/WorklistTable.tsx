"use client";
// The worklist's table, drawn in the browser from the signals. The server sends each signal as a
// few fields (person, signal, since, where to act) rather than as the row's elements, which it
// would otherwise serialize, parse again and render for every view of the page: a coordinator's
// list holds tens of signals every morning, each with its form to let the signal wait.
//
// A signal let wait leaves the list when the page is rendered again, and the row's own answer and
// the focus in its form go with it: the table says so in a status of its own, which stays, and
// moves focus to the row that took its place (the next, else the one before, else the list's
// empty message), for keyboard and screen-reader users.
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "@/app/_components/Link";
import type { WorklistMessages } from "@/lib/i18n/areas/worklist";
import type { Signal } from "@/lib/signals/rules";
import { SnoozeForm } from "./SnoozeForm";
import { TableScroll } from "@/app/_components/TableScroll";

/** What a row shows of a signal; nothing else of it reaches the browser. */
export type WorklistRow = Pick<Signal, "participantId" | "key" | "name" | "since" | "value" | "anchor" | "priority">;

const rowKey = (s: WorklistRow) => `${s.participantId}-${s.key}`;

export function WorklistTable({ rows, today, t }: { rows: WorklistRow[]; today: string; t: WorklistMessages }) {
  const [said, setSaid] = useState<string | null>(null);
  /** The row let wait and the rows to go to once it has left. */
  const [moving, setMoving] = useState<{ from: string; to: (string | null)[] } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const empty = useRef<HTMLParagraphElement>(null);

  const snoozed = useCallback(
    (s: WorklistRow, until: string) => {
      const i = rows.findIndex((r) => rowKey(r) === rowKey(s));
      setSaid(t.snoozedFor.replace("{name}", () => s.name).replace("{until}", () => until));
      setMoving({ from: rowKey(s), to: [rows[i + 1] ? rowKey(rows[i + 1]) : null, i > 0 ? rowKey(rows[i - 1]) : null] });
    },
    [rows, t.snoozedFor],
  );

  useEffect(() => {
    if (!moving) return;
    const header = (key: string | null) => (key ? table.current?.querySelector<HTMLElement>(`tr[data-row="${CSS.escape(key)}"] th`) : null) ?? null;
    // Until the page comes back without it, focus stays on the row let wait (its answer is there).
    const still = header(moving.from);
    if (still) return still.focus();
    const target = moving.to.map(header).find(Boolean) ?? table.current?.querySelector<HTMLElement>("tbody th") ?? empty.current;
    target?.focus();
    setMoving(null);
  }, [rows, moving]);

  return (
    <>
      <div role="status" data-testid="worklist-status">
        {said && <p className="success">{said}</p>}
      </div>
      {rows.length === 0 ? (
        <p ref={empty} tabIndex={-1}>
          {t.empty}
        </p>
      ) : (
        <TableScroll>
          <table className="table worklist" ref={table}>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.signal}</th>
                <th scope="col">{t.since}</th>
                <th scope="col">{t.act}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={rowKey(s)} data-row={rowKey(s)} data-signal={s.key} className={`priority-${s.priority}`}>
                  {/* Focusable by script only: where focus goes when the row before it is let wait. */}
                  <th scope="row" tabIndex={-1}>
                    {s.name}
                  </th>
                  <td>
                    <span className="tag">{t.priority[s.priority]}</span> {t.signals[s.key].replace("{value}", String(s.value ?? ""))}
                  </td>
                  <td>{s.since}</td>
                  <td>
                    <Link href={`/deltagare/${s.participantId}#${s.anchor}`}>
                      {t.open}
                      <span className="visually-hidden">: {s.name}</span>
                    </Link>
                    <SnoozeForm participantId={s.participantId} signalKey={s.key} name={s.name} today={today} t={t} onSnoozed={(until) => snoozed(s, until)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
