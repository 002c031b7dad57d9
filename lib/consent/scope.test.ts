// A consent's scope, in the participant's own words, read as the parts a hand-over may hold: only
// what the words name, health only when named, nothing after a negation.
import { describe, expect, it } from "vitest";
import { consentScopeParts } from "./scope";

describe("consentScopeParts", () => {
  it("reads the plan as its goal and its activities, and sfi attendance when attendance is named", () => {
    expect(consentScopeParts("Planen och närvaro i sfi")).toEqual(["goal", "activities", "sfiAttendance"]);
    expect(consentScopeParts("Planens mål och insatser")).toEqual(["goal", "activities"]);
    expect(consentScopeParts("Individuella handlingsplanen")).toEqual(["goal", "activities"]);
    expect(consentScopeParts("Plan")).toEqual(["goal", "activities"]);
    expect(consentScopeParts("sfi-närvaro")).toEqual(["sfiAttendance"]);
  });

  it("gives the named part of the plan alone", () => {
    expect(consentScopeParts("Planens mål")).toEqual(["goal"]);
    expect(consentScopeParts("Målet")).toEqual(["goal"]);
    expect(consentScopeParts("Insatserna i planen")).toEqual(["activities"]);
    expect(consentScopeParts("Pågående aktiviteter")).toEqual(["activities"]);
  });

  it("gives health data only when the scope names it, never with the plan alone", () => {
    expect(consentScopeParts("Planen")).not.toContain("health");
    expect(consentScopeParts("Planen och närvaro i sfi")).not.toContain("health");
    expect(consentScopeParts("Planen och hälsoundersökningen")).toEqual(["goal", "activities", "health"]);
    expect(consentScopeParts("Uppgifter om hälsan")).toEqual(["health"]);
    expect(consentScopeParts("The plan and the health examination")).toEqual(["goal", "activities", "health"]);
  });

  it("names nothing after a negation: it may say less than meant, never more", () => {
    expect(consentScopeParts("Planen men inte hälsoundersökningen")).toEqual(["goal", "activities"]);
    expect(consentScopeParts("Allt utom hälsa")).toEqual([]);
    expect(consentScopeParts("Planen, ej närvaro")).toEqual(["goal", "activities"]);
    expect(consentScopeParts("Everything except health")).toEqual([]);
  });

  it("does not read sfi alone as its attendance, nor a word that only looks like one", () => {
    expect(consentScopeParts("Sfi")).toEqual([]);
    expect(consentScopeParts("Planerade möten")).toEqual([]);
    expect(consentScopeParts("")).toEqual([]);
    expect(consentScopeParts(`<script>x</script><b>mål</b> och "insatser"`)).toEqual(["goal", "activities"]);
  });
});
