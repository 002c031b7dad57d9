// The register extract as the person reads it: other records named instead of their ids, what only
// the system needs left out (inside stored fields too), the person's own identifiers apart.
import { describe, expect, it } from "vitest";
import { extractCell, extractFieldLabel, extractWords } from "./extract-labels";
import { EXTRACT_TECHNICAL_FIELDS, extractPageWords, personFields, referencedIds, sectionFields, type ExtractNames } from "./extract-view";

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const names: ExtractNames = {
  municipalities: { [U(1)]: "Trelleborg" },
  units: { [U(2)]: "Centrum" },
  users: { [U(3)]: "Anna Koordinator", [U(4)]: "Lena Lärare" },
  employers: { [U(5)]: "Bageriet AB" },
  openings: { [U(6)]: "Bagare, Bageriet AB" },
  sfiGroups: { [U(7)]: "B-gruppen, Lärcentrum" },
};
const own = { activities: [{ id: U(8), type: "praktik", startDate: "2026-03-01" }], outcomes: [{ id: U(9), kind: "dag90" }] };

describe("the register extract's page", () => {
  const sv = extractPageWords(extractWords.sv, names, own);
  const en = extractPageWords(extractWords.en, names, own);

  it("names the municipality, unit, coordinator and whoever recorded or changed something, not their ids", () => {
    expect(extractFieldLabel("municipalityId", sv.fields)).toBe("Kommun");
    expect(extractCell(U(1), sv, "municipalityId")).toBe("Trelleborg");
    expect(extractFieldLabel("unitId", sv.fields)).toBe("Enhet");
    expect(extractCell(U(2), sv, "unitId")).toBe("Centrum");
    expect(extractFieldLabel("coordinatorId", sv.fields)).toBe("Koordinator");
    expect(extractCell(U(3), sv, "coordinatorId")).toBe("Anna Koordinator");
    for (const f of ["createdBy", "updatedBy", "changedBy", "recordedBy", "withdrawnBy", "responsibleUserId"]) {
      expect(extractCell(U(4), sv, f)).toBe("Lena Lärare");
      expect(extractFieldLabel(f, sv.fields)).not.toMatch(/\(id\)/);
      expect(extractFieldLabel(f, en.fields)).not.toMatch(/\(id\)/);
    }
    expect(extractCell(U(5), en, "employerId")).toBe("Bageriet AB");
    expect(extractCell(U(7), sv, "groupId")).toBe("B-gruppen, Lärcentrum");
    // The person's own records by what they are: a follow-up's activity, a history row's outcome.
    expect(extractCell(U(8), sv, "activityId")).toBe("Praktik, 2026-03-01");
    expect(extractCell(U(9), sv, "outcomeId")).toBe("Utfall 90 dagar efter programmet");
    // Someone who could not be named (removed, or another municipality's) stays as stored, not guessed.
    expect(extractCell(U(99), sv, "changedBy")).toBe(U(99));
    // The same value in a field that holds no id is what it is.
    expect(extractCell(U(3), sv, "notes")).toBe(U(3));
  });

  it("leaves out what only the system needs, inside stored fields too", () => {
    const rows = [{ id: U(10), municipalityId: U(1), participantId: U(11), type: "praktik", startDate: "2026-03-01", importKey: "praktik|2026-03-01", version: 3, createdBy: U(3) }];
    expect(sectionFields(rows)).toEqual(["type", "startDate", "createdBy"]);
    expect(sectionFields([{ id: U(10), planId: U(12), seq: 1, kind: "activity", activityId: U(8), summary: "x" }])).toEqual(["kind", "activityId", "summary"]);
    expect(sectionFields([])).toEqual([]);
    const snapshot = { id: U(8), participantId: U(11), type: "praktik", version: 2, employerId: U(5), details: { type: "praktik", openingId: U(6), supervisor: "Eva" } };
    expect(extractCell(snapshot, sv, "snapshot")).toEqual([
      ["Typ", "Praktik"],
      ["Arbetsgivare", "Bageriet AB"],
      ["Övriga uppgifter – Typ", "Praktik"],
      ["Övriga uppgifter – Plats hos arbetsgivare", "Bagare, Bageriet AB"],
      ["Övriga uppgifter – Handledare", "Eva"],
    ]);
    // Without the page's words (the audit log, the JSON) nothing is left out.
    expect((extractCell(snapshot, extractWords.sv, "snapshot") as [string, string][]).map(([k]) => k)).toContain(extractFieldLabel("version", extractWords.sv.fields));
  });

  it("keeps the person's own identifiers, which are personal data, apart as technical", () => {
    const person = { id: U(11), municipalityId: U(1), unitId: U(2), externalId: "EXT-1", personnummer: "199001019999", firstName: "Yusuf", lastName: "Ali", searchName: "yusuf ali", coordinatorId: U(3), version: 4, createdAt: new Date() };
    const { personal, technical } = personFields(person);
    expect(personal).toEqual(["municipalityId", "unitId", "personnummer", "firstName", "lastName", "coordinatorId", "createdAt"]);
    expect(technical).toEqual(["id", "externalId", "searchName"]);
    expect([...EXTRACT_TECHNICAL_FIELDS].sort()).toEqual([...technical].sort());
    for (const f of technical) expect(extractFieldLabel(f, sv.fields)).not.toBe(f);
    expect(extractFieldLabel("searchName", sv.fields)).not.toBe("Namnet så som det söks");
  });

  it("finds the ids to name anywhere in the data, by the field they are in", () => {
    const ids = referencedIds({
      participant: { municipalityId: U(1), unitId: U(2), coordinatorId: U(3) },
      activities: [{ employerId: U(5), details: { openingId: U(6) }, responsibleUserId: null }],
      sfi: { attendance: [{ groupId: U(7), recordedBy: U(4) }] },
      followups: [{ activityId: U(8), notes: U(13) }],
    });
    expect([...ids.municipalities]).toEqual([U(1)]);
    expect([...ids.units]).toEqual([U(2)]);
    expect([...ids.users].sort()).toEqual([U(3), U(4)]);
    expect([...ids.employers]).toEqual([U(5)]);
    expect([...ids.openings]).toEqual([U(6)]);
    expect([...ids.sfiGroups]).toEqual([U(7)]);
  });
});
