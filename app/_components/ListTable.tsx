// A list as a table: a header row from the columns, then one row per item, the first cell as the
// row's header (unless `rowHeader` is false). Each column's heading and cell stand together, so
// the two cannot drift apart. The lists of the admin and employer pages, the sfi groups and
// Resultat's tables are these.
import type { HTMLAttributes, ReactNode } from "react";
import { TableTop, dataAttributes, numClass as cls } from "./table-parts";
import { TableScroll } from "./TableScroll";

export interface ListColumn<R> {
  label: ReactNode;
  cell: (row: R) => ReactNode;
  /** A number: right-aligned, heading and cells. */
  num?: boolean;
  /** data-* attributes of the cell, for the journeys that read the numbers back. */
  data?: (row: R) => Record<string, string | number>;
}


export function ListTable<R>({ id, caption, regionLabel, rows, rowKey, rowProps, columns, rowHeader = true }: {
  id?: string;
  /** For screen readers only (the page's heading says it to the eye). */
  caption?: string;
  /** The scroll area's name, when not the caption (see TableScroll). */
  regionLabel?: string;
  rows: R[];
  rowKey: (row: R) => string;
  /** Attributes of a row (data-* for the journeys). */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number>;
  columns: ListColumn<R>[];
  rowHeader?: boolean;
}) {
  return (
    <TableScroll label={regionLabel ?? caption}>
      <table className="table" id={id}>
        <TableTop caption={caption} columns={columns} />
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} {...rowProps?.(r)}>
              {columns.map((c, i) =>
                i === 0 && rowHeader ? (
                  <th key={i} scope="row" className={cls(c)} {...dataAttributes(c.data?.(r))}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={i} className={cls(c)} {...dataAttributes(c.data?.(r))}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
