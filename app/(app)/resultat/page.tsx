// Resultat: the key figures for managers (their municipality) and coordinators (their unit),
// with filters, charts beside the same numbers as tables, definitions, and exports.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { filterToSearchParams, getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { getAreaMessages } from "@/lib/i18n/server";
import { resultsMessages, type ResultsMessages } from "@/lib/i18n/areas/results";
import { EDUCATION_LEVELS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import { BarChart, LineChart, seriesColor, type ReferenceMark } from "@/app/_components/charts";
import { referenceMessages, type ReferenceMessages } from "@/lib/i18n/areas/reference";
import { formatReference, type ReferenceIndicator } from "@/lib/references/indicators";
import type { Comparison, ReferenceEntry } from "@/lib/metrics/references";
import type { Group } from "@/lib/metrics/indicators";
import { mayDrillDown, peopleBehind, type Drilldown, type PersonRef } from "@/lib/metrics/drilldown";

function People({ people, t }: { people: PersonRef[] | null; t: ResultsMessages }) {
  if (!people || people.length === 0) return null;
  return (
    <details className="people">
      <summary>
        {t.showPeople} ({people.length})
      </summary>
      <p className="definition">{t.peopleNote}</p>
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

export const metadata: Metadata = { title: "Resultat" };

function describeEntry(e: ReferenceEntry, r: ReferenceMessages): string {
  const kind = e.kind === "reference" ? r.dashboard.reference : r.dashboard.target;
  return `${kind} ${e.year}: ${formatReference(e.indicator, e.value)}${e.source ? ` (${e.source})` : ""}`;
}

/** The entered values of one indicator as lines on its chart, at the cohorts it shows. */
function marksFor(comparisons: Comparison[], indicator: ReferenceIndicator, categories: string[], r: ReferenceMessages): ReferenceMark[] {
  return comparisons
    .filter((c) => c.indicator === indicator && categories.includes(String(c.year)))
    .flatMap((c) => [c.reference, c.target])
    .filter((e): e is ReferenceEntry => e !== null)
    .map((e) => ({
      category: String(e.year),
      value: e.value,
      kind: e.kind,
      label: describeEntry(e, r),
      short: e.kind === "reference" ? (e.source ?? r.dashboard.chartReference).split(/[ (]/)[0] : r.dashboard.chartTarget,
    }));
}

const pct = (v: number) => `${Math.round(v * 100)} %`;
const GROUPS: Group[] = ["total", "K", "M"];

function Share({ v, t }: { v: number | null; t: ResultsMessages }) {
  return v === null ? <abbr title={t.suppressedNote.split(":")[0]}>{t.suppressed}</abbr> : <>{pct(v)}</>;
}

export default async function ResultsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("metrics:read");
  const t = await getAreaMessages(resultsMessages);
  const rt = await getAreaMessages(referenceMessages);
  const sp = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const one of Array.isArray(v) ? v : v ? [v] : []) params.append(k, one);
  const d = await getDashboard(user, parseDashboardFilter(params));
  const query = filterToSearchParams(d.filter).toString();
  const groups = d.filter.gender ? [d.filter.gender] : GROUPS;
  const o90Cohorts = [...new Set(d.outcome90.map((r) => r.cohort))];
  const fwCohorts = [...new Set(d.firstWorkplace.map((r) => r.cohort))];
  const note = t.suppressedNote.replaceAll("{minN}", String(d.minN));
  // Names only for those allowed to see the people (a coordinator, their own unit).
  const drill = mayDrillDown(user);
  const people = async (which: Drilldown) => (drill ? peopleBehind(user, which, d.metricFilter) : null);
  const [pOutcome, pReason, pEducation, pCoordinator, pIdle] = [
    await people("exitsWithoutOutcome"),
    await people("exitsWithoutReason"),
    await people("withoutEducationLevel"),
    await people("withoutCoordinator"),
    await people("idle"),
  ];

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {d.stale && (
        <p className="notice" role="status">
          {t.staleNote.replace("{time}", new Date(d.computedAt).toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" }))}
        </p>
      )}

      <form method="get" className="filters" aria-label={t.filters}>
        <div className="field">
          <label htmlFor="asOf">{t.asOf}</label>
          <input id="asOf" name="asOf" type="date" defaultValue={d.asOf} />
        </div>
        {d.options.cohorts.length > 0 && (
          <fieldset>
            <legend>{t.cohorts}</legend>
            <div className="checks">
              {d.options.cohorts.map((c) => (
                <label key={c}>
                  <input type="checkbox" name="cohort" value={c} defaultChecked={d.filter.cohorts.includes(c)} /> {c}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {!d.forcedUnitId && (
          <div className="field">
            <label htmlFor="unit">{t.unit}</label>
            <select id="unit" name="unit" defaultValue={d.filter.unitId ?? ""}>
              <option value="">{t.allUnits}</option>
              {d.options.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="coordinator">{t.coordinator}</label>
          <select id="coordinator" name="coordinator" defaultValue={d.filter.coordinatorId ?? ""}>
            <option value="">{t.allCoordinators}</option>
            {d.options.coordinators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gender">{t.gender}</label>
          <select id="gender" name="gender" defaultValue={d.filter.gender ?? ""}>
            <option value="">{t.allGenders}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t.groups[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="education">{t.education}</label>
          <select id="education" name="education" defaultValue={d.filter.educationLevel ?? ""}>
            <option value="">{t.any}</option>
            {EDUCATION_LEVELS.map((e) => (
              <option key={e} value={e}>
                {t.educationLevels[e]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="settlement">{t.settlement}</label>
          <select id="settlement" name="settlement" defaultValue={d.filter.settlement ?? ""}>
            <option value="">{t.any}</option>
            {SETTLEMENTS.map((s) => (
              <option key={s} value={s}>
                {t.settlements[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="track">{t.track}</label>
          <select id="track" name="track" defaultValue={d.filter.track ?? ""}>
            <option value="">{t.any}</option>
            {TRACKS.map((s) => (
              <option key={s} value={s}>
                {t.tracks[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions-row">
          <button type="submit" className="primary">
            {t.apply}
          </button>
          <Link href="/resultat">{t.reset}</Link>
        </div>
      </form>

      {hasPermission(user, "metrics:export") && (
        <p className="export-links">
          <a href={`/api/export/resultat?${query}${query ? "&" : ""}format=csv`} download>
            {t.exportCsv}
          </a>
          <a href={`/api/export/resultat?${query}${query ? "&" : ""}format=xlsx`} download>
            {t.exportXlsx}
          </a>
        </p>
      )}
      <p className="definition">{note}</p>

      <section aria-labelledby="now-title">
        <h2 id="now-title">
          {t.now.title} {d.asOf}
        </h2>
        <div className="figures">
          <div className="figure-card" data-figure="active">
            <span className="value">{d.idle.active}</span> {t.now.active}
            <p className="definition">{t.now.activeDefinition}</p>
          </div>
          <div className="figure-card" data-figure="idle">
            <span className="value">{d.idle.idle}</span> {t.now.idle}
            <p className="definition">{t.now.idleDefinition}</p>
            <People people={pIdle} t={t} />
          </div>
          <div className="figure-card" data-figure="inWorkplace">
            <span className="value">{d.workplaceNow.inWorkplace}</span> {t.now.inWorkplace} ({t.now.share}{" "}
            <Share v={d.workplaceNow.shareInWorkplace} t={t} />)
            <p className="definition">{t.now.inWorkplaceDefinition}</p>
          </div>
          <div className="figure-card" data-figure="sfiAndWorkplace">
            <span className="value">{d.workplaceNow.sfiAndWorkplace}</span> {t.now.sfiAndWorkplace} ({t.now.share}{" "}
            <Share v={d.workplaceNow.shareSfiAndWorkplace} t={t} />)
            <p className="definition">{t.now.sfiAndWorkplaceDefinition}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="o90-title">
        <h2 id="o90-title">{t.outcome90.title}</h2>
        <p className="definition">{t.outcome90.definition}</p>
        {d.outcome90.length === 0 ? (
          <p>{t.noRows}</p>
        ) : (
          <>
            <BarChart
              id="outcome90-chart"
              title={t.outcome90.chart}
              description={t.outcome90.definition}
              categories={o90Cohorts}
              series={groups.map((g, i) => ({
                name: t.groups[g],
                color: seriesColor(i),
                values: o90Cohorts.map((c) => d.outcome90.find((r) => r.cohort === c && r.group === g)?.share ?? null),
              }))}
              format={pct}
              max={1}
              suppressedLabel={t.suppressed}
              references={marksFor(d.comparisons, "outcome90.share", o90Cohorts, rt)}
              referenceLegend={{ reference: rt.dashboard.legendReference, target: rt.dashboard.legendTarget }}
            />
            <table className="table" id="outcome90-table">
              <caption className="visually-hidden">{t.outcome90.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.cohort}</th>
                  <th scope="col">{t.group}</th>
                  <th scope="col" className="num">{t.n}</th>
                  <th scope="col" className="num">{t.outcome90.recorded}</th>
                  <th scope="col" className="num">{t.outcome90.work}</th>
                  <th scope="col" className="num">{t.outcome90.studies}</th>
                  <th scope="col" className="num">{t.outcome90.workAndStudies}</th>
                  <th scope="col" className="num">{t.outcome90.share}</th>
                </tr>
              </thead>
              <tbody>
                {d.outcome90.map((r) => (
                  <tr key={`${r.cohort}-${r.group}`} data-cohort={r.cohort} data-group={r.group}>
                    <th scope="row">{r.cohort}</th>
                    <td>{t.groups[r.group]}</td>
                    <td className="num">{r.n}</td>
                    <td className="num">{r.recorded}</td>
                    <td className="num">{r.work}</td>
                    <td className="num">{r.studies}</td>
                    <td className="num">{r.workAndStudies}</td>
                    <td className="num" data-share={r.share ?? ""}>
                      <Share v={r.share} t={t} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="fw-title">
        <h2 id="fw-title">{t.firstWorkplace.title}</h2>
        <p className="definition">{t.firstWorkplace.definition}</p>
        {d.firstWorkplace.length === 0 ? (
          <p>{t.noRows}</p>
        ) : (
          <>
            <LineChart
              id="first-workplace-chart"
              title={t.firstWorkplace.chart}
              description={t.firstWorkplace.definition}
              categories={fwCohorts}
              series={groups.map((g, i) => ({
                name: t.groups[g],
                color: seriesColor(i),
                values: fwCohorts.map((c) => d.firstWorkplace.find((r) => r.cohort === c && r.group === g)?.medianDays ?? null),
              }))}
              format={(v) => String(Math.round(v))}
              suppressedLabel={t.suppressed}
              references={marksFor(d.comparisons, "firstWorkplace.medianDays", fwCohorts, rt)}
              referenceLegend={{ reference: rt.dashboard.legendReference, target: rt.dashboard.legendTarget }}
            />
            <table className="table" id="first-workplace-table">
              <caption className="visually-hidden">{t.firstWorkplace.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.cohort}</th>
                  <th scope="col">{t.group}</th>
                  <th scope="col" className="num">{t.n}</th>
                  <th scope="col" className="num">{t.firstWorkplace.reached}</th>
                  <th scope="col" className="num">{t.firstWorkplace.medianDays}</th>
                  <th scope="col" className="num">{t.firstWorkplace.shareWithin365}</th>
                </tr>
              </thead>
              <tbody>
                {d.firstWorkplace.map((r) => (
                  <tr key={`${r.cohort}-${r.group}`} data-cohort={r.cohort} data-group={r.group}>
                    <th scope="row">{r.cohort}</th>
                    <td>{t.groups[r.group]}</td>
                    <td className="num">{r.n}</td>
                    <td className="num">{r.reached}</td>
                    <td className="num">{r.medianDays === null ? <abbr title={note}>{t.suppressed}</abbr> : r.medianDays}</td>
                    <td className="num">
                      <Share v={r.shareWithin365} t={t} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {d.comparisons.length > 0 && (
        <section aria-labelledby="reference-title">
          <h2 id="reference-title">{rt.dashboard.title}</h2>
          <p className="definition">{rt.dashboard.definition}</p>
          <div className="table-scroll">
            <table className="table" id="reference-table">
              <caption className="visually-hidden">{rt.dashboard.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt.indicator}</th>
                  <th scope="col">{rt.year}</th>
                  <th scope="col" className="num">{rt.dashboard.local}</th>
                  <th scope="col" className="num">{rt.dashboard.reference}</th>
                  <th scope="col">{rt.source}</th>
                  <th scope="col" className="num">{rt.dashboard.target}</th>
                </tr>
              </thead>
              <tbody>
                {d.comparisons.map((c) => (
                  <tr key={`${c.indicator}-${c.year}`} data-indicator={c.indicator} data-year={c.year}>
                    <th scope="row">{rt.indicators[c.indicator]}</th>
                    <td>{c.year}</td>
                    <td className="num" data-local={c.local ?? ""}>
                      {c.local === null ? <abbr title={note}>{t.suppressed}</abbr> : formatReference(c.indicator, c.local)}
                    </td>
                    <td className="num" data-reference={c.reference?.value ?? ""}>
                      {c.reference ? formatReference(c.indicator, c.reference.value) : rt.dashboard.none}
                    </td>
                    <td>{c.reference?.source ?? ""}</td>
                    <td className="num" data-target={c.target?.value ?? ""}>
                      {c.target ? formatReference(c.indicator, c.target.value) : rt.dashboard.none}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="sfi-title">
        <h2 id="sfi-title">{t.sfi.title}</h2>
        <p className="definition">{t.sfi.definition}</p>
        {d.sfiResults.length === 0 ? (
          <p>{t.noRows}</p>
        ) : (
          <table className="table" id="sfi-table">
            <thead>
              <tr>
                <th scope="col">{t.cohort}</th>
                <th scope="col">{t.group}</th>
                <th scope="col" className="num">{t.n}</th>
                <th scope="col" className="num">{t.sfi.passed}</th>
                <th scope="col" className="num">{t.sfi.interrupted}</th>
                <th scope="col" className="num">{t.sfi.studying}</th>
                <th scope="col" className="num">{t.sfi.toWork}</th>
              </tr>
            </thead>
            <tbody>
              {d.sfiResults.map((r) => (
                <tr key={`${r.cohort}-${r.group}`}>
                  <th scope="row">{r.cohort}</th>
                  <td>{t.groups[r.group]}</td>
                  <td className="num">{r.n}</td>
                  <td className="num">
                    {r.passed} (<Share v={r.sharePassed} t={t} />)
                  </td>
                  <td className="num">
                    {r.interrupted} (<Share v={r.shareInterrupted} t={t} />)
                  </td>
                  <td className="num">
                    {r.studying} (<Share v={r.shareStudying} t={t} />)
                  </td>
                  <td className="num">
                    {r.interruptedToWorkOrStudies} (<Share v={r.shareInterruptedToWorkOrStudies} t={t} />)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="health-title">
        <h2 id="health-title">{t.health.title}</h2>
        <p className="definition">{t.health.definition}</p>
        {d.healthCoverage.length === 0 ? (
          <p>{t.noRows}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.cohort}</th>
                <th scope="col">{t.group}</th>
                <th scope="col" className="num">{t.n}</th>
                <th scope="col" className="num">{t.health.offered}</th>
                <th scope="col" className="num">{t.health.completed}</th>
              </tr>
            </thead>
            <tbody>
              {d.healthCoverage.map((r) => (
                <tr key={`${r.cohort}-${r.group}`}>
                  <th scope="row">{r.cohort}</th>
                  <td>{t.groups[r.group]}</td>
                  <td className="num">{r.n}</td>
                  <td className="num">
                    {r.offered} (<Share v={r.shareOffered} t={t} />)
                  </td>
                  <td className="num">
                    {r.completed} (<Share v={r.shareCompleted} t={t} />)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="lead-title">
        <h2 id="lead-title">{t.lead.title}</h2>
        <p className="definition">{t.lead.definition}</p>
        <dl className="facts">
          <dt>{t.lead.transitions}</dt>
          <dd>{d.leadTimes.transitions}</dd>
          <dt>{t.lead.median}</dt>
          <dd>{d.leadTimes.medianGapDays === null ? <abbr title={note}>{t.suppressed}</abbr> : d.leadTimes.medianGapDays}</dd>
          <dt>{t.lead.over30}</dt>
          <dd>{d.leadTimes.gapsOver30}</dd>
        </dl>
      </section>

      <section aria-labelledby="completeness-title">
        <h2 id="completeness-title">{t.completeness.title}</h2>
        <p className="definition">{t.completeness.intro}</p>
        <dl className="facts">
          <dt>{t.completeness.exitsWithoutOutcome}</dt>
          <dd>
            {d.completeness.exitsWithoutOutcome}
            <People people={pOutcome} t={t} />
          </dd>
          <dt>{t.completeness.exitsWithoutReason}</dt>
          <dd>
            {d.completeness.exitsWithoutReason}
            <People people={pReason} t={t} />
          </dd>
          <dt>{t.completeness.withoutEducationLevel}</dt>
          <dd>
            {d.completeness.withoutEducationLevel}
            <People people={pEducation} t={t} />
          </dd>
          <dt>{t.completeness.withoutCoordinator}</dt>
          <dd>
            {d.completeness.withoutCoordinator}
            <People people={pCoordinator} t={t} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="caseload-title">
        <h2 id="caseload-title">{t.caseload.title}</h2>
        <p className="definition">{t.caseload.definition}</p>
        <p className="definition">{t.caseload.signalsDefinition}</p>
        <table className="table" id="caseload-table">
          <thead>
            <tr>
              <th scope="col">{t.caseload.coordinator}</th>
              <th scope="col" className="num">{t.caseload.active}</th>
              <th scope="col" className="num">{t.caseload.signals}</th>
            </tr>
          </thead>
          <tbody>
            {d.caseload.map((r) => (
              <tr key={r.coordinatorId ?? "none"} data-coordinator={r.coordinatorId ?? ""}>
                <th scope="row">{r.coordinatorName ?? t.caseload.nobody}</th>
                <td className="num">{r.active}</td>
                <td className="num" data-signals={r.signals}>{r.signals}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table" id="unit-signals-table">
          <caption>{t.caseload.byUnit}</caption>
          <thead>
            <tr>
              <th scope="col">{t.caseload.unit}</th>
              <th scope="col" className="num">{t.caseload.signals}</th>
            </tr>
          </thead>
          <tbody>
            {d.signalsByUnit.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.unitName}</th>
                <td className="num" data-signals={u.signals}>{u.signals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
