// The list table renders the markup the pages wrote out by hand before it: headings with scope,
// the first cell as the row's header (or not), numbers right-aligned, row and cell data-*
// attributes, a hidden caption.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListTable, type ListColumn } from "./ListTable";

type Row = { id: string; name: string; n: number };
const rows: Row[] = [
  { id: "a", name: "Anna", n: 2 },
  { id: "b", name: "Bo", n: 0 },
];
const columns: ListColumn<Row>[] = [
  { label: "Namn", cell: (r) => r.name },
  { label: "Antal", num: true, cell: (r) => r.n },
];
const withData: ListColumn<Row>[] = [columns[0], { ...columns[1], data: (r) => ({ n: r.n }) }];

describe("ListTable", () => {
  it("has a heading row and a row per item, the first cell as row header, cells with their data-* attributes", () => {
    const html = renderToStaticMarkup(createElement(ListTable<Row>, { id: "people", caption: "Personer", rows, rowKey: (r) => r.id, rowProps: (r) => ({ "data-id": r.id }), columns: withData }));
    expect(html).toBe(
      // In a scroll area named by the caption that a keyboard can reach (a narrow screen scrolls it).
      '<div class="table-scroll" role="region" aria-label="Personer" tabindex="0">' +
        '<table class="table" id="people"><caption class="visually-hidden">Personer</caption>' +
        '<thead><tr><th scope="col">Namn</th><th scope="col" class="num">Antal</th></tr></thead>' +
        '<tbody><tr data-id="a"><th scope="row">Anna</th><td class="num" data-n="2">2</td></tr><tr data-id="b"><th scope="row">Bo</th><td class="num" data-n="0">0</td></tr></tbody></table></div>',
    );
  });

  it("keeps every cell a td without row headers, and has no caption or id unless given", () => {
    const html = renderToStaticMarkup(createElement(ListTable<Row>, { rows: rows.slice(0, 1), rowKey: (r) => r.id, columns, rowHeader: false }));
    expect(html).toBe('<div class="table-scroll"><table class="table"><thead><tr><th scope="col">Namn</th><th scope="col" class="num">Antal</th></tr></thead><tbody><tr><td>Anna</td><td class="num">2</td></tr></tbody></table></div>');
  });
});
