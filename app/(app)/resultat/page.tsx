// Resultat: the key figures for managers (their municipality) and coordinators (their unit),
// with filters, charts beside the same numbers as tables, definitions, and exports.
import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePermission } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/dates";
import { filterToSearchParams, getDashboard, parseDashboardFilter } from "@/lib/metrics/dashboard";
import { getAreaMessages, getLocale, pickMessages, pageTitle } from "@/lib/i18n/server";
import { resultsMessages, type ResultsMessages } from "@/lib/i18n/areas/results";
import { EDUCATION_LEVELS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import { BarChart, LineChart, type ReferenceMark } from "@/app/_components/charts";
import { seriesColor } from "@/app/_components/chart-palette";
import { referenceMessages, type ReferenceMessages } from "@/lib/i18n/areas/reference";
import { formatReference, type ReferenceIndicator } from "@/lib/references/indicators";
import { ApplyFilters } from "./ApplyFilters";
import { PeopleList } from "./PeopleList";
import { FilterSelect } from "./FilterSelect";
import type { Comparison, ReferenceEntry } from "@/lib/metrics/references";
import type { Group } from "@/lib/metrics/indicators";
import { mayDrillDown, type Drilldown } from "@/lib/metrics/drilldown";
import { CohortTable, cohortSeries, type CohortColumn } from "./CohortTable";
import { ListTable, type ListColumn } from "@/app/_components/ListTable";
import { DataTable, type DataRow, type Inline } from "@/app/_components/DataTable";

/** The people behind a figure, for those who may see them (a coordinator, their own unit). */
function People({ which, count, drill, t }: { which: Drilldown; count: number; drill: { filter: string } | null; t: ResultsMessages }) {
  return drill ? <PeopleList which={which} filter={drill.filter} count={count} t={pickMessages(t, PEOPLE_LABELS)} /> : null;
}
const PEOPLE_LABELS = ["showPeople", "peopleNote", "peopleLoading", "peopleFailed", "peopleNone", "peopleMore"] as const;

export async function generateMetadata(): Promise<Metadata> { return pageTitle("results"); }

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

/** A filter: a select named as its query parameter, "all" first. */
function filterSelect(name: string, label: string, value: string | undefined, all: string, options: { value: string; label: string }[]) {
  return <FilterSelect name={name} label={label} value={value} all={all} options={options} />;
}

/** A figure of the reference table, formatted for its indicator (`empty` when there is none); the stored value as data-<name>, for the journeys. */
function valueColumn(name: "local" | "reference" | "target", label: string, value: (c: Comparison) => number | null | undefined, empty: ReactNode): ListColumn<Comparison> {
  return {
    label,
    num: true,
    data: (c) => ({ [name]: value(c) ?? "" }),
    cell: (c) => {
      const v = value(c);
      return v == null ? empty : formatReference(c.indicator, v);
    },
  };
}

const pct = (v: number) => `${Math.round(v * 100)} %`;
/** A difference of two shares in percentage points, with its sign: "+12", "−3", "0". */
const signedPoints = (v: number) => {
  const p = Math.round(v * 100);
  return p > 0 ? `+${p}` : p < 0 ? `−${-p}` : "0";
};
const GROUPS: Group[] = ["total", "K", "M"];

/** Why a share is not shown: nobody to count it over, or too few (the note with the threshold). */
interface Blank {
  mark: string;
  note: string;
  none: string;
}

/**
 * A share as text: whole percent, or "–" with why: nobody in the group (its denominator 0), or
 * fewer than the threshold.
 */
const shareText = (v: number | null, of: number, blank: Blank): Inline => (v !== null ? pct(v) : { abbr: blank.mark, title: of === 0 ? blank.none : blank.note });

function Share({ v, of, blank }: { v: number | null; of: number; blank: Blank }) {
  const text = shareText(v, of, blank);
  return typeof text === "object" ? <abbr title={text.title}>{text.abbr}</abbr> : <>{text}</>;
}

export default async function ResultsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("metrics:read");
  const t = await getAreaMessages(resultsMessages);
  const locale = await getLocale();
  const rt = await getAreaMessages(referenceMessages);
  const sp = await searchParams;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const one of Array.isArray(v) ? v : v ? [v] : []) params.append(k, one);
  const d = await getDashboard(user, parseDashboardFilter(params));
  const query = filterToSearchParams(d.filter).toString();
  const groups = d.filter.gender ? [d.filter.gender] : GROUPS;
  const referenceLegend = { reference: rt.dashboard.legendReference, target: rt.dashboard.legendTarget };
  /** A cohort figure: heading, definition, a chart of one of its numbers (with entered reference values) and the table. */
  const cohortSection = <R extends { cohort: string; group: Group; n: number }>(x: {
    id: string;
    title: string;
    definition: string;
    rows: R[];
    chart: { id: string; kind: "bar" | "line"; title: string; value: (r: R) => number | null; indicator: ReferenceIndicator };
    tableId: string;
    columns: CohortColumn<R>[];
  }) => {
    const cohorts = [...new Set(x.rows.map((r) => r.cohort))];
    const share = x.chart.kind === "bar";
    const Chart = share ? BarChart : LineChart;
    return (
      <section aria-labelledby={`${x.id}-title`}>
        <h2 id={`${x.id}-title`}>{x.title}</h2>
        <p className="definition">{x.definition}</p>
        {x.rows.length === 0 ? (
          <p>{t.noRows}</p>
        ) : (
          <>
            <Chart
              id={x.chart.id}
              title={x.chart.title}
              description={x.definition}
              categories={cohorts}
              series={cohortSeries(x.rows, cohorts, groups, x.chart.value, (g) => t.groups[g], seriesColor)}
              scale={share ? "share" : "count"}
              max={share ? 1 : undefined}
              suppressedLabel={t.suppressed}
              references={marksFor(d.comparisons, x.chart.indicator, cohorts, rt)}
              referenceLegend={referenceLegend}
            />
            <CohortTable id={x.tableId} caption={x.title} rows={x.rows} columns={x.columns} t={t} />
          </>
        )}
      </section>
    );
  };
  const note = t.suppressedNote.replaceAll("{minN}", String(d.minN));
  const blank: Blank = { mark: t.suppressed, note, none: t.noneInGroup };
  /** A count and its share of `of` people, e.g. "12 (45 %)". */
  const withShare = (count: number, share: number | null, of: number): Inline[] => [count, " (", shareText(share, of, blank), ")"];
  const days = new Intl.NumberFormat(locale === "en" ? "en-GB" : "sv-SE", { maximumFractionDigits: 1 });
  // Names only for those allowed to see the people (a coordinator, their own unit), fetched when
  // a list is opened, under the filters the page shows.
  const drill = mayDrillDown(user) ? { filter: query } : null;

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
          <input id="asOf" name="asOf" type="date" defaultValue={d.asOf} max={todayIso()} aria-describedby="asOf-hint" />
          <span id="asOf-hint" className="definition">
            {t.asOfHint}
          </span>
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
        {!d.forcedUnitId && filterSelect("unit", t.unit, d.filter.unitId, t.allUnits, d.options.units.map((u) => ({ value: u.id, label: u.name })))}
        {d.show.coordinatorFilter ? (
          filterSelect("coordinator", t.coordinator, d.filter.coordinatorId, t.allCoordinators, d.options.coordinators.map((c) => ({ value: c.id, label: c.name })))
        ) : (
          <div className="field">
            <span className="label">{t.coordinator}</span>
            <p className="definition">{t.coordinatorNeedsUnit}</p>
            {d.filter.coordinatorId && <input type="hidden" name="coordinator" value={d.filter.coordinatorId} />}
          </div>
        )}
        {filterSelect("gender", t.gender, d.filter.gender, t.allGenders, GROUPS.map((g) => ({ value: g, label: t.genderOptions[g] })))}
        {filterSelect("education", t.education, d.filter.educationLevel, t.any, EDUCATION_LEVELS.map((e) => ({ value: e, label: t.educationLevels[e] })))}
        {filterSelect("settlement", t.settlement, d.filter.settlement, t.any, SETTLEMENTS.map((x) => ({ value: x, label: t.settlements[x] })))}
        {filterSelect("track", t.track, d.filter.track, t.any, TRACKS.map((x) => ({ value: x, label: t.tracks[x] })))}
        <div className="actions-row">
          <ApplyFilters label={t.apply} computing={t.computing} />
          <Link href="/resultat">{t.reset}</Link>
        </div>
      </form>

      {hasPermission(user, "metrics:export") && (
        <p className="export-links">
          <a href={`/api/export/resultat?${query}${query ? "&" : ""}snapshot=${d.snapshotId}&format=csv`} download>
            {t.exportCsv}
          </a>
          <a href={`/api/export/resultat?${query}${query ? "&" : ""}snapshot=${d.snapshotId}&format=xlsx`} download>
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
            <People which="idle" count={d.idle.idle} drill={drill} t={t} />
          </div>
          <div className="figure-card" data-figure="inWorkplace">
            <span className="value">{d.workplaceNow.inWorkplace}</span> {t.now.inWorkplace} ({t.now.share}{" "}
            <Share v={d.workplaceNow.shareInWorkplace} of={d.idle.active} blank={blank} />)
            <p className="definition">{t.now.inWorkplaceDefinition}</p>
          </div>
          <div className="figure-card" data-figure="sfiAndWorkplace">
            <span className="value">{d.workplaceNow.sfiAndWorkplace}</span> {t.now.sfiAndWorkplace} ({t.now.share}{" "}
            <Share v={d.workplaceNow.shareSfiAndWorkplace} of={d.idle.active} blank={blank} />)
            <p className="definition">{t.now.sfiAndWorkplaceDefinition}</p>
          </div>
        </div>
      </section>

      {cohortSection({
        id: "o90",
        title: t.outcome90.title,
        definition: t.outcome90.definition,
        rows: d.outcome90,
        chart: { id: "outcome90-chart", kind: "bar", title: t.outcome90.chart, value: (r) => r.share, indicator: "outcome90.share" },
        tableId: "outcome90-table",
        columns: [
          { label: t.outcome90.recorded, cell: (r) => r.recorded },
          { label: t.outcome90.work, cell: (r) => r.work },
          { label: t.outcome90.studies, cell: (r) => r.studies },
          { label: t.outcome90.workAndStudies, cell: (r) => r.workAndStudies },
          { label: t.outcome90.share, cell: (r) => shareText(r.share, r.n, blank), data: (r) => ({ share: r.share ?? "" }) },
        ],
      })}

      <section aria-labelledby="worked-title">
        <h2 id="worked-title">{t.worked.title}</h2>
        <p className="definition">{t.worked.definition}</p>
        {d.outcomeByActivity.n === 0 ? (
          <p>{t.worked.none}</p>
        ) : (
          <>
            <p data-figure="worked-all">{t.worked.all.replace("{n}", String(d.outcomeByActivity.n)).replace("{share}", d.outcomeByActivity.share === null ? t.suppressed : pct(d.outcomeByActivity.share))}</p>
            <DataTable
              id="worked-table"
              caption={t.worked.title}
              regionLabel={t.tableRegion.replace("{caption}", () => t.worked.title)}
              columns={[
                { label: t.worked.activity },
                { label: t.worked.withN, num: true },
                { label: t.worked.withShare, num: true },
                { label: t.worked.withoutN, num: true },
                { label: t.worked.withoutShare, num: true },
                { label: t.worked.difference, num: true },
              ]}
              rows={d.outcomeByActivity.rows.map((r): DataRow => ({
                data: { type: r.type },
                cells: [
                  t.worked.types[r.type] ?? r.type,
                  r.withN,
                  { parts: [shareText(r.withShare, r.withN, blank)], data: { share: r.withShare ?? "" } },
                  r.withoutN,
                  { parts: [shareText(r.withoutShare, r.withoutN, blank)], data: { share: r.withoutShare ?? "" } },
                  { parts: [r.difference === null ? { abbr: t.suppressed, title: note } : signedPoints(r.difference)], data: { difference: r.difference ?? "" } },
                ],
              }))}
            />
            <p className="definition">{t.worked.caution}</p>
          </>
        )}
      </section>

      {cohortSection({
        id: "fw",
        title: t.firstWorkplace.title,
        definition: t.firstWorkplace.definition,
        rows: d.firstWorkplace,
        chart: { id: "first-workplace-chart", kind: "line", title: t.firstWorkplace.chart, value: (r) => r.medianDays, indicator: "firstWorkplace.medianDays" },
        tableId: "first-workplace-table",
        columns: [
          { label: t.firstWorkplace.reached, cell: (r) => r.reached },
          { label: t.firstWorkplace.medianDays, cell: (r) => (r.medianDays === null ? { abbr: t.suppressed, title: r.n >= d.minN ? t.noneReached : note } : days.format(r.medianDays)) },
          { label: t.firstWorkplace.shareWithin365, cell: (r) => shareText(r.shareWithin365, r.n, blank) },
        ],
      })}

      {d.comparisons.length > 0 && (
        <section aria-labelledby="reference-title">
          <h2 id="reference-title">{rt.dashboard.title}</h2>
          <p className="definition">{rt.dashboard.definition}</p>
          <ListTable
            id="reference-table"
            caption={rt.dashboard.title}
            regionLabel={t.tableRegion.replace("{caption}", () => rt.dashboard.title)}
            rows={d.comparisons}
            rowKey={(c) => `${c.indicator}-${c.year}`}
            rowProps={(c) => ({ "data-indicator": c.indicator, "data-year": c.year })}
            columns={[
              { label: rt.indicator, cell: (c) => rt.indicators[c.indicator] },
              { label: rt.year, cell: (c) => c.year },
              valueColumn("local", rt.dashboard.local, (c) => c.local, <abbr title={note}>{t.suppressed}</abbr>),
              valueColumn("reference", rt.dashboard.reference, (c) => c.reference?.value, rt.dashboard.none),
              { label: rt.source, cell: (c) => c.reference?.source ?? "" },
              valueColumn("target", rt.dashboard.target, (c) => c.target?.value, rt.dashboard.none),
            ]}
          />
        </section>
      )}

      {cohortSection({
        id: "sfi",
        title: t.sfi.title,
        definition: t.sfi.definition,
        rows: d.sfiResults,
        chart: { id: "sfi-chart", kind: "bar", title: t.sfi.chart, value: (r) => r.sharePassed, indicator: "sfiResults.sharePassed" },
        tableId: "sfi-table",
        columns: [
          { label: t.sfi.passed, cell: (r) => withShare(r.passed, r.sharePassed, r.n) },
          { label: t.sfi.interrupted, cell: (r) => withShare(r.interrupted, r.shareInterrupted, r.n) },
          { label: t.sfi.studying, cell: (r) => withShare(r.studying, r.shareStudying, r.n) },
          { label: t.sfi.toWork, cell: (r) => withShare(r.interruptedToWorkOrStudies, r.shareInterruptedToWorkOrStudies, r.interrupted) },
        ],
      })}

      {cohortSection({
        id: "health",
        title: t.health.title,
        definition: t.health.definition,
        rows: d.healthCoverage,
        chart: { id: "health-chart", kind: "bar", title: t.health.chart, value: (r) => r.shareOffered, indicator: "healthCoverage.shareOffered" },
        tableId: "health-table",
        columns: [
          { label: t.health.offered, cell: (r) => withShare(r.offered, r.shareOffered, r.n) },
          { label: t.health.completed, cell: (r) => withShare(r.completed, r.shareCompleted, r.n) },
        ],
      })}

      <section aria-labelledby="lead-title">
        <h2 id="lead-title">{t.lead.title}</h2>
        <p className="definition">{t.lead.definition}</p>
        <dl className="facts">
          <dt>{t.lead.transitions}</dt>
          <dd>{d.leadTimes.transitions}</dd>
          <dt>{t.lead.median}</dt>
          <dd>{d.leadTimes.medianGapDays === null ? <abbr title={note}>{t.suppressed}</abbr> : days.format(d.leadTimes.medianGapDays)}</dd>
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
            <People which="exitsWithoutOutcome" count={d.completeness.exitsWithoutOutcome} drill={drill} t={t} />
          </dd>
          <dt>{t.completeness.exitsWithoutReason}</dt>
          <dd>
            {d.completeness.exitsWithoutReason}
            <People which="exitsWithoutReason" count={d.completeness.exitsWithoutReason} drill={drill} t={t} />
          </dd>
          <dt>{t.completeness.withoutEducationLevel}</dt>
          <dd>
            {d.completeness.withoutEducationLevel}
            <People which="withoutEducationLevel" count={d.completeness.withoutEducationLevel} drill={drill} t={t} />
          </dd>
          <dt>{t.completeness.withoutCoordinator}</dt>
          <dd>
            {d.completeness.withoutCoordinator}
            <People which="withoutCoordinator" count={d.completeness.withoutCoordinator} drill={drill} t={t} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="caseload-title">
        <h2 id="caseload-title">{t.caseload.title}</h2>
        <p className="definition">{t.caseload.definition}</p>
        <p className="definition">{t.caseload.signalsDefinition}</p>
        {!d.show.caseloadRows ? (
          <p className="notice">{t.caseload.chooseUnit.replace("{n}", String(d.caseload.length))}</p>
        ) : (
          <DataTable
            id="caseload-table"
            caption={t.caseload.title}
            regionLabel={t.tableRegion.replace("{caption}", () => t.caseload.title)}
            columns={[{ label: t.caseload.coordinator }, { label: t.caseload.active, num: true }, { label: t.caseload.signals, num: true }]}
            rows={d.caseload.map((r) => ({
              data: { coordinator: r.coordinatorId ?? "" },
              cells: [r.coordinatorName ?? t.caseload.nobody, r.active, { parts: [r.signals], data: { signals: r.signals } }],
            }))}
          />
        )}
        <DataTable
          id="unit-signals-table"
          caption={t.caseload.byUnit}
          regionLabel={t.tableRegion.replace("{caption}", () => t.caseload.byUnit)}
          showCaption
          columns={[{ label: t.caseload.unit }, { label: t.caseload.signals, num: true }]}
          rows={d.signalsByUnit.map((u) => ({ cells: [u.unitName, { parts: [u.signals], data: { signals: u.signals } }] }))}
        />
      </section>
    </>
  );
}
