"use client";
// Small, dependency-free SVG charts. Each is an image with a title and a description for screen
// readers; the page always shows the same numbers in a table next to it.
//
// A client component: the page sends the chart its numbers (a few hundred bytes), not the few
// hundred SVG elements drawn from them, which the server would otherwise serialize, parse again
// and render for every view of the page. The image is built as markup (one string, written out
// as it is), escaped by markup.ts: a unit's name or a reference's source is text a user typed.
import { el, escapeMarkup, keptMarkup } from "./markup";

export interface Series {
  name: string;
  values: (number | null)[];
  color: string;
}

/** How the values read: shares as whole percent, counts (days) as whole numbers. */
export type ChartScale = "share" | "count";
const formatter = (scale: ChartScale) => (scale === "share" ? (v: number) => `${Math.round(v * 100)} %` : (v: number) => String(Math.round(v)));

/** An entered reference value or target drawn as a line at one category (e.g. a cohort year). */
export interface ReferenceMark {
  category: string;
  value: number;
  kind: "reference" | "target";
  /** The text alternative and label, e.g. "Referensvärde 2025: 48 % (Riket (Kolada))". */
  label: string;
  /** A word or two drawn at the line's end, e.g. "Riket" or "Mål". */
  short: string;
}

interface ChartProps {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: Series[];
  scale: ChartScale;
  /** Upper end of the value axis; the largest value when not given. */
  max?: number;
  suppressedLabel: string;
  references?: ReferenceMark[];
  /** Legend texts for the two kinds of line, shown when there are marks of that kind. */
  referenceLegend?: { reference: string; target: string };
}

const W = 640;
const H = 260;
const PAD = { top: 24, right: 16, bottom: 48, left: 48 };

const MARK_COLOR = "#1b1f24";

/** Coordinates to a tenth of a unit of the 640 × 260 view box: finer is invisible and only makes the page larger. */
const r1 = (v: number) => Math.round(v * 10) / 10;
const DASH = { reference: "6 4", target: "2 3" } as const;

function Legend({ series, references, referenceLegend }: { series: Series[]; references?: ReferenceMark[]; referenceLegend?: { reference: string; target: string } }) {
  const kinds = (["reference", "target"] as const).filter((k) => references?.some((r) => r.kind === k));
  return (
    <>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </li>
        ))}
        {referenceLegend &&
          kinds.map((k) => (
            <li key={k}>
              <svg width="24" height="10" aria-hidden="true" focusable="false">
                <line x1="0" x2="24" y1="5" y2="5" stroke={MARK_COLOR} strokeWidth="2" strokeDasharray={DASH[k]} />
              </svg>{" "}
              {referenceLegend[k]}
            </li>
          ))}
      </ul>
      {references && references.length > 0 && (
        <ul className="chart-references" data-references="">
          {references.map((r) => (
            <li key={`${r.kind}-${r.category}`} data-kind={r.kind} data-category={r.category}>
              {r.label}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A text label of the chart. */
const label = (x: number, y: number, size: number, fill: string, content: string, anchor = "middle") =>
  el("text", { x, y, "text-anchor": anchor, "font-size": size, fill }, escapeMarkup(content));

/** A reference or target line over [x1, x2] at the value, with a short label above its end. */
function mark(r: ReferenceMark, x1: number, x2: number, y: number): string {
  return el(
    "g",
    { "data-reference-kind": r.kind, "data-category": r.category, "data-value": r.value },
    el("line", { x1, x2, y1: y, y2: y, stroke: MARK_COLOR, "stroke-width": 2, "stroke-dasharray": DASH[r.kind] }),
    label(x2, r1(y - 3), 9, MARK_COLOR, r.short, "end"),
  );
}

const withReferences = (description: string, references?: ReferenceMark[]) =>
  references && references.length ? `${description} ${references.map((r) => r.label).join(". ")}.` : description;

/** The chart's image: an SVG with its title and description (the text alternative), drawn from markup built here. */
function ChartImage({ id, title, description, references, body }: { id: string; title: string; description: string; references?: ReferenceMark[]; body: string }) {
  const inner = el("title", { id: `${id}-title` }, escapeMarkup(title)) + el("desc", { id: `${id}-desc` }, escapeMarkup(withReferences(description, references))) + body;
  // On a phone the image keeps a readable size and scrolls sideways (globals.css: .chart-scroll).
  return (
    <div className="chart-scroll" role="region" aria-label={title} tabIndex={0}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" dangerouslySetInnerHTML={{ __html: inner }} />
    </div>
  );
}

/** The value axis: grid lines with their values. */
function grid(top: number, y: (v: number) => number, format: (v: number) => string): string {
  return ticks(top)
    .map((tv) => el("line", { x1: PAD.left, x2: W - PAD.right, y1: y(tv), y2: y(tv), stroke: "#d0d7de" }) + label(PAD.left - 6, y(tv) + 4, 11, "#4a5561", format(tv), "end"))
    .join("");
}

function ticks(max: number): number[] {
  const step = max / 4;
  return [0, 1, 2, 3, 4].map((i) => i * step);
}

/** A round step for about four intervals up to `max` (1, 2, 2.5 or 5 times a power of ten). */
export function niceStep(max: number): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return step;
}

/** The value axis' top for counts: four round steps that reach above the largest value (e.g. 160 for 140). */
export const niceTop = (max: number) => 4 * niceStep(max);

/**
 * The value labels of the points at one category, from top to bottom: each above its point, moved
 * down where it would overlap the one above it (labels 10 units high, 11 apart).
 */
export function spreadLabels(ys: number[], gap = 11): number[] {
  const order = ys.map((y, i) => ({ y: y - 8, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let last = -Infinity;
  for (const o of order) {
    const y = Math.max(o.y, last + gap);
    out[o.i] = r1(y);
    last = y;
  }
  return out;
}

/** What a chart's drawing depends on: all of its props but the texts of its image and legend. */
type Drawing = Pick<ChartProps, "categories" | "series" | "scale" | "max" | "suppressedLabel" | "references">;
const drawn = ({ categories, series, scale, max, suppressedLabel, references }: ChartProps): Drawing => ({ categories, series, scale, max, suppressedLabel, references });

/** A chart: its image, drawn by `draw` (the drawing kept for the same numbers: markup.ts), and its legend. */
function chart(props: ChartProps, kind: string, draw: (d: Drawing) => string) {
  const { id, title, description, series, references, referenceLegend } = props;
  return (
    <figure className="chart" data-chart={id}>
      <ChartImage id={id} title={title} description={description} references={references} body={keptMarkup(kind, drawn(props), draw)} />
      <Legend series={series} references={references} referenceLegend={referenceLegend} />
    </figure>
  );
}

export function BarChart(props: ChartProps) {
  return chart(props, "bars", drawBars);
}

function drawBars({ categories, series, scale, max, suppressedLabel, references }: Drawing): string {
  const format = formatter(scale);
  const all = [...series.flatMap((s) => s.values), ...(references ?? []).map((r) => r.value)].filter((v): v is number => v !== null);
  const top = max ?? Math.max(1, ...all);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = r1(Math.min(36, (groupW - 12) / Math.max(1, series.length)));
  const y = (v: number) => r1(PAD.top + plotH - (v / top) * plotH);
  const bars = categories.map((c, ci) => {
    const x0 = r1(PAD.left + ci * groupW + (groupW - barW * series.length) / 2);
    const groupBars = series.map((s, si) => {
      const v = s.values[ci];
      const x = r1(x0 + si * barW);
      if (v === null || v === undefined) return label(r1(x + barW / 2), PAD.top + plotH - 4, 12, "#4a5561", suppressedLabel);
      return (
        el("rect", { x: r1(x + 1), y: y(v), width: r1(barW - 2), height: r1(PAD.top + plotH - y(v)), fill: s.color, "data-value": v }) +
        label(r1(x + barW / 2), r1(y(v) - 4), 10, "#1b1f24", format(v))
      );
    });
    return groupBars.join("") + label(r1(PAD.left + ci * groupW + groupW / 2), H - PAD.bottom + 18, 12, "#1b1f24", c);
  });
  const marks = (references ?? []).map((r) => {
    const ci = categories.indexOf(r.category);
    return ci < 0 ? "" : mark(r, r1(PAD.left + ci * groupW + 4), r1(PAD.left + (ci + 1) * groupW - 4), y(Math.min(r.value, top)));
  });
  return grid(top, y, format) + bars.join("") + marks.join("");
}

export function LineChart(props: ChartProps) {
  return chart(props, "lines", drawLines);
}

function drawLines({ categories, series, scale, max, suppressedLabel, references }: Drawing): string {
  const format = formatter(scale);
  const all = [...series.flatMap((s) => s.values), ...(references ?? []).map((r) => r.value)].filter((v): v is number => v !== null);
  const top = max ?? (scale === "count" ? niceTop(Math.max(1, ...all) * 1.05) : Math.max(1, ...all) * 1.1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => r1(PAD.left + (categories.length === 1 ? plotW / 2 : (i * plotW) / (categories.length - 1)));
  const y = (v: number) => r1(PAD.top + plotH - (v / top) * plotH);
  const axis = categories.map((c, i) => label(x(i), H - PAD.bottom + 18, 12, "#1b1f24", c));
  // The value labels of every series at a category, spread so that close values stay readable.
  const labelY = categories.map((_, i) => {
    const at = series.map((s) => s.values[i]);
    const ys = spreadLabels(at.map((v) => (v === null || v === undefined ? Infinity : y(v))));
    return at.map((v, si) => (v === null || v === undefined ? null : ys[si]));
  });
  const lines = series.map((s, si) => {
    const pts = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
    const d = pts.map((p, i) => (p ? `${i === 0 || !pts[i - 1] ? "M" : "L"}${p[0].toFixed(1)},${p[1].toFixed(1)}` : "")).join(" ");
    const points = pts.map((p, i) =>
      p
        ? el("circle", { cx: p[0], cy: p[1], r: 4, fill: s.color, "data-value": s.values[i] ?? undefined }) + label(p[0], labelY[i][si] ?? r1(p[1] - 8), 10, "#1b1f24", format(s.values[i] as number))
        : label(x(i), PAD.top + plotH - 4, 12, "#4a5561", suppressedLabel),
    );
    return el("path", { d, fill: "none", stroke: s.color, "stroke-width": 2.5 }) + points.join("");
  });
  const marks = (references ?? []).map((r) => {
    const ci = categories.indexOf(r.category);
    const half = Math.min(40, plotW / Math.max(2, categories.length) / 2);
    return ci < 0 ? "" : mark(r, r1(x(ci) - half), r1(x(ci) + half), y(Math.min(r.value, top)));
  });
  return grid(top, y, format) + axis.join("") + lines.join("") + marks.join("");
}
