// A cohort figure as a table: one row per cohort and group (total, women, men), the cohort as the
// row header, then n and the figure's own columns. Every cohort table of Resultat is one of these.
import type { ReactNode } from "react";
import type { Group } from "@/lib/metrics/indicators";
import type { ResultsMessages } from "@/lib/i18n/areas/results";

export interface CohortColumn<R> {
  label: string;
  cell: (r: R) => ReactNode;
  /** data-* attributes of the cell, for the journeys that read the numbers back. */
  data?: (r: R) => Record<string, string | number>;
}

export function CohortTable<R extends { cohort: string; group: Group; n: number }>({
  id,
  caption,
  rows,
  columns,
  t,
}: {
  id: string;
  caption: string;
  rows: R[];
  columns: CohortColumn<R>[];
  t: ResultsMessages;
}) {
  return (
    <table className="table" id={id}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.cohort}</th>
          <th scope="col">{t.group}</th>
          <th scope="col" className="num">
            {t.n}
          </th>
          {columns.map((c) => (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.cohort}-${r.group}`} data-cohort={r.cohort} data-group={r.group}>
            <th scope="row">{r.cohort}</th>
            <td>{t.groups[r.group]}</td>
            <td className="num">{r.n}</td>
            {columns.map((c) => (
              <td key={c.label} className="num" {...Object.fromEntries(Object.entries(c.data?.(r) ?? {}).map(([k, v]) => [`data-${k}`, v]))}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One chart series per group: the figure of each cohort (null where there is no row). */
export function cohortSeries<R extends { cohort: string; group: Group }>(rows: R[], cohorts: string[], groups: Group[], value: (r: R) => number | null, name: (g: Group) => string, color: (i: number) => string) {
  return groups.map((g, i) => ({
    name: name(g),
    color: color(i),
    values: cohorts.map((c) => {
      const r = rows.find((x) => x.cohort === c && x.group === g);
      return r ? value(r) : null;
    }),
  }));
}
