import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { extractFieldLabel, extractFieldLabels } from "./extract-labels";

// The tables the extract reads whole (lib/privacy/extract.ts), by the page's section names.
const TABLES = {
  participant: s.participants,
  skillMappings: s.skillMappings,
  plans: s.plans,
  planRevisions: s.planRevisions,
  activities: s.activities,
  followups: s.followups,
  outcomes: s.outcomes,
  outcomeHistory: s.outcomeHistory,
  sfiEnrolments: s.sfiEnrolments,
  sfiAttendance: s.sfiAttendance,
  sfiResults: s.sfiResults,
  sfiBreaks: s.sfiBreaks,
  consents: s.consents,
};
// The log's entries as the page shows them: one row per user and action (summariseAuditEntries),
// and the description the page adds.
const AUDIT_FIELDS = ["userId", "userName", "action", "count", "first", "last", "description"];

describe("the register extract's field names", () => {
  const fields = new Set([...Object.values(TABLES).flatMap((t) => Object.keys(getTableColumns(t))), ...AUDIT_FIELDS]);

  it("cover the sections the page shows", () => {
    expect(Object.keys(privacyMessages.sv.extract.sections).sort()).toEqual([...Object.keys(TABLES).filter((k) => k !== "participant"), "auditEntries"].sort());
  });

  it("have words for every stored field, in both languages, and none for a field that is not there", () => {
    expect(fields.size).toBeGreaterThan(80);
    expect([...fields].filter((f) => !Object.hasOwn(extractFieldLabels.sv, f))).toEqual([]);
    expect(Object.keys(extractFieldLabels.sv).filter((f) => !fields.has(f))).toEqual([]);
    expect(Object.keys(extractFieldLabels.en).sort()).toEqual(Object.keys(extractFieldLabels.sv).sort());
    for (const f of fields) {
      expect(extractFieldLabel(f, extractFieldLabels.sv)).not.toBe(f);
      expect(extractFieldLabel(f, extractFieldLabels.en)).not.toBe(f);
    }
  });

  it("show an unknown field as it is stored", () => {
    expect(extractFieldLabel("firstName", extractFieldLabels.sv)).toBe("Förnamn");
    expect(extractFieldLabel("firstName", extractFieldLabels.en)).toBe("First name");
    expect(extractFieldLabel("constructor", extractFieldLabels.sv)).toBe("constructor");
  });
});
