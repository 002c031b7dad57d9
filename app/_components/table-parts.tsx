// What ListTable (React elements, cells from functions) and DataTable (written markup, cells from
// data) share: the caption, the heading row and the cells' data-* attributes.
import type { ReactNode } from "react";

export const numClass = (c: { num?: boolean } | undefined) => (c?.num ? "num" : undefined);

export const dataAttributes = (data: Record<string, string | number> | undefined) => Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));

/** The caption (for screen readers only unless shown) and the row of column headings. */
export function TableTop({ caption, showCaption = false, columns }: { caption?: string; showCaption?: boolean; columns: { label: ReactNode; num?: boolean }[] }) {
  return (
    <>
      {caption && <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={numClass(c)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
