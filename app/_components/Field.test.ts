// The form-level message renders exactly the markup the forms wrote out by hand before it (the
// journeys and the axe checks look for these roles and classes).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormMessage } from "./Field";

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
