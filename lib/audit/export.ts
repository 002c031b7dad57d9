// The audit log's CSV export: each entry as /admin/logg shows it, in words (lib/audit/labels.ts:
// the action, the kind of record, every detail), with the codes and ids beside the words for
// whoever checks the log by machine. Free text in an entry (a snooze's reason, a file's name, a
// sole trader's organisationsnummer, the user filter as typed) can hold a personnummer; none
// leaves in the file.
import type { PrivacyMessages } from "@/lib/i18n/areas/privacy";
import { formatInstant } from "@/lib/dates";
import { maskPersonnummer } from "@/lib/validation/personnummer";
import { describeAuditAction, describeAuditDetails, describeAuditEntity, type AuditLabels } from "./labels";
import { toCsv, type exportAuditEntries } from "./queries";

export type AuditExportEntry = Awaited<ReturnType<typeof exportAuditEntries>>[number];
type Words = PrivacyMessages["audit"];

/** The file's columns: the page's, each code or id in a column of its own after its words. */
export function auditExportHeader(t: Words): string[] {
  return [t.exportEntryId, t.at, t.user, t.exportUserId, t.action, t.code, t.entity, t.exportEntityId, t.participantId, t.details];
}

/** An entry's details as the page shows them, one "key: value" after the other on one line. */
export function auditExportDetails(r: Pick<AuditExportEntry, "action" | "details">, labels: AuditLabels): string {
  return describeAuditDetails(r.details, labels, r.action)
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ");
}

/** One entry's row; the time in Swedish time to the second, as the page shows it. */
export function auditExportRow(r: AuditExportEntry, t: Words, labels: AuditLabels): (string | number | null)[] {
  const text = (s: string | null) => (s === null ? null : maskPersonnummer(s, labels.personnummerMasked));
  return [
    r.id,
    formatInstant(r.at),
    text(r.userName) ?? t.system,
    r.userId,
    describeAuditAction(r.action, labels),
    r.action,
    describeAuditEntity(r.entityType, labels),
    text(r.entityId),
    r.participantId,
    text(auditExportDetails(r, labels)) || null,
  ];
}

/** The whole file (the caller adds a BOM for spreadsheets). */
export function auditExportCsv(rows: AuditExportEntry[], t: Words, labels: AuditLabels): string {
  return toCsv(auditExportHeader(t), rows.map((r) => auditExportRow(r, t, labels)));
}
