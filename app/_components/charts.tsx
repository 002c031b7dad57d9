// Small, dependency-free SVG charts. Each is an image with a title and a description for screen
// readers; the page always shows the same numbers in a table next to it.

export interface Series {
  name: string;
  values: (number | null)[];
  color: string;
}

const PALETTE = ["#0b5d6b", "#b4490d", "#4b3f99", "#1e6b34"];
export const seriesColor = (i: number) => PALETTE[i % PALETTE.length];

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
  format: (v: number) => string;
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

/** A reference or target line over [x1, x2] at the value, with a short label above its end. */
function Mark({ r, x1, x2, y }: { r: ReferenceMark; x1: number; x2: number; y: number }) {
  return (
    <g data-reference-kind={r.kind} data-category={r.category} data-value={r.value}>
      <line x1={x1} x2={x2} y1={y} y2={y} stroke={MARK_COLOR} strokeWidth="2" strokeDasharray={DASH[r.kind]} />
      <text x={x2} y={r1(y - 3)} textAnchor="end" fontSize="9" fill={MARK_COLOR}>
        {r.short}
      </text>
    </g>
  );
}

const withReferences = (description: string, references?: ReferenceMark[]) =>
  references && references.length ? `${description} ${references.map((r) => r.label).join(". ")}.` : description;

function ticks(max: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
}

export function BarChart({ id, title, description, categories, series, format, max, suppressedLabel, references, referenceLegend }: ChartProps) {
  const all = [...series.flatMap((s) => s.values), ...(references ?? []).map((r) => r.value)].filter((v): v is number => v !== null);
  const top = max ?? Math.max(1, ...all);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, categories.length);
  const barW = r1(Math.min(36, (groupW - 12) / Math.max(1, series.length)));
  const y = (v: number) => r1(PAD.top + plotH - (v / top) * plotH);
  return (
    <figure className="chart" data-chart={id}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{withReferences(description, references)}</desc>
        {ticks(top).map((tv) => (
          <g key={tv}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tv)} y2={y(tv)} stroke="#d0d7de" />
            <text x={PAD.left - 6} y={y(tv) + 4} textAnchor="end" fontSize="11" fill="#4a5561">
              {format(tv)}
            </text>
          </g>
        ))}
        {categories.map((c, ci) => {
          const x0 = r1(PAD.left + ci * groupW + (groupW - barW * series.length) / 2);
          return (
            <g key={c}>
              {series.map((s, si) => {
                const v = s.values[ci];
                const x = r1(x0 + si * barW);
                if (v === null || v === undefined) {
                  return (
                    <text key={s.name} x={r1(x + barW / 2)} y={PAD.top + plotH - 4} textAnchor="middle" fontSize="12" fill="#4a5561">
                      {suppressedLabel}
                    </text>
                  );
                }
                return (
                  <g key={s.name}>
                    <rect x={x + 1} y={y(v)} width={r1(barW - 2)} height={r1(PAD.top + plotH - y(v))} fill={s.color} data-value={v} />
                    <text x={r1(x + barW / 2)} y={r1(y(v) - 4)} textAnchor="middle" fontSize="10" fill="#1b1f24">
                      {format(v)}
                    </text>
                  </g>
                );
              })}
              <text x={r1(PAD.left + ci * groupW + groupW / 2)} y={H - PAD.bottom + 18} textAnchor="middle" fontSize="12" fill="#1b1f24">
                {c}
              </text>
            </g>
          );
        })}
        {(references ?? []).map((r) => {
          const ci = categories.indexOf(r.category);
          if (ci < 0) return null;
          return <Mark key={`${r.kind}-${r.category}`} r={r} x1={r1(PAD.left + ci * groupW + 4)} x2={r1(PAD.left + (ci + 1) * groupW - 4)} y={y(Math.min(r.value, top))} />;
        })}
      </svg>
      <Legend series={series} references={references} referenceLegend={referenceLegend} />
    </figure>
  );
}

export function LineChart({ id, title, description, categories, series, format, max, suppressedLabel, references, referenceLegend }: ChartProps) {
  const all = [...series.flatMap((s) => s.values), ...(references ?? []).map((r) => r.value)].filter((v): v is number => v !== null);
  const top = max ?? Math.max(1, ...all) * 1.1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => r1(PAD.left + (categories.length === 1 ? plotW / 2 : (i * plotW) / (categories.length - 1)));
  const y = (v: number) => r1(PAD.top + plotH - (v / top) * plotH);
  return (
    <figure className="chart" data-chart={id}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{withReferences(description, references)}</desc>
        {ticks(top).map((tv) => (
          <g key={tv}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tv)} y2={y(tv)} stroke="#d0d7de" />
            <text x={PAD.left - 6} y={y(tv) + 4} textAnchor="end" fontSize="11" fill="#4a5561">
              {format(tv)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <text key={c} x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" fontSize="12" fill="#1b1f24">
            {c}
          </text>
        ))}
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
          const path = pts
            .map((p, i) => (p ? `${i === 0 || !pts[i - 1] ? "M" : "L"}${p[0].toFixed(1)},${p[1].toFixed(1)}` : ""))
            .join(" ");
          return (
            <g key={s.name}>
              <path d={path} fill="none" stroke={s.color} strokeWidth="2.5" />
              {pts.map((p, i) =>
                p ? (
                  <g key={i}>
                    <circle cx={p[0]} cy={p[1]} r="4" fill={s.color} data-value={s.values[i] ?? undefined} />
                    <text x={p[0]} y={r1(p[1] - 8)} textAnchor="middle" fontSize="10" fill="#1b1f24">
                      {format(s.values[i] as number)}
                    </text>
                  </g>
                ) : (
                  <text key={i} x={x(i)} y={PAD.top + plotH - 4} textAnchor="middle" fontSize="12" fill="#4a5561">
                    {suppressedLabel}
                  </text>
                ),
              )}
            </g>
          );
        })}
        {(references ?? []).map((r) => {
          const ci = categories.indexOf(r.category);
          if (ci < 0) return null;
          const half = Math.min(40, plotW / Math.max(2, categories.length) / 2);
          return <Mark key={`${r.kind}-${r.category}`} r={r} x1={x(ci) - half} x2={x(ci) + half} y={y(Math.min(r.value, top))} />;
        })}
      </svg>
      <Legend series={series} references={references} referenceLegend={referenceLegend} />
    </figure>
  );
}
