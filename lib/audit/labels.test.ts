import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_GROUPS,
  AUDIT_DETAIL_PAIRS,
  auditActionsByGroup,
  auditFilterFromAfterTo,
  auditLabels,
  describeAuditAction,
  describeAuditDetails,
  describeAuditEntity,
} from "./labels";

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

/**
 * The details' keys the app writes, read from the source: the `details` of every object that also
 * has an `action` (an audit entry), followed into a variable, an `Object.assign` to it or a
 * one-line function of the same file, and the extra details handed to activityAudit. Nested
 * objects give "parent.child". What cannot be followed (a spread of something else) is returned
 * as `opaque` for the test to name by hand.
 */
function writtenDetailKeys(): { keys: Map<string, string>; opaque: string[] } {
  const keys = new Map<string, string>();
  const opaque: string[] = [];
  for (const file of [...sources("lib"), ...sources("app"), ...sources("db"), ...sources("scripts")]) {
    const text = readFileSync(file, "utf8");
    if (!/\bdetails\b/.test(text) || !/\baction\b/.test(text)) continue;
    const rel = path.relative(ROOT, file);
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const declared = new Map<string, ts.Expression>();
    const assigned = new Map<string, ts.Expression[]>();
    const all: ts.Node[] = [];
    const collect = (n: ts.Node) => {
      all.push(n);
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        const init = n.initializer;
        declared.set(n.name.text, ts.isArrowFunction(init) && !ts.isBlock(init.body) ? init.body : init);
      }
      if (ts.isCallExpression(n) && n.expression.getText(src) === "Object.assign" && ts.isIdentifier(n.arguments[0])) {
        const name = n.arguments[0].text;
        assigned.set(name, [...(assigned.get(name) ?? []), ...n.arguments.slice(1)]);
      }
      ts.forEachChild(n, collect);
    };
    collect(src);
    const nameOf = (p: ts.ObjectLiteralElementLike) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null);
    const walk = (e: ts.Expression, prefix: string, seen: Set<string>): void => {
      while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
      if (ts.isObjectLiteralExpression(e)) {
        for (const p of e.properties) {
          if (ts.isSpreadAssignment(p)) {
            opaque.push(`${rel}: ${prefix}...${p.expression.getText(src)}`);
            continue;
          }
          const name = nameOf(p);
          if (!name) continue;
          const key = prefix + name;
          keys.set(key, rel);
          if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer)) walk(p.initializer, `${key}.`, seen);
        }
        return;
      }
      if (ts.isConditionalExpression(e)) {
        walk(e.whenTrue, prefix, seen);
        walk(e.whenFalse, prefix, seen);
        return;
      }
      const name = ts.isIdentifier(e) ? e.text : ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : null;
      if (name && !seen.has(name) && (declared.has(name) || assigned.has(name))) {
        const next = new Set(seen).add(name);
        for (const x of [declared.get(name), ...(assigned.get(name) ?? [])]) if (x) walk(x, prefix, next);
        return;
      }
      opaque.push(`${rel}: ${prefix}${e.getText(src)}`);
    };
    for (const n of all) {
      if (ts.isObjectLiteralExpression(n)) {
        const props = new Map(n.properties.map((p) => [nameOf(p), p] as const));
        const details = props.get("details");
        const action = props.get("action");
        // An entry names its action by a code (a string, a choice of two, a template) or, in
        // activityAudit, by its parameter; reads of stored entries (`action: row.action`) do not.
        const written =
          action &&
          (ts.isShorthandPropertyAssignment(action) ||
            (ts.isPropertyAssignment(action) &&
              (ts.isStringLiteral(action.initializer) || ts.isConditionalExpression(action.initializer) || ts.isTemplateExpression(action.initializer))));
        const words = details && ts.isPropertyAssignment(details) && ts.isStringLiteral(details.initializer); // a message catalogue
        if (written && !words && details && (ts.isPropertyAssignment(details) || ts.isShorthandPropertyAssignment(details))) {
          walk(ts.isPropertyAssignment(details) ? details.initializer : details.name, "", new Set());
        }
      }
      // activityAudit(activity, action, extra): the extra details of an activity's entry.
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "activityAudit" && n.arguments[2]) walk(n.arguments[2], "", new Set());
    }
  }
  return { keys, opaque };
}

/** The keys of a nested detail the source builds at run time, read from where it is built. */
function dynamicDetailKeys(): string[] {
  const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
  const out: string[] = [];
  // The audit export's filter: the log's filter (lib/audit/queries.ts auditFilterSchema).
  const schema = /auditFilterSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(read("lib/audit/queries.ts"))![1];
  for (const m of schema.matchAll(/^ {2}(\w+):/gm)) out.push(`filter.${m[1]}`);
  // The results export's filter: the dashboard's query string (filterToSearchParams).
  const params = /function filterToSearchParams[\s\S]*?\n\}/.exec(read("lib/metrics/dashboard.ts"))![0];
  for (const m of params.matchAll(/p\.(?:set|append)\("(\w+)"/g)) out.push(`filter.${m[1]}`);
  // A user's changes, field by field.
  for (const m of read("lib/users/commands.ts").matchAll(/\bchanges\.(\w+) = \{ from/g)) out.push(`changes.${m[1]}`);
  // A reference value's changes: the fields it compares.
  const next = /const next = \{([\s\S]*?)\};/.exec(read("lib/references/commands.ts"))![1];
  for (const m of next.matchAll(/^\s+(\w+):/gm)) out.push(`changes.${m[1]}`);
  // What an import wrote, by kind.
  const imported = /result\.imported = \{([^}]*)\}/.exec(read("lib/import/run.ts"))![1];
  for (const m of imported.matchAll(/(\w+):/g)) out.push(`imported.${m[1]}`);
  return out;
}

describe("the audit log's detail labels", () => {
  const { keys, opaque } = writtenDetailKeys();
  const dynamic = dynamicDetailKeys();
  const paired = new Map(AUDIT_DETAIL_PAIRS.flatMap(([from, to, as]) => [[from, as], [to, as]] as const));
  const shownAs = (k: string) => paired.get(k) ?? k;

  it("find the details the app writes, and know what they cannot follow", () => {
    expect(keys.size).toBeGreaterThan(60);
    for (const k of ["ids", "changes", "nextGroupId", "by", "imported", "files", "fromName", "activitiesFile", "indicator", "from", "to"]) expect(keys.has(k), k).toBe(true);
    // Each of these is followed by hand: activityAudit's extra details are read at its callers,
    // the log's filter and the nested objects built at run time by dynamicDetailKeys.
    expect([...new Set(opaque)].sort()).toEqual([
      "app/(app)/admin/logg/export/route.ts: filter....f",
      "lib/plans/commands.ts: ...extra",
    ]);
    expect(dynamic).toEqual(expect.arrayContaining(["filter.from", "filter.unit", "changes.name", "changes.role", "changes.note", "imported.outcomes"]));
  });

  it("name every key the app writes, nested or not, in both languages", () => {
    const all = new Set([...keys.keys(), ...dynamic].map(shownAs));
    const missing = (t: typeof auditLabels.sv) => [...all].filter((k) => !Object.hasOwn(t.detailKeys, k)).sort();
    expect(missing(auditLabels.sv)).toEqual([]);
    expect(missing(auditLabels.en)).toEqual([]);
  });

  it("name no key the app does not write", () => {
    const all = new Set([...keys.keys(), ...dynamic].map(shownAs));
    expect(Object.keys(auditLabels.sv.detailKeys).filter((k) => !all.has(k))).toEqual([]);
  });

  it("show every key of every entry in words, none as its code", () => {
    for (const t of [auditLabels.sv, auditLabels.en]) {
      for (const k of new Set([...keys.keys(), ...dynamic])) {
        const [parent, child] = k.split(".");
        const details = child ? { [parent]: { [child]: 1 } } : { [k]: 1 };
        const [[label]] = describeAuditDetails(details, t);
        expect(label, k).toBe(t.detailKeys[shownAs(k)]);
      }
    }
  });
});

describe("describeAuditDetails", () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

  it("counts lists of ids instead of printing them", () => {
    const ids = Array.from({ length: 80 }, (_, i) => id(i));
    expect(describeAuditDetails({ ids, query: "name" }, auditLabels.sv)).toEqual([
      ["deltagare som visades", "80"],
      ["sökning", "namn"],
    ]);
    expect(describeAuditDetails({ participantIds: ids.slice(0, 3) }, auditLabels.en)).toEqual([["participants shown", "3"]]);
  });

  it("prints other values readably and leaves out what is empty", () => {
    expect(
      describeAuditDetails({ changed: ["firstName", "phone"], version: 3, gone: null, filter: { unit: id(1), gender: "K", none: undefined }, empty: [] }, auditLabels.sv),
    ).toEqual([
      ["ändrade fält", "Förnamn, Telefon"],
      ["version", "3"],
      ["enhet (urval)", id(1)],
      ["kön (urval)", "Kvinnor"],
      ["empty", "–"],
    ]);
    expect(describeAuditDetails(null, auditLabels.sv)).toEqual([]);
    expect(describeAuditDetails({ flag: false, constructor: 1 }, auditLabels.sv)).toEqual([
      ["flag", "nej"],
      ["constructor", "1"],
    ]);
  });

  it("shows a change as before → after, in that order, whatever order it was stored in", () => {
    // An attendance correction as jsonb hands it back: "to" before "from".
    expect(describeAuditDetails({ to: 1.5, from: 3, groupId: id(2), lessonDate: "2025-03-04" }, auditLabels.sv, "sfi.attendance.correct")).toEqual([
      ["närvaro (timmar)", "3 → 1.5"],
      ["sfi-grupp", id(2)],
      ["lektionsdag", "2025-03-04"],
    ]);
    expect(describeAuditDetails({ to: 2, from: 0 }, auditLabels.en, "sfi.attendance.correct")).toEqual([["attendance (hours)", "0 → 2"]]);
    // A user's changes, field by field, codes in words.
    expect(
      describeAuditDetails({ changes: { name: { to: "Eva Berg", from: "Eva Ek" }, role: { from: "coordinator", to: "manager" }, unitId: { from: null, to: id(3) } } }, auditLabels.sv),
    ).toEqual([
      ["namn", "Eva Ek → Eva Berg"],
      ["roll", "Etableringskoordinator → Chef"],
      ["enhet", `– → ${id(3)}`],
    ]);
    // A handover: the coordinators by name and by id, each one line.
    expect(describeAuditDetails({ fromId: id(4), fromName: null, toId: id(5), toName: "Ali" }, auditLabels.sv)).toEqual([
      ["koordinator (id)", `${id(4)} → ${id(5)}`],
      ["koordinator", "– → Ali"],
    ]);
  });

  it("names what QA found in English or as JSON", () => {
    expect(describeAuditDetails({ course: "C", next: "D", nextGroupId: id(6) }, auditLabels.sv)).toEqual([
      ["kurs", "C"],
      ["nästa kurs", "D"],
      ["nästa sfi-grupp", id(6)],
    ]);
    expect(describeAuditDetails({ type: "sfi", by: "sfi.enrol" }, auditLabels.sv)).toEqual([
      ["typ", "Sfi"],
      ["till följd av", "inskrivning i sfi"],
    ]);
    expect(describeAuditDetails({ by: "name+birthDate", participantIds: [] }, auditLabels.sv, "sfi.enrol.search")).toEqual([
      ["sökte på", "namn och födelsedatum"],
      ["deltagare som visades", "–"],
    ]);
    expect(describeAuditDetails({ files: ["deltagare.csv", "utfall.csv"] }, auditLabels.sv)).toEqual([["filer", "deltagare.csv, utfall.csv"]]);
    expect(describeAuditDetails({ import: "jan.zip", imported: { participants: 4, activities: 0, outcomes: 0 }, updated: 0 }, auditLabels.sv)).toEqual([
      ["import", "jan.zip"],
      ["nya deltagare", "4"],
      ["nya aktiviteter", "0"],
      ["nya utfall", "0"],
      ["uppdaterade poster", "0"],
    ]);
    expect(describeAuditDetails({ policy: "closed case, 3 years after last activity", asOf: "2025-01-01" }, auditLabels.sv)).toEqual([
      ["regel", "avslutat ärende, 3 år efter senaste aktivitet"],
      ["per datum", "2025-01-01"],
    ]);
    expect(describeAuditDetails({ kind: "dag90", status: "arbete" }, auditLabels.en)).toEqual([
      ["kind", "Outcome 90 days after the programme"],
      ["status", "Work"],
    ]);
  });
});

describe("auditFilterFromAfterTo", () => {
  it("is true only for a from-date after the to-date", () => {
    expect(auditFilterFromAfterTo({ from: "2025-03-02", to: "2025-03-01" })).toBe(true);
    expect(auditFilterFromAfterTo({ from: "2025-03-01", to: "2025-03-01" })).toBe(false);
    expect(auditFilterFromAfterTo({ from: "2025-02-28", to: "2025-03-01" })).toBe(false);
    expect(auditFilterFromAfterTo({ from: "2025-03-02" })).toBe(false);
    expect(auditFilterFromAfterTo({ to: "2025-03-01" })).toBe(false);
  });
});

describe("the fields an edit changed", () => {
  it("are named in words, for every field an edit can change", async () => {
    const { getTableColumns } = await import("drizzle-orm");
    const s = await import("@/db/schema");
    const { EMPLOYER_FIELDS, OPENING_FIELDS } = await import("@/lib/employers/schema");
    const { ACTOR_FIELDS } = await import("@/lib/actors/schema");
    const { SKILL_MAPPING_PARTS } = await import("@/lib/participants/schema");
    // A participant's compared columns (lib/participants/commands.ts COMPARED).
    const compared = /const COMPARED[^=]*= \[([\s\S]*?)\];/.exec(readFileSync(path.join(ROOT, "lib/participants/commands.ts"), "utf8"))![1];
    const fields = new Set([
      ...[...compared.matchAll(/"(\w+)"/g)].map((m) => m[1]),
      ...Object.keys(getTableColumns(s.activities)),
      ...EMPLOYER_FIELDS,
      ...OPENING_FIELDS,
      ...ACTOR_FIELDS,
      ...SKILL_MAPPING_PARTS,
    ]);
    expect(fields.size).toBeGreaterThan(40);
    for (const t of [auditLabels.sv, auditLabels.en]) {
      expect([...fields].filter((f) => !Object.hasOwn(t.detailValues.changed, f))).toEqual([]);
    }
    expect(describeAuditDetails({ changed: ["firstName", "phone"] }, auditLabels.sv)).toEqual([["ändrade fält", "Förnamn, Telefon"]]);
    expect(describeAuditDetails({ changed: ["education", "work"] }, auditLabels.en)).toEqual([["changed fields", "education, work experience"]]);
  });
});
