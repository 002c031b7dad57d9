// The plan history's words in both languages: entries are stored in Swedish exactly as before, and
// every kind of stored entry (goal, activity created or changed, with a note from another write,
// import, the demo's "Planen upprättades") reads back and shows in English; what cannot be read
// back is shown as stored, in Swedish.
import { describe, expect, it } from "vitest";
import { activityRow as row } from "./testing";
import { activityChangeOf, describeActivityChange } from "./history";
import { describeGoalChange, historyEntryText, parseHistoryEntry, renderHistoryEntry } from "./history-text";

const names = { e1: "Hamnkrogen", u1: "Anna Andersson", u2: "Jonas Berg" };
const en = (kind: string, summary: string) => historyEntryText(kind, summary, "en");

describe("the plan's history in Swedish (as stored)", () => {
  it("describes a goal change as before", () => {
    expect(describeGoalChange({ goalType: "arbete", goalOccupation: "Kock", goalNote: null, reviewDate: null }, { goalType: "arbete", goalOccupation: "Bagare", goalNote: null, reviewDate: "2026-09-01" })).toBe(
      "Målyrke: Kock → Bagare; Nästa översyn: – → 2026-09-01",
    );
    expect(describeGoalChange(null, { goalType: "arbete", goalOccupation: "Kock", goalNote: null, reviewDate: null })).toBe("Planen upprättades. Mål: – → arbete; Målyrke: – → Kock");
    const same = { goalType: "studier", goalOccupation: "Sjuksköterska", goalNote: "Först svenska 3", reviewDate: null };
    expect(describeGoalChange(same, same)).toBe("Sparad utan ändringar");
  });

  it("shows a stored entry unchanged in Swedish mode", () => {
    expect(historyEntryText("activity", "vad som helst", "sv")).toEqual({ text: "vad som helst", lang: "sv" });
  });
});

describe("the plan's history in English", () => {
  it("puts a goal change's fields and goal type in English, and keeps what was written", () => {
    expect(en("goal", "Planen upprättades. Mål: – → arbete; Målyrke: – → Kock")).toEqual({ text: "The plan was drawn up. Goal: – → work; Goal occupation: – → Kock", lang: "en" });
    expect(en("goal", "Målyrke: Kock → Bagare; Nästa översyn: – → 2026-09-01").text).toBe("Goal occupation: Kock → Bagare; Next review: – → 2026-09-01");
    expect(en("goal", "Mål: arbete → studier; Kommentar: Körkort först; sedan praktik → –").text).toBe("Goal: work → studies; Comment: Körkort först; sedan praktik → –");
    expect(en("goal", "Sparad utan ändringar").text).toBe("Saved without changes");
    // The demo's first revision of every plan.
    expect(en("goal", "Planen upprättades").text).toBe("The plan was drawn up");
  });

  it("puts a new activity, its status, and what an edit changed in English", () => {
    expect(en("activity", "Ny insats: Praktik hos Hamnkrogen, planerad 2026-03-01 – 2026-03-31").text).toBe("New activity: Internship (praktik) at Hamnkrogen, planned 2026-03-01 – 2026-03-31");
    expect(en("activity", "Ny insats: Samhällsorientering, planerad 2026-03-01 – tills vidare").text).toBe("New activity: Civic orientation (samhällsorientering), planned 2026-03-01 – until further notice");
    expect(en("activity", "Praktik hos Hamnkrogen: status planerad → pågående; startdatum 2026-03-01 → 2026-03-03").text).toBe(
      "Internship (praktik) at Hamnkrogen: status planned → ongoing; start date 2026-03-01 → 2026-03-03",
    );
    expect(
      en(
        "activity",
        "Praktik hos Hamnkrogen: status pågående → avbruten; slutdatum 2026-03-31 → 2026-03-15; ansvarig – → Jonas Berg; timmar per vecka 20 → 12,5; skäl till avbrott – → Fick jobb på annat håll",
      ).text,
    ).toBe(
      "Internship (praktik) at Hamnkrogen: status ongoing → interrupted; end date 2026-03-31 → 2026-03-15; responsible – → Jonas Berg; hours per week 20 → 12.5; reason for interruption – → Fick jobb på annat håll",
    );
    expect(en("activity", "Praktik hos Hamnkrogen: yrke Kock → Bagare").text).toBe("Internship (praktik) at Hamnkrogen: occupation Kock → Bagare");
    expect(en("activity", "Validering: väg (hur) – → Branschvalidering; resultat av valideringen – → Godkänd").text).toBe("Validation of skills (validering): route – → Branschvalidering; result of the validation – → Godkänd");
    expect(en("activity", "Hälsoundersökning hos Vårdcentralen: läge erbjuden → bokad; bokad – → 2026-04-02").text).toBe(
      "Health examination (hälsoundersökning) at Vårdcentralen: stage offered → booked; booked – → 2026-04-02",
    );
    expect(en("activity", "Praktik hos Hamnkrogen: typ praktik → extratjänst; arbetsgivare Hamnkrogen → okänd").text).toBe(
      "Internship (praktik) at Hamnkrogen: type internship (praktik) → subsidised job (extratjänst); employer Hamnkrogen → unknown",
    );
  });

  it("reads an interruption's reason and the notes other writes add", () => {
    expect(en("activity", "Ny insats: Sfi hos Lärcentrum, avbruten 2026-01-10 – 2026-02-01 (skäl: Flyttade) (avbrott i sfi)").text).toBe(
      "New activity: Swedish for immigrants (sfi) at Lärcentrum, interrupted 2026-01-10 – 2026-02-01 (reason: Flyttade) (interruption of sfi)",
    );
    expect(en("activity", "Ny insats: Sfi hos Lärcentrum, pågående 2026-01-10 – tills vidare (inskriven i sfi-gruppen SFI B (kväll))").text).toBe(
      "New activity: Swedish for immigrants (sfi) at Lärcentrum, ongoing 2026-01-10 – until further notice (enrolled in the sfi group SFI B (kväll))",
    );
    expect(en("activity", "Sfi hos Lärcentrum: kurs B → C (kurs B klar)").text).toBe("Swedish for immigrants (sfi) at Lärcentrum: course B → C (course B completed)");
    expect(en("activity", "Sfi hos Lärcentrum: status avbruten → pågående; slutdatum 2026-04-14 → –; skäl till avbrott arbete → – (ångrat avbrott i sfi)").text).toBe(
      "Swedish for immigrants (sfi) at Lärcentrum: status interrupted → ongoing; end date 2026-04-14 → –; reason for interruption arbete → – (the interruption of sfi undone)",
    );
    expect(en("activity", "Sfi hos Lärcentrum: kurs C → B (ångrat att kursen är klar)").text).toBe("Swedish for immigrants (sfi) at Lärcentrum: course C → B (the course's completion undone)");
    expect(
      en("activity", "Sfi: status planerad → pågående; startdatum 2026-08-01 → 2026-06-10; anordnare – → Lärcentrum; timmar per vecka – → 14; skola – → Lärcentrum; studieväg – → 2; kurs – → B (inskriven i sfi-gruppen SV2 B eftermiddag)").text,
    ).toBe("Swedish for immigrants (sfi): status planned → ongoing; start date 2026-08-01 → 2026-06-10; provider – → Lärcentrum; hours per week – → 14; school – → Lärcentrum; study path – → 2; course – → B (enrolled in the sfi group SV2 B eftermiddag)");
    expect(en("activity", "Ny insats: Praktik hos Hamnkrogen, planerad 2026-05-01 – 2026-06-30 (bokad på en ledig plats)").text).toBe(
      "New activity: Internship (praktik) at Hamnkrogen, planned 2026-05-01 – 2026-06-30 (booked on an opening)",
    );
    expect(en("activity", "Ny insats: Validering, planerad 2026-05-01 – tills vidare (från uppföljningen 2026-04-20)").text).toBe(
      "New activity: Validation of skills (validering), planned 2026-05-01 – until further notice (from the follow-up of 2026-04-20)",
    );
  });

  it("puts an import's counts in English", () => {
    expect(en("import", "Import (kommunens register 2026): 3 nya insatser, 1 insats ändrad").text).toBe("Import (kommunens register 2026): 3 new activities, 1 activity changed");
    expect(en("import", "Import (fil.xlsx): 1 ny insats").text).toBe("Import (fil.xlsx): 1 new activity");
    expect(en("import", "Import (fil.xlsx): 2 insatser ändrade").text).toBe("Import (fil.xlsx): 2 activities changed");
  });

  it("keeps names and values that hold the entries' own punctuation", () => {
    // An employer's name with ": " and a value with "; ".
    expect(en("activity", "Praktik hos Bygg: Syd AB: handledare – → Ali; Eva").text).toBe("Internship (praktik) at Bygg: Syd AB: supervisor (handledare) – → Ali; Eva");
    expect(en("activity", "Ny insats: Annan insats hos Röda Korset, planerad 2026-03-01 – 2026-03-31").text).toBe("New activity: Other activity at Röda Korset, planned 2026-03-01 – 2026-03-31");
  });

  it("shows an entry it cannot read back as stored, in Swedish", () => {
    for (const [kind, summary] of [
      ["activity", "Något helt annat"],
      ["activity", "Ny insats: Okänd typ, planerad 2026-03-01 – 2026-03-31"],
      ["goal", "Målet ändrades"],
      ["import", "Import av något"],
      ["other", "Planen upprättades"],
    ]) {
      expect(en(kind, summary)).toEqual({ text: summary, lang: "sv" });
    }
  });

  it("reads back every entry the app writes, whatever changed", () => {
    const types = ["sfi", "praktik", "validering", "halsoundersokning", "anstallning"] as const;
    const statuses = ["planerad", "pagaende", "avslutad", "avbruten"] as const;
    const variants: Partial<Parameters<typeof row>[0]>[] = [
      { endDate: null, plannedEndDate: null },
      { provider: "Lärcentrum", employerId: null },
      { hoursPerWeek: "7.5" },
      { hoursPerWeek: null, responsibleUserId: "u1" },
      { interruptReason: "Fick arbete; börjar måndag", resultNote: "Bra → mycket bra" },
      { details: { occupation: "Bagare", supervisor: "Eva", extentPercent: 50, subsidy: "lönestöd" } },
      { details: { healthStatus: "bokad", bookedDate: "2026-03-10", unknownKey: "x" } },
      { employerId: "gone" },
    ];
    let checked = 0;
    for (const type of types)
      for (const status of statuses)
        for (const v of variants) {
          const before = row({ type });
          const after = row({ type, status, ...v, version: 2 });
          for (const summary of [describeActivityChange(null, after, names), describeActivityChange(before, after, names)]) {
            if (summary === null) continue;
            const entry = parseHistoryEntry("activity", summary);
            expect(entry, summary).not.toBeNull();
            expect(renderHistoryEntry(entry!, "sv")).toBe(summary);
            expect(historyEntryText("activity", summary, "en").lang).toBe("en");
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(100);
  });

  it("writes the same change in each language from one structure", () => {
    const entry = activityChangeOf(row({ status: "pagaende" }), row({ status: "avslutad", resultNote: "Fick anställning" }), names)!;
    expect(renderHistoryEntry(entry, "sv")).toBe("Praktik hos Hamnkrogen: status pågående → avslutad; resultat – → Fick anställning");
    expect(renderHistoryEntry(entry, "en")).toBe("Internship (praktik) at Hamnkrogen: status ongoing → finished; result – → Fick anställning");
  });
});
