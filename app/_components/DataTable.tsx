"use client";
// A table of figures drawn in the browser from its rows, for the long tables of Resultat (a row per
// cohort and group, a row per unit of a region). The server sends the cells as data rather than as
// elements: React defers each element of a large server-rendered list to a task and a chunk of its
// own, which the server then parses again and renders, for every view of the page.
//
// The markup is that of ListTable: headings with scope, the first cell as the row's header,
// numbers right-aligned, data-* attributes of rows and cells, a caption for screen readers.
import { TableTop, dataAttributes, numClass as cls } from "./table-parts";

/** Text in a cell: a string or number, or an abbreviation with its explanation (e.g. "–" for a suppressed figure). */
export type Inline = string | number | { abbr: string; title: string };

/** A cell of several parts (e.g. "12 (45 %)") and data-* attributes for the journeys that read the numbers back. */
export interface DataCell {
  parts: Inline[];
  data?: Record<string, string | number>;
}

export interface DataRow {
  key: string;
  /** data-* attributes of the row. */
  data?: Record<string, string | number>;
  cells: (Inline | DataCell)[];
}

export interface DataColumn {
  label: string;
  /** A number: right-aligned, heading and cells. */
  num?: boolean;
}

const isCell = (c: Inline | DataCell): c is DataCell => typeof c === "object" && "parts" in c;

function Text({ part }: { part: Inline }) {
  return typeof part === "object" ? <abbr title={part.title}>{part.abbr}</abbr> : <>{part}</>;
}

export function DataTable({ id, caption, showCaption = false, columns, rows, rowHeader = true }: {
  id?: string;
  /** For screen readers only (the page's heading says it to the eye), unless `showCaption`. */
  caption?: string;
  showCaption?: boolean;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeader?: boolean;
}) {
  return (
    <table className="table" id={id}>
      <TableTop caption={caption} showCaption={showCaption} columns={columns} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...dataAttributes(r.data)}>
            {r.cells.map((cell, i) => {
              const parts = isCell(cell) ? cell.parts : [cell];
              const props = { className: cls(columns[i]), ...dataAttributes(isCell(cell) ? cell.data : undefined) };
              const content = parts.map((p, j) => <Text key={j} part={p} />);
              return i === 0 && rowHeader ? (
                <th key={i} scope="row" {...props}>
                  {content}
                </th>
              ) : (
                <td key={i} {...props}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
