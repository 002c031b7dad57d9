// The form-level message renders exactly the markup the forms wrote out by hand before it (the
// journeys and the axe checks look for these roles and classes).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { FormMessage, setFieldErrors } from "./Field";

const html = (props: Parameters<typeof FormMessage>[0]) => renderToStaticMarkup(createElement(FormMessage, props));

describe("FormMessage", () => {
  it("shows an error as an alert and a success as a status", () => {
    expect(html({ error: "Fel datum." })).toBe('<p role="alert" class="form-error">Fel datum.</p>');
    expect(html({ success: "Sparat." })).toBe('<p role="status" class="success">Sparat.</p>');
    expect(html({ message: { ok: false, text: "Fel datum." } })).toBe('<p role="alert" class="form-error">Fel datum.</p>');
    expect(html({ message: { ok: true, text: "Sparat." } })).toBe('<p role="status" class="success">Sparat.</p>');
  });

  it("answers beside a button in a row as a span: an error in the field style, a success plain", () => {
    expect(html({ message: { ok: false, text: "Tiden är upptagen." }, inline: true })).toBe('<span role="alert" class="field-error"> Tiden är upptagen.</span>');
    expect(html({ message: { ok: true, text: "Bokat." }, inline: true })).toBe('<span role="status"> Bokat.</span>');
    expect(html({ message: null, inline: true })).toBe("");
  });

  it("shows nothing without text, and the error when given both", () => {
    for (const props of [{}, { error: null }, { error: "" }, { message: null }, { message: { ok: false, text: "" } }, { success: undefined }]) expect(html(props)).toBe("");
    expect(html({ error: "Ändrat sedan dess.", success: "Klart: 3" })).toBe('<p role="alert" class="form-error">Ändrat sedan dess.</p>');
  });

  it("renders text as text", () => {
    expect(html({ error: "<b>x</b>" })).toBe('<p role="alert" class="form-error">&lt;b&gt;x&lt;/b&gt;</p>');
  });
});

describe("setFieldErrors", () => {
  it("puts each field's first message on it, skipping the form's own, and asks for focus until a field has it", () => {
    const setError = vi.fn();
    const focused = setFieldErrors(setError, { _form: ["Ändrat sedan dess."], personnummer: ["Finns redan.", "Annat"], birthDate: ["Fel datum."], empty: [] });
    // Without a page (here) no field can be seen to have taken focus: each is asked, and the form may focus its message.
    expect(setError.mock.calls).toEqual([
      ["personnummer", { message: "Finns redan." }, { shouldFocus: true }],
      ["birthDate", { message: "Fel datum." }, { shouldFocus: true }],
    ]);
    expect(focused).toBe(false);
    expect(setFieldErrors(setError, undefined)).toBe(false);
  });

  it("tries the next field when the first has no control that took focus", () => {
    const fields = new Map([["birthDate", { name: "birthDate" }]]);
    const doc = { activeElement: null as { name: string } | null };
    vi.stubGlobal("document", doc);
    try {
      const setError = vi.fn((name: string, _e: unknown, o?: { shouldFocus?: boolean }) => {
        if (o?.shouldFocus && fields.has(name)) doc.activeElement = fields.get(name)!;
      });
      expect(setFieldErrors(setError, { participantId: ["Okänd."], birthDate: ["Fel datum."], gender: ["Välj."] })).toBe(true);
      expect(setError.mock.calls.map((c) => [c[0], c[2]])).toEqual([
        ["participantId", { shouldFocus: true }],
        ["birthDate", { shouldFocus: true }],
        ["gender", { shouldFocus: false }],
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
