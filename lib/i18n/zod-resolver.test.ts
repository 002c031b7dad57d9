// The forms' zodResolver shows what the form finds itself in the page's language.
import { afterEach, describe, expect, it } from "vitest";
import type { ResolverOptions } from "react-hook-form";
import { skillMappingSchema } from "@/lib/participants/schema";
import { updatePlanGoalSchema } from "@/lib/plans/schema";
import { localizeFormErrors, pageLocale, zodResolver } from "./zod-resolver";

/** The page's <html lang>, as the root layout sets it from the user's choice. */
function pageIn(lang: string | undefined) {
  if (lang === undefined) Reflect.deleteProperty(globalThis, "document");
  else Object.defineProperty(globalThis, "document", { value: { documentElement: { lang } }, configurable: true });
}
afterEach(() => pageIn(undefined));

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<never>;
const goal = { participantId: "00000000-0000-4000-8000-000000000001", version: 1, goalType: "", goalOccupation: "x", goalNote: "", reviewDate: "1 maj" };

describe("the forms' zodResolver", () => {
  it("answers in the page's language", async () => {
    pageIn("en");
    expect(pageLocale()).toBe("en");
    const en = await zodResolver(updatePlanGoalSchema)(goal as never, undefined, options as never);
    expect(en.errors).toMatchObject({
      goalType: { message: "Choose work or studies." },
      goalOccupation: { message: "Enter the goal occupation or the field of study." },
      reviewDate: { message: "Enter a date (YYYY-MM-DD) or leave the field empty." },
    });
    pageIn("sv");
    const sv = await zodResolver(updatePlanGoalSchema)(goal as never, undefined, options as never);
    expect(sv.errors).toMatchObject({ goalType: { message: "Välj arbete eller studier." }, goalOccupation: { message: "Skriv målyrket eller studieinriktningen." } });
  });

  it("is Swedish without a page, and passes valid values through", async () => {
    expect(pageLocale()).toBe("sv");
    pageIn("en");
    const ok = await zodResolver(updatePlanGoalSchema)({ ...goal, goalType: "arbete", goalOccupation: "Kock", reviewDate: "" } as never, undefined, options as never);
    expect(ok.errors).toEqual({});
    expect(ok.values).toMatchObject({ goalType: "arbete", goalOccupation: "Kock" });
  });

  it("translates the errors of field arrays and nested fields", async () => {
    pageIn("en");
    const mapping = {
      participantId: "00000000-0000-4000-8000-000000000001",
      baseVersion: 0,
      educationYears: "",
      educationLevel: "",
      educationCountry: "",
      educationField: "",
      work: [{ occupation: "Kock", years: "" }, { occupation: "", years: "99" }],
      drivingLicence: "nej",
      languageSkills: [],
      goalOccupations: "",
      healthNeeds: false,
    };
    const r = await zodResolver(skillMappingSchema)(mapping as never, undefined, options as never);
    expect(r.errors).toMatchObject({
      work: [undefined, { occupation: { message: "Enter the occupation, or remove the row." }, years: { message: "Enter the number of years as a number 0–60, or leave the field empty." } }],
    });
  });

  it("leaves what it cannot translate, and the fields' elements, alone", () => {
    const ref = { name: "x", focus() {} };
    const errors = { a: { type: "custom", message: "future", ref }, b: { type: "custom", message: "Välj kön.", types: { custom: "Välj kön." } } };
    expect(localizeFormErrors(errors as never, "en")).toEqual({ a: { type: "custom", message: "future", ref }, b: { type: "custom", message: "Choose the gender.", types: { custom: "Choose the gender." } } });
    expect(localizeFormErrors(errors as never, "sv")).toBe(errors);
  });
});
