// The data table renders the markup of ListTable from rows of plain data: headings with scope, the
// first cell as the row's header, numbers right-aligned, data-* attributes of rows and cells, a
// caption hidden or shown, and cells of several parts with abbreviations explained; written as
// markup, so everything in it is escaped.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataRow } from "./DataTable";

const columns = [{ label: "Kohort" }, { label: "n", num: true }, { label: "Andel", num: true }];
const rows: DataRow[] = [
  { data: { cohort: "2024" }, cells: ["2024", 12, { parts: [5, " (", "42 %", ")"], data: { share: 0.4167 } }] },
  { data: { cohort: "2025" }, cells: ["2025", 3, { parts: [1, " (", { abbr: "–", title: "För få personer" }, ")"], data: { share: "" } }] },
];

describe("DataTable", () => {
  it("has a heading row and a row per item, the first cell as row header, rows and cells with their data-* attributes", () => {
    const html = renderToStaticMarkup(createElement(DataTable, { id: "o90", caption: "Utfall", columns, rows })).replaceAll("<!-- -->", "");
    expect(html).toBe(
      '<div class="table-scroll" role="region" aria-label="Utfall" tabindex="0">' +
        '<table class="table" id="o90"><caption class="visually-hidden">Utfall</caption>' +
        '<thead><tr><th scope="col">Kohort</th><th scope="col" class="num">n</th><th scope="col" class="num">Andel</th></tr></thead>' +
        '<tbody><tr data-cohort="2024"><th scope="row">2024</th><td class="num">12</td><td class="num" data-share="0.4167">5 (42 %)</td></tr>' +
        '<tr data-cohort="2025"><th scope="row">2025</th><td class="num">3</td><td class="num" data-share="">1 (<abbr title="För få personer">–</abbr>)</td></tr></tbody></table></div>',
    );
  });

  it("shows the caption when asked, and keeps every cell a td without row headers", () => {
    const html = renderToStaticMarkup(createElement(DataTable, { caption: "Per enhet", showCaption: true, columns, rows: rows.slice(0, 1), rowHeader: false }));
    expect(html).toContain("<caption>Per enhet</caption>");
    expect(html).toContain('<td>2024</td><td class="num">12</td>');
    expect(html).not.toContain('scope="row"');
    expect(html).not.toContain(" id=");
  });

  it("escapes everything a user could have typed: cells, explanations, headings, caption and data-* values", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        caption: "<i>",
        columns: [{ label: "A & B" }, { label: "<td>" }],
        rows: [{ data: { unit: '"><script>' }, cells: [{ parts: [{ abbr: "<b>", title: '"x"' }] }, { parts: ["Öst's <enhet>"], data: { name: "a&b" } }] }],
      }),
    );
    expect(html).toContain('<caption class="visually-hidden">&#60;i&#62;</caption>');
    expect(html).toContain('<th scope="col">A &#38; B</th><th scope="col">&#60;td&#62;</th>');
    expect(html).toContain('<tr data-unit="&#34;&#62;&#60;script&#62;">');
    expect(html).toContain('<abbr title="&#34;x&#34;">&#60;b&#62;</abbr>');
    expect(html).toContain('<td data-name="a&#38;b">Öst&#39;s &#60;enhet&#62;</td>');
    expect(html).not.toMatch(/<(script|b|i|enhet)>/);
  });
});
