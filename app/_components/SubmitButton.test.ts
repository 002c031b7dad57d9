// Where focus goes when a form's answer comes (SubmitButton): the first wrong field, else the
// form's error, else its message, else the button; and only when it had fallen to the page. The
// tests run without a browser: a small stand-in for the few DOM calls the module makes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { answerIn, focusAnswer, focusIfLost, SubmitButton } from "./SubmitButton";
import { SectionAnswer } from "./SectionAnswer";

// ---- A stand-in for the DOM: elements with attributes, text, children and simple selectors ----

class FakeDocument {
  body: FakeElement;
  activeElement: FakeElement | null = null;
  constructor() {
    this.body = new FakeElement(this, "body");
    this.activeElement = this.body;
  }
}

/** One compound selector (tag, .class, [attr], [attr="v"], :not(…)) against an element. */
function matchesCompound(el: FakeElement, sel: string): boolean {
  let rest = sel.trim();
  while (rest) {
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^:not\(([^()]*)\)/))) {
      if (matchesCompound(el, m[1])) return false;
    } else if ((m = rest.match(/^\[([\w-]+)(?:="([^"]*)")?\]/))) {
      if (!el.hasAttribute(m[1]) || (m[2] !== undefined && el.getAttribute(m[1]) !== m[2])) return false;
    } else if ((m = rest.match(/^\.([\w-]+)/))) {
      if (!(el.getAttribute("class") ?? "").split(/\s+/).includes(m[1])) return false;
    } else if ((m = rest.match(/^([a-z]+)/))) {
      if (el.tag !== m[1]) return false;
    } else throw new Error(`selector not supported here: ${rest}`);
    rest = rest.slice(m[0].length);
  }
  return true;
}

class FakeElement {
  attrs = new Map<string, string>();
  children: FakeElement[] = [];
  parentElement: FakeElement | null = null;
  text = "";
  constructor(
    public ownerDocument: FakeDocument,
    public tag: string,
  ) {}
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join("");
  }
  get isConnected(): boolean {
    let el: FakeElement | null = this;
    while (el && el !== this.ownerDocument.body) el = el.parentElement;
    return el === this.ownerDocument.body;
  }
  get form(): FakeElement | null {
    return this.closest("form");
  }
  hasAttribute(name: string) {
    return this.attrs.has(name);
  }
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attrs.set(name, value);
  }
  append(...children: FakeElement[]) {
    for (const c of children) {
      c.parentElement = this;
      this.children.push(c);
    }
    return this;
  }
  remove() {
    if (this.parentElement) this.parentElement.children = this.parentElement.children.filter((c) => c !== this);
    this.parentElement = null;
  }
  matches(selectors: string) {
    return selectors.split(",").some((s) => matchesCompound(this, s));
  }
  closest(selectors: string): FakeElement | null {
    let el: FakeElement | null = this;
    while (el && !el.matches(selectors)) el = el.parentElement;
    return el;
  }
  querySelectorAll(selectors: string): FakeElement[] {
    const out: FakeElement[] = [];
    const walk = (el: FakeElement) => {
      for (const c of el.children) {
        if (c.matches(selectors)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  querySelector(selectors: string) {
    return this.querySelectorAll(selectors)[0] ?? null;
  }
  focus() {
    this.ownerDocument.activeElement = this;
  }
}

const asDom = (el: FakeElement) => el as unknown as HTMLElement;

/** A form as the app draws one: a message above the fields, fields, the submit button. */
function page(opts: { error?: string; success?: string; wrongField?: boolean; liveText?: string; hiddenStatus?: string } = {}) {
  const doc = new FakeDocument();
  const el = (tag: string, attrs: Record<string, string> = {}, text = "") => {
    const e = new FakeElement(doc, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.text = text;
    return e;
  };
  const form = el("form");
  // FormMessage draws nothing without text; a status line that is always there may be empty.
  if (opts.error) form.append(el("p", { role: "alert", class: "form-error" }, opts.error));
  if (opts.hiddenStatus) form.append(el("p", { role: "status", class: "visually-hidden" }, opts.hiddenStatus));
  form.append(el("p", { role: "status" }, ""));
  const name = el("input", { name: "name", ...(opts.wrongField ? { "aria-invalid": "true" } : {}) });
  const date = el("input", { name: "date" });
  form.append(el("div", { class: "field" }).append(name), el("div", { class: "field" }).append(date));
  if (opts.liveText !== undefined) form.append(el("div", { "aria-live": "polite" }).append(el("p", { class: "field-error" }, opts.liveText)));
  const button = el("button", { type: "submit" }, "Spara");
  form.append(button);
  if (opts.success) form.append(el("p", { role: "status", class: "success" }, opts.success));
  doc.body.append(form);
  return { doc, form, button, name };
}

describe("answerIn", () => {
  it("takes the first field marked wrong, then an alert, then a status, then a live region, each with text", () => {
    expect(answerIn(asDom(page({ wrongField: true, error: "Fel." }).form))?.getAttribute("name")).toBe("name");
    expect(answerIn(asDom(page({ error: "Någon annan har ändrat.", success: "Sparat." }).form))?.textContent).toBe("Någon annan har ändrat.");
    expect(answerIn(asDom(page({ success: "Sparat." }).form))?.textContent).toBe("Sparat.");
    expect(answerIn(asDom(page({ liveText: "Ingen träff." }).form))?.getAttribute("aria-live")).toBe("polite");
  });

  it("skips empty and visually hidden messages", () => {
    expect(answerIn(asDom(page({ liveText: "" }).form))).toBeNull();
    expect(answerIn(asDom(page({ hiddenStatus: "Förhandsgranskningen är klar." }).form))).toBeNull();
  });
});

describe("focusAnswer", () => {
  it("gives the form's message focus when focus fell to the page, focusable by script only", () => {
    const { doc, button } = page({ success: "Sparat." });
    const got = focusAnswer(asDom(button));
    expect(got?.textContent).toBe("Sparat.");
    expect(doc.activeElement).toBe(got as unknown as FakeElement);
    expect(got?.getAttribute("tabindex")).toBe("-1");
  });

  it("gives a wrong field focus without making it script-only", () => {
    const { doc, button, name } = page({ wrongField: true });
    focusAnswer(asDom(button));
    expect(doc.activeElement).toBe(name);
    expect(name.hasAttribute("tabindex")).toBe(false);
  });

  it("gives the button focus again when the form has no answer to show", () => {
    const { doc, button } = page();
    expect(focusAnswer(asDom(button))).toBe(asDom(button));
    expect(doc.activeElement).toBe(button);
  });

  it("leaves focus where something (or someone) put it meanwhile", () => {
    const { doc, button, name } = page({ success: "Sparat." });
    name.focus();
    expect(focusAnswer(asDom(button))).toBeNull();
    expect(doc.activeElement).toBe(name);
  });

  it("does nothing for a button that has left the page", () => {
    const { doc, button } = page({ success: "Sparat." });
    button.remove();
    expect(focusAnswer(asDom(button))).toBeNull();
    expect(doc.activeElement).toBe(doc.body);
  });

  it("looks in the closest ancestor named by `scope`, e.g. a message outside the form", () => {
    const { doc, form, button } = page();
    const wrapper = new FakeElement(doc, "div");
    wrapper.setAttribute("class", "enrol");
    form.remove();
    const outside = new FakeElement(doc, "p");
    outside.setAttribute("role", "alert");
    outside.text = "Personen går redan i gruppen.";
    doc.body.append(wrapper.append(form, outside));
    expect(focusAnswer(asDom(button))).toBe(asDom(button));
    doc.activeElement = doc.body;
    expect(focusAnswer(asDom(button), ".enrol")).toBe(asDom(outside));
  });
});

describe("focusIfLost", () => {
  it("focuses only when focus is on the page, and leaves a control's own tab order alone", () => {
    const { doc, button, name } = page();
    expect(focusIfLost(asDom(button))).toBe(asDom(button));
    expect(button.hasAttribute("tabindex")).toBe(false);
    expect(focusIfLost(asDom(name))).toBeNull();
    expect(doc.activeElement).toBe(button);
    expect(focusIfLost(null)).toBeNull();
  });
});

describe("SubmitButton", () => {
  const html = (props: Parameters<typeof SubmitButton>[0]) => renderToStaticMarkup(createElement(SubmitButton, props));
  it("is a submit button, disabled while pending (or when told), with the button's own attributes", () => {
    expect(html({ pending: false, className: "primary", children: "Spara" })).toBe('<button class="primary" type="submit">Spara</button>');
    expect(html({ pending: true, children: "Spara" })).toBe('<button type="submit" disabled="">Spara</button>');
    expect(html({ pending: false, disabled: true, type: "button", children: "Boka" })).toBe('<button type="button" disabled="">Boka</button>');
  });
});

describe("SectionAnswer", () => {
  it("keeps an empty status line in the page before anything is said, then the section's content", () => {
    expect(renderToStaticMarkup(createElement(SectionAnswer, { testId: "followup-status", children: createElement("ul") }))).toBe('<div role="status" data-testid="followup-status"></div><ul></ul>');
  });
});

// ---- Every form's sending button goes through SubmitButton ----------------------------------

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith(".tsx")) out.push(full);
  }
  return out;
}

/** Forms that move focus to their answer themselves (a heading, a message they keep in place). */
const OWN_FOCUS = ["app/(app)/admin/gallring/RunForm.tsx", "app/(app)/admin/import/ImportForm.tsx", "app/(app)/admin/registerutdrag/FindForm.tsx", "app/(app)/deltagare/_components/IntakeList.tsx"];

describe("forms", () => {
  it("disable their submit button while sending only through SubmitButton, which gives focus to the answer", () => {
    const root = process.cwd();
    const plain = walk(path.join(root, "app"))
      .filter((f) => /<button\s+type="submit"[^>]*\sdisabled=/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f).split(path.sep).join("/"))
      .sort();
    expect(plain).toEqual([...OWN_FOCUS].sort());
  });
});
