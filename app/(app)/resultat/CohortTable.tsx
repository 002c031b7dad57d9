// A cohort figure as a table: one row per cohort and group (total, women, men), the cohort as the
// row header, then n and the figure's own columns. Every cohort table of Resultat is one of these.
import { DataTable, type Inline } from "@/app/_components/DataTable";
import type { Group } from "@/lib/metrics/indicators";
import type { ResultsMessages } from "@/lib/i18n/areas/results";

/** A figure's own column (a number): heading, the cell's text, and data-* attributes of the cell. */
export interface CohortColumn<R> {
  label: string;
  cell: (row: R) => Inline | Inline[];
  data?: (row: R) => Record<string, string | number>;
}

export function CohortTable<R extends { cohort: string; group: Group; n: number }>({
  id,
  caption,
  rows,
  columns,
  t,
}: {
  id: string;
  /** The figure's title; the table's scroll area is named "Tabell: <title>" (the section has the title). */
  caption: string;
  rows: R[];
  columns: CohortColumn<R>[];
  t: ResultsMessages;
}) {
  return (
    <DataTable
      id={id}
      caption={caption}
      regionLabel={t.tableRegion.replace("{caption}", () => caption)}
      columns={[{ label: t.cohort }, { label: t.group }, { label: t.n, num: true }, ...columns.map((c) => ({ label: c.label, num: true }))]}
      rows={rows.map((r) => ({
        data: { cohort: r.cohort, group: r.group },
        cells: [
          r.cohort,
          t.groups[r.group],
          r.n,
          ...columns.map((c) => {
            const text = c.cell(r);
            return { parts: Array.isArray(text) ? text : [text], data: c.data?.(r) };
          }),
        ],
      }))}
    />
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
