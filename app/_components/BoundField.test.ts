// A server action's answer as a form's message: field errors go next to their fields, the
// form-level error (through the labels) or the success text is the message.
import { describe, expect, it, vi } from "vitest";
import { actionMessage } from "./BoundField";

describe("actionMessage", () => {
  it("is the success text when the action succeeded, and sets no field error", () => {
    const setError = vi.fn();
    expect(actionMessage(setError, { ok: true }, {}, "Sparat.")).toEqual({ ok: true, text: "Sparat." });
    expect(setError).not.toHaveBeenCalled();
  });

  it("puts field errors next to their fields and the form error, through the labels, in the message", () => {
    const setError = vi.fn();
    const result = { ok: false, formError: "stale", fieldErrors: { name: ["Ange ett namn."], _form: ["stale"] } };
    expect(actionMessage(setError, result, { stale: "Någon annan har ändrat." }, "Sparat.")).toEqual({ ok: false, text: "Någon annan har ändrat." });
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith("name", { message: "Ange ett namn." }, { shouldFocus: true });
  });

  it("has no text when only fields were wrong", () => {
    expect(actionMessage(vi.fn(), { ok: false, fieldErrors: { name: ["Ange ett namn."] } }, {}, "Sparat.")).toEqual({ ok: false, text: "" });
  });
});
