"use client";
// The people behind a figure (a coordinator's own unit, up to 200 a figure), as links to their
// pages behind a disclosure. Drawn in the browser from the names, like the tables: a list of
// hundreds of server-rendered links would be deferred element by element on every view.
import Link from "@/app/_components/Link";
import type { PersonRef } from "@/lib/metrics/drilldown";

export function PeopleList({ people, label, note }: { people: PersonRef[] | null; label: string; note: string }) {
  if (!people || people.length === 0) return null;
  return (
    <details className="people">
      <summary>
        {label} ({people.length})
      </summary>
      <p className="definition">{note}</p>
      <ul>
        {people.map((p) => (
          <li key={p.id}>
            <Link href={`/deltagare/${p.id}`}>{p.name}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
