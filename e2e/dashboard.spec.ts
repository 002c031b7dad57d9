// Journey: a manager filters the results, sees the chart and the table agree, and exports XLSX
// holding the same numbers.
import ExcelJS from "exceljs";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { ResultsPage } from "./pages/ResultsPage";

test("a manager filters, compares chart and table, and exports the same numbers", async ({ page }) => {
  await signInAs(page, "manager");
  const results = new ResultsPage(page);
  await results.goto();
  await expectAccessible(page);
  // A manager sees counts, never names.
  await expect(page.getByText("Visa personerna")).toHaveCount(0);

  // Filter: women only, via the form.
  await page.getByLabel("Kön", { exact: true }).selectOption("K");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/gender=K/);
  const table = await results.outcomeTable();
  expect(table.size).toBeGreaterThan(0);
  for (const key of table.keys()) expect(key.endsWith("|K")).toBe(true);

  // The chart draws exactly the shares the table shows (suppressed ones as "–" in both).
  const shares = [...table.values()].map((r) => r.share).filter((s) => s !== "").map(Number).sort();
  expect(await results.chartValues()).toEqual(shares);
  await expectAccessible(page);

  // The XLSX export holds the same rows.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exportera Excel (XLSX)" }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file!);
  const selection = wb.worksheets[0];
  const selectionText = selection.getSheetValues().flat().join(" ");
  expect(selectionText).toContain("Kvinnor");
  const sheet = wb.worksheets.find((w) => w.name.startsWith("1 "))!;
  const exported = new Map<string, { n: number; share: string }>();
  sheet.eachRow((row, i) => {
    if (i <= 3) return;
    const v = row.values as (string | number | null)[];
    exported.set(`${v[1]}|K`, { n: Number(v[3]), share: v[8] === null || v[8] === undefined ? "" : String(v[8]) });
  });
  expect(exported).toEqual(table);
});

test("a coordinator sees their unit's figures but cannot export; a teacher gets nothing", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  await page.goto("/resultat");
  await expect(page.getByRole("heading", { level: 1, name: "Resultat" })).toBeVisible();
  await expect(page.getByLabel("Enhet", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Exportera CSV" })).toHaveCount(0);
  // The drill-down names the people behind a figure, and they open.
  const missingEducation = page.locator("dd", { has: page.locator("summary") }).first();
  await missingEducation.locator("summary").click();
  const person = missingEducation.getByRole("link").first();
  const name = (await person.innerText()).trim();
  await person.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.goBack();
  expect((await page.request.get("/api/export/resultat?format=csv")).status()).toBe(404);

  const teacher = await browser.newPage();
  await signInAs(teacher, "sfi_teacher");
  await teacher.goto("/resultat");
  await expect(teacher.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  await teacher.close();
});
