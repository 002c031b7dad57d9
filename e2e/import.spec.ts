// Journey: an admin uploads a caseload, sees the preview with an error, fixes the file, imports,
// sees the progress and the result; the coordinator then finds the imported person.
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { ImportPage } from "./pages/ImportPage";

const HEADER = "external_id;personnummer;first_name;last_name;birth_date;gender;education_level;reception_date;settlement;programme_start;programme_end;coordinator_email";
const stamp = Date.now().toString(36);
const row = (gender: string) =>
  `IMP-${stamp};;Importerad;Testsson${stamp};1991-04-04;${gender};gymnasial;2025-02-01;anvisad;2025-02-20;;anna.koordinator@demo.etablera.se`;

test("an admin checks, corrects and imports a caseload file", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Import" }).click();
  const importPage = new ImportPage(page);
  await importPage.goto();
  await expectAccessible(page);

  await importPage.choose([{ name: "participants.csv", text: "\uFEFF" + [HEADER, row("Q")].join("\r\n") }]);
  await importPage.check();
  await expect(page.getByRole("heading", { name: /Fel som måste rättas \(1\)/ })).toBeVisible();
  const errorRow = page.locator("table tbody tr").first();
  await expect(errorRow).toContainText("participants.csv");
  await expect(errorRow).toContainText("gender");
  await expect(errorRow).toContainText("ogiltigt värde, tillåtna: K, M, X");
  await expect(page.getByRole("button", { name: "Importera" })).toHaveCount(0);
  await expectAccessible(page);

  await importPage.choose([{ name: "participants.csv", text: "\uFEFF" + [HEADER, row("K")].join("\r\n") }]);
  await importPage.check();
  await expect(page.getByText("Filerna är felfria. Bekräfta för att importera.")).toBeVisible();
  await expect(page.locator("dl.facts")).toContainText("Deltagare som läggs till1");
  await page.getByRole("button", { name: "Importera" }).click();
  await expect(page.getByRole("heading", { name: "Importen är klar" })).toBeVisible();
  await expect(page.getByText("Tillagda: 1 deltagare, 0 insatser, 0 utfall. Uppdaterade: 0.")).toBeVisible();
  await expectAccessible(page);

  const coordinator = await browser.newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto("/deltagare");
  await coordinator.getByLabel("Sök på namn").fill(`Testsson${stamp}`);
  await coordinator.getByRole("button", { name: "Sök" }).click();
  await expect(coordinator.getByRole("link", { name: `Importerad Testsson${stamp}` })).toBeVisible();
  await coordinator.close();
});

test("other roles cannot reach the import", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  const res = await page.request.post("/api/import", { multipart: { mode: "dry-run" } });
  expect(res.status()).toBe(404);
});
