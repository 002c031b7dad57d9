// How import results are written for people: the error lines and the one-line summary of the
// contract (../shared/spec/import-format.md), and the warnings, which the command line writes to
// stderr so that stdout stays as the contract has it.
import { renderImportMessage, type ImportLang } from "./messages";
import type { ImportResult } from "./run";
import type { RowError } from "./validate";

export function formatError(e: RowError, lang: ImportLang): string {
  return `${e.label}:${e.row}: ${e.column}: ${renderImportMessage(e.message, lang)}`;
}

export function formatSummary(r: ImportResult): string {
  return `imported: ${r.imported.participants} participants, ${r.imported.activities} activities, ${r.imported.outcomes} outcomes; updated: ${r.updated}`;
}

export function formatPlan(r: ImportResult): string {
  const p = r.planned;
  return `dry run: ${p.participantsCreate} participants to create, ${p.participantsUpdate} to update; ${p.activities} activity rows; ${p.outcomesCreate} outcomes to create, ${p.outcomesUpdate} to update; nothing written`;
}

/** A warning as `file:row: column: warning: message` (`varning:` in Swedish). */
export function formatWarning(w: RowError, lang: ImportLang): string {
  return `${w.label}:${w.row}: ${w.column}: ${lang === "sv" ? "varning" : "warning"}: ${renderImportMessage(w.message, lang)}`;
}

/** What the import means beyond its rows, in sentences: people left without a unit, people gallring would anonymise at once. */
export function formatNotices(r: ImportResult, lang: ImportLang): string[] {
  const out: string[] = [];
  const n = r.planned.unassigned;
  if (n > 0) {
    out.push(lang === "sv"
      ? `${n} deltagare saknar koordinator och hamnar under Ej tilldelade (koordinatorerna tar dem därifrån)`
      : `${n} participant(s) have no coordinator and go to the list "Ej tilldelade" (unassigned), where coordinators take them on`);
  }
  if (r.dueForGallring > 0) {
    out.push(lang === "sv"
      ? `${r.dueForGallring} deltagare i filen har ett avslutat ärende som redan passerat gallringsfristen och gallras vid nästa körning`
      : `${r.dueForGallring} participant(s) in the file have a closed case already past the retention period and are anonymised at the next gallring run`);
  }
  return out;
}
