// The charts draw their image as markup of their own: every value the tables show, the suppressed
// ones as the suppressed label, entered reference values as marked lines, a text alternative, and
// every text a user could have typed escaped.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, LineChart, niceTop, spreadLabels, type ReferenceMark } from "./charts";
import { escapeMarkup } from "./markup";
import { seriesColor } from "./chart-palette";

const base = {
  id: "o90",
  title: "Andel i arbete",
  description: "Andel = arbete eller studier / n.",
  categories: ["2024", "2025"],
  suppressedLabel: "–",
  referenceLegend: { reference: "Referensvärde", target: "Mål" },
};
const series = [
  { name: "Totalt", color: seriesColor(0), values: [0.4441, null] },
  { name: "Kvinnor", color: seriesColor(1), values: [0.5, 0.25] },
];
const reference: ReferenceMark = { category: "2025", value: 0.485, kind: "reference", label: 'Referensvärde 2025: 48,5 % (<b>"R&D"</b>)', short: "<b>" };

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe("BarChart", () => {
  const html = renderToStaticMarkup(createElement(BarChart, { ...base, series, scale: "share", max: 1, references: [reference] }));

  it("is an image named by its title and description, the reference values in the description", () => {
    expect(html).toContain('<figure class="chart" data-chart="o90"><div class="chart-scroll" role="region" aria-label="Andel i arbete" tabindex="0"><svg viewBox="0 0 640 260" role="img" aria-labelledby="o90-title o90-desc" width="100%">');
    expect(html).toContain('<title id="o90-title">Andel i arbete</title>');
    expect(html).toContain('<desc id="o90-desc">Andel = arbete eller studier / n. Referensvärde 2025: 48,5 % (&#60;b&#62;&#34;R&#38;D&#34;&#60;/b&#62;).</desc>');
  });

  it("draws a bar per value with the value as data and as a label, and the suppressed one as the label only", () => {
    expect(count(html, /<rect /g)).toBe(3);
    for (const v of ["0.4441", "0.5", "0.25"]) expect(html).toContain(`data-value="${v}"`);
    expect(html).toMatch(/<rect [^>]*fill="#0b5d6b" data-value="0.4441"><\/rect><text [^>]*>44 %<\/text>/);
    expect(count(html, />–<\/text>/g)).toBe(1);
    expect(html).toContain('font-size="11" fill="#4a5561">100 %</text>');
  });

  it("draws the reference value as a dashed line at its cohort, its short label escaped", () => {
    expect(html).toMatch(/<g data-reference-kind="reference" data-category="2025" data-value="0.485"><line [^>]*stroke-dasharray="6 4"><\/line><text [^>]*>&#60;b&#62;<\/text><\/g>/);
    expect(html).toContain('<li data-kind="reference" data-category="2025">Referensvärde 2025: 48,5 % (&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;)</li>');
  });

  it("leaves out a reference value of a cohort it does not show", () => {
    const other = renderToStaticMarkup(createElement(BarChart, { ...base, series, scale: "share", references: [{ ...reference, category: "2019" }] }));
    expect(other).not.toContain("data-reference-kind");
  });
});

describe("LineChart", () => {
  const days = [{ name: "Totalt", color: seriesColor(0), values: [120, null, 90] }];
  const html = renderToStaticMarkup(createElement(LineChart, { ...base, categories: ["2023", "2024", "2025"], series: days, scale: "count" }));

  it("draws a point per value with whole numbers, a gap and the suppressed label where there is none", () => {
    expect(count(html, /<circle /g)).toBe(2);
    expect(html).toMatch(/data-value="120"><\/circle><text [^>]*>120<\/text>/);
    expect(html).toMatch(/<path d="M[0-9.]+,[0-9.]+  M[0-9.]+,[0-9.]+"/);
    expect(count(html, />–<\/text>/g)).toBe(1);
    for (const year of ["2023", "2024", "2025"]) expect(html).toContain(`>${year}</text>`);
  });
});

describe("escapeMarkup", () => {
  it("escapes the five characters of markup and leaves the rest", () => {
    expect(escapeMarkup(`<a href="x">'Å & Ö'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;Å &#38; Ö&#39;&#60;/a&#62;");
  });
});

describe("the line chart's axis and labels", () => {
  it("ends the value axis at four round steps above the largest value", () => {
    expect(niceTop(154)).toBe(200);
    expect(niceTop(140)).toBe(200);
    expect(niceTop(95)).toBe(100);
    expect(niceTop(36)).toBe(40);
    expect(niceTop(7)).toBe(8);
    expect(niceTop(1.05)).toBe(2);
  });
  it("moves a value label down where it would overlap the one above it, and leaves apart ones where they are", () => {
    expect(spreadLabels([100, 104, 200])).toEqual([92, 103, 192]);
    expect(spreadLabels([104, 100])).toEqual([103, 92]);
    const [a, b, c] = spreadLabels([50, 51, 52]);
    expect(b - a).toBeGreaterThanOrEqual(11);
    expect(c - b).toBeGreaterThanOrEqual(11);
  });
  it("draws round values on the axis of days", () => {
    const html = renderToStaticMarkup(createElement(LineChart, { ...base, series: [{ name: "Totalt", color: seriesColor(0), values: [140, 116] }], scale: "count" }));
    const axis = [...html.matchAll(/text-anchor="end" font-size="11" fill="#4a5561">(\d+)<\/text>/g)].map((m) => m[1]);
    expect(axis).toEqual(["0", "50", "100", "150", "200"]);
  });
});
