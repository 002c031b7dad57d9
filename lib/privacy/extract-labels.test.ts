import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { extractCell, extractFieldLabel, extractFieldLabels, extractWords, plural } from "./extract-labels";

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

describe("the register extract's values", () => {
  const sv = extractWords.sv;
  const en = extractWords.en;

  it("names stored codes in words, as the rest of the app does", () => {
    expect(extractCell("sjalvbosatt", sv, "settlement")).toBe("Självbosatt (EBO)");
    expect(extractCell("anvisad", en, "settlement")).toBe("Assigned");
    expect(extractCell("dag90", sv, "kind")).toBe("Utfall 90 dagar efter programmet");
    expect(extractCell("manad12", en, "kind")).toBe("Outcome 12 months after the programme");
    expect(extractCell("praktik", sv, "type")).toBe("Praktik");
    expect(extractCell("trepartssamtal", sv, "type")).toBe("Trepartssamtal med arbetsgivare");
    expect(extractCell("genomford", sv, "status")).toBe("Genomförd");
    expect(extractCell("arbete_och_studier", sv, "status")).toBe("Arbete och studier");
    expect(extractCell("K", sv, "gender")).toBe("Kvinna");
    expect(extractCell("gymnasial", sv, "educationLevel")).toBe("Gymnasial");
    expect(extractCell("arbete", sv, "exitReason")).toBe("Arbete");
    expect(extractCell("annat_stod", sv, "track")).toBe("Annat stöd först");
    expect(extractCell("samtal", sv, "source")).toBe("Samtal med personen");
    expect(extractCell("uppehall", sv, "kind")).toBe("Uppehåll");
    expect(extractCell("region_halsa", sv, "actor")).toBe("Regionens hälso- och sjukvård");
    expect(extractCell("muntligt", sv, "method")).toBe("Muntligt");
    expect(extractCell(true, sv, "childcareNeed")).toBe("Ja");
    // Free text stays as written, even when it looks like a code of another field.
    expect(extractCell("dag90", sv, "notes")).toBe("dag90");
  });

  it("leaves out what is empty", () => {
    expect(extractCell({}, sv, "details")).toBe("–");
    expect(extractCell({ school: "", course: null }, sv, "details")).toBe("–");
    expect(extractCell([], sv, "languages")).toBe("–");
    expect(extractCell(null, sv, "phone")).toBe("–");
  });

  it("shows what is stored inside a field as label: value lines, not JSON", () => {
    expect(extractCell({ type: "sfi", school: "Lärcentrum", studyPath: 2, course: "C", groupId: null }, sv, "details")).toEqual([
      ["Typ", "Sfi"],
      ["Skola", "Lärcentrum"],
      ["Studieväg", "2"],
      ["Kurs", "C"],
    ]);
    const mapping = {
      education: { years: 12, level: "gymnasial", country: "Syrien", field: null },
      work: [{ occupation: "Snickare", years: 5 }],
      drivingLicence: "B",
      languageSkills: [{ language: "arabiska", level: "modersmal" }, { language: "svenska", level: "grundlaggande" }],
      goalOccupations: ["Snickare", "Målare"],
      healthNeeds: false,
    };
    expect(extractCell(mapping, sv, "data")).toEqual([
      ["Utbildning – År", "12"],
      ["Utbildning – Nivå", "Gymnasial"],
      ["Utbildning – Land", "Syrien"],
      ["Arbetslivserfarenhet", "Yrke: Snickare, År: 5"],
      ["Körkort", "B (personbil)"],
      ["Språk", "Språk: arabiska, Nivå: Modersmål; Språk: svenska, Nivå: Grundläggande"],
      ["Yrken som är målet", "Snickare, Målare"],
      ["Behov som rör hälsan", "Nej"],
    ]);
    // A plan revision's snapshot: the activity's columns, its details nested one level down.
    expect(extractCell({ type: "praktik", status: "pagaende", details: { occupation: "Kock", supervisor: "Eva" }, interruptReason: null }, en, "snapshot")).toEqual([
      ["Type", en.values.type.praktik],
      ["Status", "Ongoing"],
      ["Other details – Occupation", "Kock"],
      ["Other details – Supervisor (handledare)", "Eva"],
    ]);
    for (const [label] of extractCell(mapping, en, "data") as [string, string][]) expect(label).not.toMatch(/^[a-z]+[A-Z]/);
  });

  it("counts in the singular and the plural", () => {
    const t = privacyMessages.sv.extract;
    expect(plural(1, t.auditSummaryOne, t.auditSummary)).toMatch(/^1 händelse,/);
    expect(plural(3, t.auditSummaryOne, t.auditSummary)).toMatch(/^3 händelser,/);
    expect(plural(1, privacyMessages.en.extract.auditSummaryOne, privacyMessages.en.extract.auditSummary)).toMatch(/^1 entry,/);
    expect(plural(12000, t.auditSummaryOne, t.auditSummary)).toMatch(/^12\s000 händelser/);
  });
});
