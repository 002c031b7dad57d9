"use client";
// The caseload's table, drawn in the browser from its rows. The server sends each row as the texts
// it shows rather than as the row's elements, which it would otherwise serialize, parse again and
// render for every view of the list (React defers each element of a large server-rendered list to
// a task and a chunk of its own).
import Link from "@/app/_components/Link";
import { TableScroll } from "@/app/_components/TableScroll";

/** A row as shown: every text already in the reader's language. */
export interface ParticipantRow {
  id: string;
  name: string;
  mine: boolean;
  birthDate: string;
  daysSinceReception: number;
  programme: string;
  current: string;
  nextFollowup: string;
  track: string;
  coordinator: string;
}

export interface ParticipantTableLabels {
  select: string;
  name: string;
  birthDate: string;
  daysSinceReception: string;
  programme: string;
  current: string;
  nextFollowup: string;
  track: string;
  coordinator: string;
  mine: string;
}

/** With `handoverForm`, each row has a checkbox that belongs to that form. */
export function ParticipantTable({ rows, labels: l, handoverForm }: { rows: ParticipantRow[]; labels: ParticipantTableLabels; handoverForm?: string }) {
  return (
    <TableScroll>
      <table className="table">
        <thead>
          <tr>
            {handoverForm && (
              <th scope="col">
                <span className="visually-hidden">{l.select}</span>
              </th>
            )}
            <th scope="col">{l.name}</th>
            <th scope="col">{l.birthDate}</th>
            <th scope="col">{l.daysSinceReception}</th>
            <th scope="col">{l.programme}</th>
            <th scope="col">{l.current}</th>
            <th scope="col">{l.nextFollowup}</th>
            <th scope="col">{l.track}</th>
            <th scope="col">{l.coordinator}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              {handoverForm && (
                <td>
                  <input type="checkbox" name="participantIds" value={p.id} form={handoverForm} aria-label={`${l.select} ${p.name}`} />
                </td>
              )}
              <td>
                <Link href={`/deltagare/${p.id}`}>{p.name}</Link>
                {p.mine && <span className="tag">{l.mine}</span>}
              </td>
              <td>{p.birthDate}</td>
              <td>{p.daysSinceReception}</td>
              <td>{p.programme}</td>
              <td>{p.current}</td>
              <td>{p.nextFollowup}</td>
              <td>{p.track}</td>
              <td>{p.coordinator}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
