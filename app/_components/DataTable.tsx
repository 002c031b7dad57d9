// A table of figures from rows of plain data, for the long tables of Resultat (a row per cohort and
// group, a row per unit of a region). Its rows are written as markup (markup.ts) inside the table
// element: as React elements, every cell of every row would be serialized, parsed again and
// rendered to HTML for every view of the page (a manager's Resultat has some 180 rows). It has no
// behaviour in the browser, so it needs no component there either.
//
// The markup is that of ListTable: headings with scope, the first cell as the row's header,
// numbers right-aligned, data-* attributes of rows and cells, a caption for screen readers.
import { el, escapeMarkup, keptMarkup } from "./markup";
import { dataAttributes, numClass } from "./table-parts";
import { TableScroll } from "./TableScroll";

/** Text in a cell: a string or number, or an abbreviation with its explanation (e.g. "–" for a suppressed figure). */
export type Inline = string | number | { abbr: string; title: string };

/** A cell of several parts (e.g. "12 (45 %)") and data-* attributes for the journeys that read the numbers back. */
export interface DataCell {
  parts: Inline[];
  data?: Record<string, string | number>;
}

export interface DataRow {
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

const text = (part: Inline) => (typeof part === "object" ? el("abbr", { title: part.title }, escapeMarkup(part.abbr)) : escapeMarkup(String(part)));

/** What goes inside the table element: caption, heading row and body. */
export function dataTableMarkup(props: DataTableInput): string {
  return keptMarkup("table", props, buildMarkup);
}

interface DataTableInput {
  caption?: string;
  showCaption?: boolean;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeader?: boolean;
}

function buildMarkup({ caption, showCaption = false, columns, rows, rowHeader = true }: DataTableInput): string {
  const head = el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", { scope: "col", class: numClass(c) }, escapeMarkup(c.label)))));
  const body = rows.map((r) =>
    el(
      "tr",
      dataAttributes(r.data),
      ...r.cells.map((cell, i) => {
        const parts = isCell(cell) ? cell.parts : [cell];
        const attrs = { class: numClass(columns[i]), ...dataAttributes(isCell(cell) ? cell.data : undefined) };
        const content = parts.map(text).join("");
        return i === 0 && rowHeader ? el("th", { scope: "row", ...attrs }, content) : el("td", attrs, content);
      }),
    ),
  );
  return (caption ? el("caption", { class: showCaption ? undefined : "visually-hidden" }, escapeMarkup(caption)) : "") + head + el("tbody", {}, ...body);
}

export function DataTable(props: {
  id?: string;
  /** For screen readers only (the page's heading says it to the eye), unless `showCaption`. */
  caption?: string;
  showCaption?: boolean;
  /** The scroll area's name, when not the caption (see TableScroll). */
  regionLabel?: string;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeader?: boolean;
}) {
  const { caption, showCaption, columns, rows, rowHeader } = props;
  return (
    <TableScroll label={props.regionLabel ?? caption}>
      <table className="table" id={props.id} dangerouslySetInnerHTML={{ __html: dataTableMarkup({ caption, showCaption, columns, rows, rowHeader }) }} />
    </TableScroll>
  );
}
