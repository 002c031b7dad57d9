// Every page of the app once, at the benchmark's scale, as the role that uses it: its status, its
// size and how long one view takes (the second view; the first warms). The load scenarios measure
// the busiest pages; this sweep catches the rest, where a list or a <select> of everything would
// grow with the region (in the first sweep the users page was 2.95 MB, the student page 114 kB with
// every group of the next course). A page that does not answer 200 breaks the benchmark; one over
// PAGE_BYTES_LIMIT misses its target.
import type { BenchContext, BenchUser } from "./scenarios";

/** No page should be bigger than this at regional scale (the dashboard, the biggest by design, is ~160 kB). */
export const PAGE_BYTES_LIMIT = 300 * 1024;

export interface PageVisit {
  as: string;
  path: string;
}

export interface PageResult extends PageVisit {
  status: number;
  bytes: number;
  ms: number;
}

type Row = Record<string, string | null>;

/** The pages to visit, with ids of the benchmark's municipality filled in (a page whose id there is no row for is left out). */
export async function pagesToVisit(ctx: BenchContext, coordinator: BenchUser, teacherId: string): Promise<PageVisit[]> {
  const one = async (q: Promise<Row[]>) => (await q)[0] ?? {};
  const participantId = coordinator.participantIds[0];
  const { activity } = participantId ? await one(ctx.sql`select id::text as activity from activities where participant_id = ${participantId} limit 1`) : {};
  // The employer with the most placements, and one of its openings.
  const { employer } = await one(
    ctx.sql`select a.employer_id::text as employer from activities a join participants p on p.id = a.participant_id
             where a.employer_id is not null and p.municipality_id = ${coordinator.municipalityId}
             group by a.employer_id order by count(*) desc limit 1`,
  );
  const { opening } = employer ? await one(ctx.sql`select id::text as opening from openings where employer_id = ${employer} limit 1`) : {};
  // The teacher's group with the most students today, and one of them.
  const { group, student } = await one(
    ctx.sql`select e.group_id::text as "group", min(e.participant_id::text) as student from sfi_enrolments e join sfi_group_teachers gt on gt.group_id = e.group_id
             where gt.user_id = ${teacherId} and e.start_date <= ${ctx.today} and (e.end_date is null or e.end_date >= ${ctx.today})
             group by e.group_id order by count(*) desc limit 1`,
  );
  const { actor } = await one(ctx.sql`select id::text as actor from actors where municipality_id = ${coordinator.municipalityId} and archived_at is null order by lower(name) limit 1`);
  const { reference } = await one(ctx.sql`select id::text as reference from reference_values where municipality_id = ${coordinator.municipalityId} limit 1`);
  const p = participantId ? `/deltagare/${participantId}` : null;
  const visits: [string, string | null | undefined][] = [
    ["coordinator", "/deltagare"],
    ["coordinator", "/deltagare/ny"],
    // The municipality's people without a unit (the caseload's index, unit_id null).
    ["coordinator", "/deltagare?lista=ej-tilldelade"],
    ["coordinator", p],
    ["coordinator", p && `${p}/redigera`],
    ["coordinator", p && `${p}/insats/ny`],
    ["coordinator", p && activity && `${p}/insats/${activity}`],
    ["coordinator", p && `${p}/kartlaggning`],
    ["coordinator", p && `${p}/sammanfattning-af`],
    ["coordinator", p && `${p}/utskrift`],
    ["coordinator", "/arbetslista"],
    ["coordinator", "/arbetsgivare"],
    ["coordinator", employer && `/arbetsgivare/${employer}`],
    ["coordinator", employer && `/arbetsgivare/${employer}/redigera`],
    ["coordinator", employer && opening && `/arbetsgivare/${employer}/platser/${opening}`],
    ["coordinator", "/aktorer"],
    ["coordinator", "/aktorer/ny"],
    ["coordinator", actor && `/aktorer/${actor}`],
    ["coordinator", actor && `/aktorer/${actor}/redigera`],
    ["teacher", "/sfi"],
    ["teacher", "/sfi/ny"],
    ["teacher", group && `/sfi/${group}`],
    ["teacher", group && `/sfi/${group}/andra`],
    ["teacher", group && student && `/sfi/${group}/elev/${student}`],
    ["teacher", "/sfi?visa=avslutade"],
    ["manager", "/resultat"],
    // A coordinator's results are their own unit's (metric_facts_unit_idx).
    ["coordinator", "/resultat"],
    ["admin", "/admin/anvandare"],
    ["admin", "/admin/anvandare/ny"],
    ["admin", `/admin/anvandare/${coordinator.id}`],
    ["admin", "/admin/gallring"],
    ["admin", "/admin/import"],
    ["admin", "/admin/logg"],
    // The log's filters as the data protection officer uses them: one person's entries, the lists
    // they were seen in too (the ids' GIN index), and one user's (audit_user_idx).
    ["admin", participantId && `/admin/logg?participantId=${participantId}`],
    ["admin", `/admin/logg?userId=${coordinator.id}`],
    ["admin", "/admin/referensvarden"],
    ["admin", reference && `/admin/referensvarden/${reference}`],
    ["admin", "/admin/registerutdrag"],
    ["admin", participantId && `/admin/registerutdrag/${participantId}`],
    ["admin", "/admin/sfi-grupper"],
    ["admin", "/admin/sfi-grupper?visa=avslutade"],
    ["admin", "/sfi/ny"],
  ];
  return visits.filter((v): v is [string, string] => Boolean(v[1])).map(([as, path]) => ({ as, path }));
}

/** Fetches each page twice with the role's session cookie and keeps the second view's status, size and time. */
export async function visitPages(baseUrl: string, visits: PageVisit[], cookies: Record<string, string>): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for (const v of visits) {
    const view = async () => {
      const started = performance.now();
      const res = await fetch(`${baseUrl}${v.path}`, { headers: { cookie: cookies[v.as] }, redirect: "manual" });
      const bytes = (await res.arrayBuffer()).byteLength;
      return { status: res.status, bytes, ms: Math.round(performance.now() - started) };
    };
    await view();
    out.push({ ...v, ...(await view()) });
  }
  return out;
}
