// The register extract as the person reads it (GDPR art. 15: clear and plain language). The
// stored rows hold ids of other records; the page names them instead (the municipality, the unit,
// the coordinator, who recorded or changed what, the employer, the sfi group, the activity a
// follow-up was about). What only says how the system keeps the data is left out of the page:
// each record's own id, the person's id repeated on every row, version counters, an import's
// matching key. The person's own identifiers in the system (their id, the id from the system the
// data was imported from, the name in searchable form) are personal data, so they stand in an
// appendix marked as technical. The JSON download keeps everything as stored.
import type { ExtractWords } from "./extract-labels";

/** Records named from the database (within the admin's municipality), by the kind of record. */
export const EXTRACT_NAME_KINDS = ["municipalities", "units", "users", "employers", "openings", "sfiGroups"] as const;
export type ExtractNameKind = (typeof EXTRACT_NAME_KINDS)[number];
export type ExtractNames = Record<ExtractNameKind, Record<string, string>>;

/**
 * Fields (columns, or keys inside a stored field) that hold another record's id, and what names
 * it: a kind of record looked up, or the person's own activities and outcomes in the extract.
 */
export const EXTRACT_NAMED_FIELDS: Record<string, ExtractNameKind | "activities" | "outcomes"> = {
  municipalityId: "municipalities",
  unitId: "units",
  coordinatorId: "users",
  responsibleUserId: "users",
  createdBy: "users",
  updatedBy: "users",
  changedBy: "users",
  recordedBy: "users",
  withdrawnBy: "users",
  employerId: "employers",
  openingId: "openings",
  groupId: "sfiGroups",
  activityId: "activities",
  outcomeId: "outcomes",
};

/**
 * Left out of the page: no information about the person, only how the system keeps it. `id` is
 * each record's own number (the person's own id is in the technical appendix); `participantId`
 * is the person again on every row; `planId` their one plan; `breakId` and `nextEnrolmentId` link
 * an sfi place's ending to other records shown in their own sections.
 */
export const EXTRACT_OMITTED_FIELDS: ReadonlySet<string> = new Set(["id", "participantId", "planId", "breakId", "nextEnrolmentId", "version", "seq", "importKey"]);

/** The person's identifiers in the system: personal data, shown in the technical appendix. */
export const EXTRACT_TECHNICAL_FIELDS = ["id", "externalId", "searchName"] as const;

/** The ids each kind of record is referred to by, anywhere in the extract's data (nested fields too). */
export function referencedIds(data: unknown): Record<ExtractNameKind, Set<string>> {
  const out = Object.fromEntries(EXTRACT_NAME_KINDS.map((k) => [k, new Set<string>()])) as Record<ExtractNameKind, Set<string>>;
  const walk = (v: unknown, key?: string) => {
    if (v === null || v === undefined || v instanceof Date) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (typeof v === "object") {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
      return;
    }
    const kind = key ? EXTRACT_NAMED_FIELDS[key] : undefined;
    if (typeof v === "string" && kind && kind !== "activities" && kind !== "outcomes") out[kind].add(v);
  };
  walk(data);
  return out;
}

/**
 * The extract's words for the page: the ids of other records named (an id nobody could name, such
 * as a removed user's, stays as it is stored) and the technical fields left out, in stored fields too.
 */
export function extractPageWords(
  base: ExtractWords,
  names: ExtractNames,
  own: { activities: { id: string; type: string; startDate: string }[]; outcomes: { id: string; kind: string }[] },
): ExtractWords {
  const activities = Object.fromEntries(own.activities.map((a) => [a.id, `${base.values.type?.[a.type] ?? a.type}, ${a.startDate}`]));
  const outcomes = Object.fromEntries(own.outcomes.map((o) => [o.id, base.values.kind?.[o.kind] ?? o.kind]));
  const values = { ...base.values };
  for (const [field, kind] of Object.entries(EXTRACT_NAMED_FIELDS)) {
    values[field] = kind === "activities" ? activities : kind === "outcomes" ? outcomes : names[kind];
  }
  return { ...base, values, omit: EXTRACT_OMITTED_FIELDS };
}

/** The person's own fields: the personal data in order, and the technical identifiers apart. */
export function personFields(participant: Record<string, unknown>): { personal: string[]; technical: string[] } {
  const technical: readonly string[] = EXTRACT_TECHNICAL_FIELDS;
  const keys = Object.keys(participant);
  return {
    personal: keys.filter((k) => !technical.includes(k) && !EXTRACT_OMITTED_FIELDS.has(k)),
    technical: keys.filter((k) => technical.includes(k)),
  };
}

/**
 * A section's columns: the stored fields but those left out, and the municipality, which each row
 * repeats from the person's own data.
 */
export function sectionFields(rows: object[]): string[] {
  return rows.length ? Object.keys(rows[0]).filter((k) => !EXTRACT_OMITTED_FIELDS.has(k) && k !== "municipalityId") : [];
}
