import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ACTION_GROUPS, auditActionsByGroup, auditLabels, describeAuditAction, describeAuditDetails, describeAuditEntity } from "./labels";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The kinds of record the app's entries are about. */
function writtenEntityTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of [...sources("lib"), ...sources("app")]) {
    for (const m of readFileSync(file, "utf8").matchAll(/\bentityType: "([a-z_]+)"/g)) types.add(m[1]);
  }
  return types;
}

/** The action codes the app's code writes: an `action:` that is a string, a choice of two or a template. */
function writtenActions(): { literals: Set<string>; templates: string[] } {
  const literals = new Set<string>();
  const templates: string[] = [];
  for (const file of [...sources("lib"), ...sources("app"), ...sources("db")]) {
    if (file.endsWith(path.join("lib", "audit", "labels.ts"))) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const m = /\baction: ((?:[^"?`]+ \? )?"[^"]*"(?: : "[^"]*")?|`[^`]*`)/.exec(line);
      if (!m) continue;
      for (const lit of m[1].matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) literals.add(lit[1]);
      if (m[1].startsWith("`")) templates.push(m[1].slice(1, -1));
    }
  }
  return { literals, templates };
}

describe("the audit log's action labels", () => {
  const { literals, templates } = writtenActions();

  it("name every action the app writes, and nothing it does not", () => {
    // The one code built from a value: an sfi break, by its kind (lib/sfi/enrolment.ts).
    expect(templates).toEqual(["sfi.${r.kind}.create"]);
    const written = new Set([...literals, "sfi.avbrott.create", "sfi.uppehall.create"]);
    expect(written.size).toBeGreaterThan(50);
    expect([...written].filter((a) => !(AUDIT_ACTIONS as string[]).includes(a)).sort()).toEqual([]);
    expect(AUDIT_ACTIONS.filter((a) => !written.has(a)).sort()).toEqual([]);
  });

  it("name every kind of record the entries are about, in both languages", () => {
    const types = writtenEntityTypes();
    expect(types.size).toBeGreaterThan(15);
    expect([...types].filter((k) => !Object.hasOwn(auditLabels.sv.entityTypes, k))).toEqual([]);
    expect(Object.keys(auditLabels.sv.entityTypes).filter((k) => !types.has(k))).toEqual([]);
    expect(Object.keys(auditLabels.en.entityTypes).sort()).toEqual(Object.keys(auditLabels.sv.entityTypes).sort());
    expect(describeAuditEntity("sfi_group", auditLabels.sv)).toBe("Sfi-grupp");
    expect(describeAuditEntity("old_kind", auditLabels.en)).toBe("old_kind");
  });

  it("have the details' keys in both languages", () => {
    expect(Object.keys(auditLabels.en.detailKeys).sort()).toEqual(Object.keys(auditLabels.sv.detailKeys).sort());
  });

  it("have words in both languages, none of them the code", () => {
    for (const a of AUDIT_ACTIONS) {
      expect(auditLabels.sv.actions[a]).not.toBe(a);
      expect(auditLabels.en.actions[a]).not.toBe(a);
      expect(auditLabels.sv.actions[a]).not.toBe(auditLabels.en.actions[a]);
    }
  });

  it("fall each in one of the filter's groups", () => {
    const grouped = auditActionsByGroup();
    expect(grouped.map((g) => g.group)).toEqual([...AUDIT_ACTION_GROUPS]);
    expect(grouped.flatMap((g) => g.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const g of grouped) expect(g.actions.length).toBeGreaterThan(0);
  });

  it("show an unknown code as it is", () => {
    expect(describeAuditAction("participant.read", auditLabels.sv)).toBe("Öppnade deltagarens uppgifter");
    expect(describeAuditAction("participant.read", auditLabels.en)).toBe("Opened the participant's details");
    expect(describeAuditAction("old.thing", auditLabels.sv)).toBe("old.thing");
    expect(describeAuditAction("toString", auditLabels.sv)).toBe("toString");
  });
});

describe("describeAuditDetails", () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

  it("counts lists of ids instead of printing them", () => {
    const ids = Array.from({ length: 80 }, (_, i) => id(i));
    expect(describeAuditDetails({ ids, query: "name" }, auditLabels.sv)).toEqual([
      ["deltagare som visades", "80"],
      ["sökning", "name"],
    ]);
    expect(describeAuditDetails({ participantIds: ids.slice(0, 3) }, auditLabels.en)).toEqual([["participants shown", "3"]]);
  });

  it("prints other values readably and leaves out what is empty", () => {
    expect(
      describeAuditDetails({ changed: ["firstName", "phone"], version: 3, gone: null, filter: { unit: id(1), gender: "kvinna", none: undefined }, empty: [] }, auditLabels.sv),
    ).toEqual([
      ["ändrade fält", "firstName, phone"],
      ["version", "3"],
      ["urval", `{ unit: ${id(1)}, gender: kvinna }`],
      ["empty", "–"],
    ]);
    expect(describeAuditDetails(null, auditLabels.sv)).toEqual([]);
    expect(describeAuditDetails({ flag: false, constructor: 1 }, auditLabels.sv)).toEqual([
      ["flag", "false"],
      ["constructor", "1"],
    ]);
  });
});
