// A cohort figure as a table: one row per cohort and group (total, women, men), the cohort as the
// row header, then n and the figure's own columns. Every cohort table of Resultat is one of these.
import { ListTable, type ListColumn } from "@/app/_components/ListTable";
import type { Group } from "@/lib/metrics/indicators";
import type { ResultsMessages } from "@/lib/i18n/areas/results";

/** A figure's own column (a number): heading, cell, and data-* attributes of the cell. */
export type CohortColumn<R> = Omit<ListColumn<R>, "num">;

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
    <ListTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={(r) => `${r.cohort}-${r.group}`}
      rowProps={(r) => ({ "data-cohort": r.cohort, "data-group": r.group })}
      columns={[
        { label: t.cohort, cell: (r) => r.cohort },
        { label: t.group, cell: (r) => t.groups[r.group] },
        { label: t.n, num: true, cell: (r) => r.n },
        ...columns.map((c) => ({ ...c, num: true })),
      ]}
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
