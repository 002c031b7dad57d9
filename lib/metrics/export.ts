// Export of what the dashboard shows, with the selection and the definitions in the file.
import ExcelJS from "exceljs";
import type { ResultsMessages } from "@/lib/i18n/areas/results";
import { referenceMessages, type ReferenceMessages } from "@/lib/i18n/areas/reference";
import type { Dashboard } from "./dashboard";

export interface ExportTable {
  title: string;
  definition: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** The columns (0-based) that hold shares, fractions 0–1: a spreadsheet shows them as percent. */
  shares?: number[];
}

/** A figure, or the page's mark for one that is not shown (suppressed, or nobody to count). */
const SUPPRESSED = "–";
const cell = (v: number | null) => (v === null ? SUPPRESSED : v);
/** A difference of two shares in percentage points, as the page shows it (to two decimals here). */
const points = (v: number | null) => (v === null ? SUPPRESSED : Math.round(v * 10_000) / 100);

/** The dashboard's tables as plain rows, in the order the page shows them. */
export function exportTables(d: Dashboard, t: ResultsMessages, rt: ReferenceMessages = referenceMessages.sv): ExportTable[] {
  const g = (x: string) => t.groups[x] ?? x;
  return [
    {
      title: t.outcome90.title,
      definition: t.outcome90.definition,
      columns: [t.cohort, t.group, t.n, t.outcome90.recorded, t.outcome90.work, t.outcome90.studies, t.outcome90.workAndStudies, t.outcome90.share],
      rows: d.outcome90.map((r) => [r.cohort, g(r.group), r.n, r.recorded, r.work, r.studies, r.workAndStudies, cell(r.share)]),
      shares: [7],
    },
    {
      title: t.worked.title,
      definition: `${t.worked.definition} ${t.worked.caution}`,
      columns: [t.worked.activity, t.worked.withN, t.worked.withShare, t.worked.withoutN, t.worked.withoutShare, t.worked.difference],
      rows: d.outcomeByActivity.rows.map((r) => [t.worked.types[r.type] ?? r.type, r.withN, cell(r.withShare), r.withoutN, cell(r.withoutShare), points(r.difference)]),
      shares: [2, 4],
    },
    {
      title: t.firstWorkplace.title,
      definition: t.firstWorkplace.definition,
      columns: [t.cohort, t.group, t.n, t.firstWorkplace.reached, t.firstWorkplace.medianDays, t.firstWorkplace.shareWithin365],
      rows: d.firstWorkplace.map((r) => [r.cohort, g(r.group), r.n, r.reached, cell(r.medianDays), cell(r.shareWithin365)]),
      shares: [5],
    },
    {
      title: t.now.title,
      definition: `${t.now.activeDefinition} ${t.now.idleDefinition} ${t.now.inWorkplaceDefinition} ${t.now.sfiAndWorkplaceDefinition}`,
      columns: [t.now.active, t.now.idle, t.now.inWorkplace, t.now.sfiAndWorkplace],
      rows: [[d.idle.active, d.idle.idle, d.workplaceNow.inWorkplace, d.workplaceNow.sfiAndWorkplace]],
    },
    {
      title: t.completeness.title,
      definition: t.completeness.intro,
      columns: [t.completeness.exitsWithoutOutcome, t.completeness.exitsWithoutReason, t.completeness.withoutEducationLevel, t.completeness.withoutCoordinator],
      rows: [[d.completeness.exitsWithoutOutcome, d.completeness.exitsWithoutReason, d.completeness.withoutEducationLevel, d.completeness.withoutCoordinator]],
    },
    {
      title: t.sfi.title,
      definition: t.sfi.definition,
      columns: [
        t.cohort,
        t.group,
        t.n,
        t.sfi.passed,
        t.sfi.interrupted,
        t.sfi.studying,
        t.sfi.toWork,
        `${t.sfi.passed} (${t.share})`,
        `${t.sfi.interrupted} (${t.share})`,
        `${t.sfi.studying} (${t.share})`,
        `${t.sfi.toWork} (${t.shareOfInterrupted})`,
      ],
      rows: d.sfiResults.map((r) => [
        r.cohort,
        g(r.group),
        r.n,
        r.passed,
        r.interrupted,
        r.studying,
        r.interruptedToWorkOrStudies,
        cell(r.sharePassed),
        cell(r.shareInterrupted),
        cell(r.shareStudying),
        cell(r.shareInterruptedToWorkOrStudies),
      ]),
      shares: [7, 8, 9, 10],
    },
    {
      title: t.health.title,
      definition: t.health.definition,
      columns: [t.cohort, t.group, t.n, t.health.offered, t.health.completed, `${t.health.offered} (${t.share})`, `${t.health.completed} (${t.share})`],
      rows: d.healthCoverage.map((r) => [r.cohort, g(r.group), r.n, r.offered, r.completed, cell(r.shareOffered), cell(r.shareCompleted)]),
      shares: [5, 6],
    },
    {
      title: t.lead.title,
      definition: t.lead.definition,
      columns: [t.lead.transitions, t.lead.median, t.lead.over30],
      rows: [[d.leadTimes.transitions, cell(d.leadTimes.medianGapDays), d.leadTimes.gapsOver30]],
    },
    {
      title: t.caseload.title,
      definition: `${t.caseload.definition} ${t.caseload.signalsDefinition}`,
      columns: [t.caseload.coordinator, t.caseload.active, t.caseload.signals],
      rows: d.caseload.map((r) => [r.coordinatorName ?? t.caseload.nobody, r.active, r.signals]),
    },
    {
      title: t.caseload.byUnit,
      definition: t.caseload.signalsDefinition,
      columns: [t.caseload.unit, t.caseload.signals],
      rows: d.signalsByUnit.map((u) => [u.unitName, u.signals]),
    },
    {
      // Entered values, not computed: stored as fractions for shares and days for days, like the figures above.
      title: rt.dashboard.title,
      definition: rt.dashboard.definition,
      columns: [rt.indicator, rt.year, rt.dashboard.local, rt.dashboard.reference, rt.source, rt.dashboard.target],
      rows: d.comparisons.map((c) => [rt.indicators[c.indicator] ?? c.indicator, c.year, cell(c.local), c.reference ? c.reference.value : null, c.reference?.source ?? null, c.target ? c.target.value : null]),
    },
  ];
}

/** The selection as label/value pairs, written at the top of every export. */
export function selectionRows(d: Dashboard, t: ResultsMessages): [string, string][] {
  const f = d.filter;
  const unit = d.options.units.find((u) => u.id === f.unitId)?.name ?? t.allUnits;
  const coordinator = d.options.coordinators.find((c) => c.id === f.coordinatorId)?.name ?? t.allCoordinators;
  return [
    ["Etablera", `${d.municipality.name} (${d.municipality.code})`],
    [t.asOf, d.asOf],
    [t.computedAt, new Date(d.computedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" })],
    [t.cohorts, f.cohorts.length ? f.cohorts.join(", ") : t.allCohorts],
    [t.unit, unit],
    [t.coordinator, coordinator],
    [t.gender, f.gender ? t.genderOptions[f.gender] : t.allGenders],
    [t.education, f.educationLevel ? t.educationLevels[f.educationLevel] : t.any],
    [t.settlement, f.settlement ? t.settlements[f.settlement] : t.any],
    [t.track, f.track ? t.tracks[f.track] : t.any],
    ["", t.suppressedNote.replaceAll("{minN}", String(d.minN))],
  ];
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV as Swedish Excel opens it: UTF-8 with BOM, semicolons, decimal comma. */
export function toCsv(d: Dashboard, t: ResultsMessages, rt?: ReferenceMessages): string {
  const line = (cells: (string | number | null)[]) => cells.map((c) => (typeof c === "number" ? String(c).replace(".", ",") : csvCell(c))).join(";");
  const out: string[] = selectionRows(d, t).map(([k, v]) => line([k, v]));
  for (const table of exportTables(d, t, rt)) {
    out.push("", line([table.title]), line([table.definition]), line(table.columns), ...table.rows.map(line));
  }
  return "\uFEFF" + out.join("\r\n") + "\r\n";
}

export async function toXlsx(d: Dashboard, t: ResultsMessages, rt?: ReferenceMessages): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Etablera";
  const sel = wb.addWorksheet(t.filters);
  for (const [k, v] of selectionRows(d, t)) sel.addRow([k, v]);
  sel.getColumn(1).width = 28;
  sel.getColumn(2).width = 60;
  exportTables(d, t, rt).forEach((table, i) => {
    const ws = wb.addWorksheet(`${i + 1} ${table.title}`.slice(0, 31).replace(/[\\/?*[\]:]/g, ""));
    ws.addRow([table.title]).font = { bold: true };
    ws.addRow([table.definition]);
    ws.addRow(table.columns).font = { bold: true };
    // A cohort is a year: a number in the spreadsheet. Shares stay fractions, shown as percent.
    for (const r of table.rows) {
      const row = ws.addRow(r.map((v) => (typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : v)));
      for (const i of table.shares ?? []) if (typeof r[i] === "number") row.getCell(i + 1).numFmt = "0.0%";
    }
    ws.columns.forEach((c) => (c.width = 18));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
