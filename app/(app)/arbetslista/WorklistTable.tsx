"use client";
// The worklist's table, drawn in the browser from the signals. The server sends each signal as a
// few fields (person, signal, since, where to act) rather than as the row's elements, which it
// would otherwise serialize, parse again and render for every view of the page: a coordinator's
// list holds tens of signals every morning, each with its form to let the signal wait.
import Link from "@/app/_components/Link";
import type { WorklistMessages } from "@/lib/i18n/areas/worklist";
import type { Signal } from "@/lib/signals/rules";
import { SnoozeForm } from "./SnoozeForm";
import { TableScroll } from "@/app/_components/TableScroll";

/** What a row shows of a signal; nothing else of it reaches the browser. */
export type WorklistRow = Pick<Signal, "participantId" | "key" | "name" | "since" | "value" | "anchor" | "priority">;

export function WorklistTable({ rows, today, t }: { rows: WorklistRow[]; today: string; t: WorklistMessages }) {
  return (
    <TableScroll>
      <table className="table worklist">
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
            <tr key={`${s.participantId}-${s.key}`} data-signal={s.key} className={`priority-${s.priority}`}>
              <th scope="row">{s.name}</th>
              <td>
                <span className="tag">{t.priority[s.priority]}</span> {t.signals[s.key].replace("{value}", String(s.value ?? ""))}
              </td>
              <td>{s.since}</td>
              <td>
                <Link href={`/deltagare/${s.participantId}#${s.anchor}`}>
                  {t.open}
                  <span className="visually-hidden">: {s.name}</span>
                </Link>
                <SnoozeForm participantId={s.participantId} signalKey={s.key} name={s.name} today={today} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
