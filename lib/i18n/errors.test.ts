// Every validation and refusal message has English: found in the source (the zod schemas, the
// FieldErrors of the commands, the answers of the actions), and translated with its values kept.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { sfiMessages } from "./areas/sfi";
import { ERROR_TEMPLATES, ERROR_TEXTS, errorText, translateError, type ErrorTemplateKey } from "./errors";
import { translateServerError } from "./server-errors";
import { closeBlockedText, undoBlockedText } from "@/lib/sfi/queries";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** A sentence a user reads ("Välj orsak."), not a code ("future", "unitRequired") or a key. */
const isSentence = (s: string) => /\s/.test(s.trim()) && /[.!?]$/.test(s.trim());

/**
 * The messages the app's validation and refusals are made of, read from the source: every string
 * in a zod schema's `message` (and every sentence of a schema file, which holds the messages its
 * checks and commands share), in a `formError` or `error` of an answer, in the arguments of a
 * FieldError (followed into the variable it is built in), or handed to translateServerError; the
 * general messages of the action wrapper. A message with values must be made by errorText (its
 * template is the one translation needs): any other template literal in those places is returned
 * as `templated`, with the template keys errorText is called with.
 */
function writtenMessages(): { messages: Map<string, string>; templated: string[]; keys: Set<string> } {
  const messages = new Map<string, string>();
  const templated: string[] = [];
  const keys = new Set<string>();
  for (const file of [...sources("lib"), ...sources("app")]) {
    const rel = path.relative(ROOT, file);
    if (rel.startsWith(path.join("lib", "i18n"))) continue;
    const text = readFileSync(file, "utf8");
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const messageFile = /(^|\/)schema\.ts$/.test(rel) || rel.startsWith(path.join("lib", "validation")) || rel === path.join("lib", "auth", "action.ts");
    const usesZod = /from "zod"/.test(text);
    const declared = new Map<string, ts.Expression[]>();
    const collectDeclared = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) declared.set(n.name.text, [...(declared.get(n.name.text) ?? []), n.initializer]);
      // errors[f] = ["…"], errors.x = ["…"]: what a refusal's field errors are built from.
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isElementAccessExpression(n.left) || ts.isPropertyAccessExpression(n.left)) && ts.isIdentifier(n.left.expression)) {
        const name = n.left.expression.text;
        declared.set(name, [...(declared.get(name) ?? []), n.right]);
      }
      ts.forEachChild(n, collectDeclared);
    };
    collectDeclared(src);

    const templateText = (t: ts.TemplateExpression) => t.head.text + t.templateSpans.map((s) => `{}${s.literal.text}`).join("");
    const take = (e: ts.Node, followed: Set<string>) => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
        if (isSentence(e.text)) messages.set(e.text, rel);
        return;
      }
      if (ts.isTemplateExpression(e)) {
        if (isSentence(templateText(e))) templated.push(`${rel}: ${e.getText(src)}`);
        return;
      }
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "errorText") return;
      if (ts.isIdentifier(e) && declared.has(e.text) && !followed.has(e.text)) {
        for (const x of declared.get(e.text)!) take(x, new Set(followed).add(e.text));
        return;
      }
      ts.forEachChild(e, (c) => take(c, followed));
    };
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) {
        const name = n.name.text;
        if ((name === "message" && usesZod) || name === "formError" || name === "error") take(n.initializer, new Set());
      }
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "FieldError") n.arguments?.forEach((a) => take(a, new Set()));
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const fn = n.expression.text;
        if ((fn === "translateServerError" || fn === "translateError") && n.arguments[0]) take(n.arguments[0], new Set());
        if (fn === "errorText" && n.arguments[0]) {
          // A key, or a choice of keys (`kind === "dag90" ? "…Dag90" : "…Manad12"`).
          const collectKeys = (k: ts.Expression): void => {
            if (ts.isStringLiteral(k)) keys.add(k.text);
            else if (ts.isConditionalExpression(k)) [k.whenTrue, k.whenFalse].forEach(collectKeys);
            else if (ts.isParenthesizedExpression(k)) collectKeys(k.expression);
          };
          collectKeys(n.arguments[0]);
        }
      }
      if (messageFile && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && isSentence(n.text)) messages.set(n.text, rel);
      if (messageFile && ts.isTemplateExpression(n) && isSentence(templateText(n))) templated.push(`${rel}: ${n.getText(src)}`);
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return { messages, templated, keys };
}

describe("the validation and refusal messages", () => {
  const { messages, templated, keys } = writtenMessages();

  it("are found in the schemas, the commands and the action wrapper", () => {
    expect(messages.size).toBeGreaterThan(130);
    for (const m of ["Skriv förnamn.", "Kontrollera de markerade fälten.", "Välj en registrerad arbetsgivare.", "Alla platser är bokade.", "Nästa översyn ska vara i dag eller ett senare datum.", "Skriv en giltig e-postadress."]) {
      expect(messages.has(m), m).toBe(true);
    }
  });

  it("have English, every one of them", () => {
    const missing = [...messages].filter(([m]) => translateServerError(m, "en") === m).map(([m, file]) => `${file}: ${m}`);
    expect(missing).toEqual([]);
  });

  it("with values are made from a template, so that their English keeps the values", () => {
    expect(templated).toEqual([]);
    expect(keys.size).toBeGreaterThan(15);
    expect([...keys].filter((k) => !Object.hasOwn(ERROR_TEMPLATES, k)).sort()).toEqual([]);
    expect(Object.keys(ERROR_TEMPLATES).filter((k) => !keys.has(k)).sort()).toEqual([]);
  });

  it("translate no message the app does not write", () => {
    expect(Object.keys(ERROR_TEXTS).filter((m) => !messages.has(m)).sort()).toEqual([]);
  });

  it("are English in English: no Swedish left, and none the same as the Swedish", () => {
    for (const [sv, en] of Object.entries(ERROR_TEXTS)) {
      expect(en, sv).not.toBe(sv);
      expect(en, sv).not.toMatch(/[åäöÅÄÖ]/);
      expect(en, sv).toMatch(/^[A-Z].*[.!?]$/);
    }
    for (const [key, t] of Object.entries(ERROR_TEMPLATES)) {
      const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
      expect(names(t.en), key).toEqual(names(t.sv));
      expect(t.en, key).not.toMatch(/[åäöÅÄÖ]/);
    }
  });
});

describe("translateError", () => {
  it("keeps Swedish as it is, and gives the English of a message", () => {
    expect(translateError("Skriv förnamn.", "sv")).toBe("Skriv förnamn.");
    expect(translateError("Skriv förnamn.", "en")).toBe("Enter the first name.");
    expect(translateError("Högst 100 tecken.", "en")).toBe("At most 100 characters.");
  });

  it("gives a message with values its English with the same values", () => {
    const cases: [string, string][] = [
      [errorText("maxChars", { max: 300 }), "At most 300 characters."],
      [errorText("maxHours", { hours: "2,5" }), "At most 2.5 hours."],
      [errorText("studyPathCourses", { path: 2, courses: "B och C" }), "Study path 2 has the courses B and C."],
      [errorText("orgNrTaken", { name: "Bygg & Co (Malmö) AB." }), "The organisation number already belongs to Bygg & Co (Malmö) AB.."],
      [errorText("outcomeTooEarlyDag90", { date: "2026-05-30" }), "The outcome can be established on 2026-05-30 at the earliest (90 days after the exit)."],
      [errorText("outcomeTooEarlyManad12", { date: "2027-03-01" }), "The outcome can be established on 2027-03-01 at the earliest (12 months after the exit)."],
      [
        errorText("passingGradeLater", { course: "B", date: "2026-03-02", completed: "2026-03-01" }),
        "The passing course grade in course B is dated 2026-03-02, after 2026-03-01. The course can be completed on 2026-03-02 at the earliest.",
      ],
      [errorText("notEnrolledBetween", { date: "2026-01-10", from: "2026-02-01", to: "2026-06-01" }), "The student was not enrolled in the group on 2026-01-10 (enrolled 2026-02-01–2026-06-01)."],
      [errorText("notEnrolledFrom", { date: "2026-01-10", from: "2026-02-01" }), "The student was not enrolled in the group on 2026-01-10 (enrolled from 2026-02-01)."],
    ];
    for (const [sv, en] of cases) expect(translateError(sv, "en"), sv).toBe(en);
    expect(errorText("outcomeTooEarlyDag90", { date: "2026-05-30" })).toBe("Utfallet kan fastställas tidigast 2026-05-30 (90 dagar efter avslutet).");
    // Every template, with values of its own, comes back as its English with those values.
    for (const key of Object.keys(ERROR_TEMPLATES) as ErrorTemplateKey[]) {
      const t = ERROR_TEMPLATES[key];
      const values = Object.fromEntries([...t.sv.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1], `v${i}x`]));
      const en = t.en.replace(/\{(\w+)\}/g, (_, n: string) => values[n]);
      expect(translateError(errorText(key, values as never), "en"), key).toBe(en);
    }
  });

  it("shows a message it has no English for as it is, and never fails", () => {
    expect(translateError("Ett meddelande som ingen har översatt.", "en")).toBe("Ett meddelande som ingen har översatt.");
    // Codes that the forms translate with their own labels pass unchanged.
    for (const code of ["future", "before_given", "unitRequired", "duplicate"]) expect(translateError(code, "en")).toBe(code);
    expect(translateError("", "en")).toBe("");
    expect(translateError("constructor", "en")).toBe("constructor");
    expect(translateError(undefined as unknown as string, "en")).toBeUndefined();
  });

});

describe("the refusals the server words from a catalogue", () => {
  it("are in English as the English pages word them", () => {
    for (const r of [
      { active: 1, upcoming: 0 },
      { active: 0, upcoming: 1 },
      { active: 3, upcoming: 0 },
      { active: 2, upcoming: 2 },
      { active: 12, upcoming: 1 },
    ]) {
      expect(translateServerError(closeBlockedText(sfiMessages.sv, r), "en")).toBe(closeBlockedText(sfiMessages.en, r));
      expect(translateServerError(closeBlockedText(sfiMessages.sv, r), "sv")).toBe(closeBlockedText(sfiMessages.sv, r));
    }
    const blockers = [
      { code: "later", group: "SFI B kväll", date: "2026-04-01" },
      { code: "nextChanged", group: "Grupp (C) 2.", date: "2026-04-01" },
      { code: "nextRecorded", group: "C dag" },
      { code: "plan" },
    ] as Parameters<typeof undoBlockedText>[1][];
    for (const b of blockers) expect(translateServerError(undoBlockedText(sfiMessages.sv, b), "en")).toBe(undoBlockedText(sfiMessages.en, b));
    expect(translateServerError(sfiMessages.sv.undoNothing, "en")).toBe(sfiMessages.en.undoNothing);
  });
});
