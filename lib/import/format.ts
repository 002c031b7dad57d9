// How import results are written for people: the error lines and the one-line summary of the
// contract (../shared/spec/import-format.md).
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
