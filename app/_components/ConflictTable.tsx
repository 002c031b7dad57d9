// A save conflict side by side: one row a field (or part) that differs, the two versions in the
// columns, in the order the form names them in `headings`.
import { TableScroll } from "@/app/_components/TableScroll";

export interface ConflictRow {
  key: string;
  label: string;
  values: [string, string];
}

export function ConflictTable({ headings, rows, testId }: { headings: [field: string, first: string, second: string]; rows: ConflictRow[]; testId?: string }) {
  return (
    <TableScroll label={headings[0]}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.values[0]}</td>
              <td>{r.values[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
