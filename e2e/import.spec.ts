// Journey: an admin uploads a caseload, sees the preview with an error (the value given, no counts
// as if they would happen, every error as a CSV file), fixes the file, sees the warnings (a date
// after today, people without a coordinator, a case gallring would anonymise), imports, sees the
// progress and the result; focus goes to each result's heading. A coordinator then finds the
// imported person, and one without a coordinator under "Ej tilldelade", and takes the case.
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { ImportPage } from "./pages/ImportPage";

const HEADER = "external_id;personnummer;first_name;last_name;birth_date;gender;education_level;reception_date;settlement;programme_start;programme_end;coordinator_email";
const stamp = Date.now().toString(36);
const row = (gender: string) =>
  `IMP-${stamp};;Importerad;Testsson${stamp};1991-04-04;${gender};gymnasial;2025-02-01;anvisad;2025-02-20;;anna.koordinator@demo.etablera.se`;
/** No coordinator_email: the person goes to "Ej tilldelade". Their exit is dated ahead: a warning. */
const future = `${new Date().getFullYear() + 1}-06-30`;
const unassigned = `IMP-EJ-${stamp};;Otilldelad;Ejsson${stamp};1992-02-02;M;;2025-03-01;;2025-03-10;${future};`;
/** A closed case from long ago: gallring would anonymise it at once (only previewed, never imported). */
const longClosed = `IMP-OLD-${stamp};;Gammal;Avslutad${stamp};1970-01-01;K;;2015-01-01;;2015-02-01;2017-01-31;`;
const file = (...rows: string[]) => [{ name: "participants.csv", text: "\uFEFF" + [HEADER, ...rows].join("\r\n") }];

test("an admin checks, corrects and imports a caseload file", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Import" }).click();
  const importPage = new ImportPage(page);
  await importPage.goto();
  await expectAccessible(page);

  // A file of another name is refused: the reason takes the focus the button had (disabled meanwhile).
  await importPage.choose([{ name: "deltagare.csv", text: HEADER }]);
  await importPage.check();
  const refused = page.getByRole("alert").filter({ hasText: "Filerna ska heta participants.csv, activities.csv och outcomes.csv" });
  await expect(refused).toBeFocused();

  await importPage.choose(file(row("Q")));
  await importPage.check();
  await expect(page.getByRole("heading", { name: /Fel som måste rättas \(1\)/ })).toBeVisible();
  // Focus on the preview's heading, and one short sentence said (not the whole table).
  await expect(page.getByRole("heading", { name: "Förhandsgranskning" })).toBeFocused();
  await expect(page.getByTestId("import-status")).toHaveText("Förhandsgranskningen är klar: 1 fel måste rättas.");
  const errorRow = page.locator("table tbody tr").first();
  await expect(errorRow).toContainText("participants.csv");
  await expect(errorRow).toContainText("gender");
  await expect(errorRow).toContainText('ogiltigt värde, tillåtna: K, M, X; angivet: "Q"');
  // No counts as if something would be imported; it says nothing will be.
  await expect(page.locator("dl.facts")).toHaveCount(0);
  await expect(page.getByText(/Ingenting importeras förrän felen är rättade/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Importera" })).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Ladda ned alla fel som CSV-fil/ }).click();
  expect((await download).suggestedFilename()).toBe("importfel.csv");
  await expectAccessible(page);

  // A case gallring would anonymise at once: said in the preview (this file is not imported).
  await importPage.choose(file(longClosed));
  await importPage.check();
  await expect(page.getByText("1 deltagare i filen har ett avslutat ärende som redan passerat gallringsfristen och gallras vid nästa körning.")).toBeVisible();
  await expect(page.locator("table tbody tr").first()).toContainText("gallras vid nästa körning av gallringen");

  await importPage.choose(file(row("K"), unassigned));
  await importPage.check();
  await expect(page.getByText("Filerna är felfria. Bekräfta för att importera.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Förhandsgranskning" })).toBeFocused();
  await expect(page.getByTestId("import-status")).toHaveText("Förhandsgranskningen är klar: filerna är felfria.");
  await expect(page.locator("dl.facts")).toContainText("Deltagare som läggs till2");
  await expect(page.getByText("1 deltagare saknar koordinator och hamnar under Ej tilldelade.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Varningar (1)" })).toBeVisible();
  await expect(page.locator("table tbody tr").first()).toContainText(`datumet ${future} ligger i framtiden`);
  await expectAccessible(page);
  const stockholmDay = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const dayBefore = stockholmDay();
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByRole("heading", { name: "Importen är klar" })).toBeFocused();
  await expect(page.getByTestId("import-status")).toHaveText("Importen är klar.");
  await expect(page.getByText("Tillagda: 2 deltagare, 0 insatser, 0 utfall. Uppdaterade: 0.")).toBeVisible();
  await expect(page.getByText("1 deltagare saknar koordinator och hamnar under Ej tilldelade.", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se de importerade deltagarna i loggen" })).toBeVisible();
  // The log from the Swedish day the server started the import on, not the browser's day.
  const from = new URL((await page.getByRole("link", { name: "Se de importerade deltagarna i loggen" }).getAttribute("href"))!, page.url()).searchParams.get("from");
  expect([dayBefore, stockholmDay()]).toContain(from);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Se de importerade deltagarna i loggen" }).click();
  await expect(page.locator("table").getByText("Registrerade deltagaren genom import").first()).toBeVisible();

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto("/deltagare");
  await coordinator.getByLabel("Sök på namn").fill(`Testsson${stamp}`);
  await coordinator.getByRole("button", { name: "Sök" }).click();
  await expect(coordinator.getByRole("link", { name: `Importerad Testsson${stamp}` })).toBeVisible();

  // The one without a coordinator waits under "Ej tilldelade", and is taken from there.
  await coordinator.goto("/deltagare");
  await coordinator.getByRole("link", { name: /^Ej tilldelade \(\d+\)$/ }).click();
  await expect(coordinator.getByRole("heading", { name: "Ej tilldelade", level: 2 })).toBeVisible();
  await coordinator.getByLabel("Sök på namn").fill(`Ejsson${stamp}`);
  await coordinator.getByRole("button", { name: "Sök" }).click();
  await expectAccessible(coordinator);
  await coordinator.getByRole("button", { name: `Jag tar ärendet: Otilldelad Ejsson${stamp}` }).click();
  const taken = coordinator.getByTestId("intake-message");
  await expect(taken).toContainText(`Du har tagit ärendet för Otilldelad Ejsson${stamp}.`);
  await expect(taken).toBeFocused();
  await taken.getByRole("link", { name: `Öppna Otilldelad Ejsson${stamp}` }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: `Otilldelad Ejsson${stamp}` })).toBeVisible();
  await coordinatorContext.close();
});

test("other roles cannot reach the import", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  const res = await page.request.post("/api/import", { multipart: { mode: "dry-run" } });
  expect(res.status()).toBe(404);
});

test("an sfi teacher and a manager see no list Ej tilldelade", async ({ page }) => {
  for (const who of ["sfi_teacher", "manager"] as const) {
    await signInAs(page, who);
    await page.goto("/deltagare?lista=ej-tilldelade");
    await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
    await page.context().clearCookies();
  }
});
