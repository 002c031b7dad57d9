// Journey: a manager filters the results, sees the chart and the table agree, and exports XLSX
// holding the same numbers; and, while new figures take long to compute, sees the previous ones
// with a note saying so.
import ExcelJS from "exceljs";
import postgres from "postgres";
import { expect, expectAccessible, signInAs, test } from "./fixtures";
import { ResultsPage } from "./pages/ResultsPage";

test("a manager filters, compares chart and table, and exports the same numbers", async ({ page }) => {
  await signInAs(page, "manager");
  const results = new ResultsPage(page);
  await results.goto();
  await expectAccessible(page);
  // A manager sees counts, never names.
  await expect(page.getByText("Visa personerna")).toHaveCount(0);

  // Filter: women only, via the form. While the figures are computed (held back here, as a
  // selection nobody has asked for yet is in a region), the page says so.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/resultat\?.*gender=K/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByLabel("Kön", { exact: true }).selectOption("K");
  // (the note needs the page's script: wait until the form is hydrated)
  await expect(page.getByRole("button", { name: "Visa" })).toHaveAttribute("data-ready", "true");
  // (while the navigation is held, neither locators nor page.evaluate can be relied on to answer:
  // both may wait for the new document. The page reports the note itself as it appears.)
  let noted: (text: string) => void = () => {};
  const note = new Promise<string>((r) => (noted = r));
  await page.exposeFunction("etableraNoteShown", (text: string) => noted(text));
  await page.evaluate(() => {
    const status = document.querySelector('.filters [role="status"]')!;
    const report = (window as unknown as { etableraNoteShown: (t: string) => void }).etableraNoteShown;
    new MutationObserver(() => status.textContent && report(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  // (not waiting for the navigation the click starts: it is held until the note has been seen)
  await page.getByRole("button", { name: "Visa" }).click({ noWaitAfter: true });
  const shown = await Promise.race([note, new Promise<string>((r) => setTimeout(() => r("(no note within 10 s)"), 10_000))]);
  expect(shown).toContain("Nyckeltalen räknas fram för urvalet");
  release();
  await expect(page).toHaveURL(/gender=K/);
  await page.unroute(/\/resultat\?.*gender=K/);
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
    // A share not shown is "–" in the export too (the table's data-share is empty).
    exported.set(`${v[1]}|K`, { n: Number(v[3]), share: v[8] === "–" ? "" : String(v[8]) });
  });
  expect(exported).toEqual(table);

  // What worked: the outcome by activity for the same selection, its rows in the export too.
  const worked = page.locator("#worked-table tbody tr");
  expect(await worked.count()).toBeGreaterThan(0);
  const workedRows = await worked.evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")!.textContent, tr.querySelectorAll("td")[0].textContent]));
  expect(workedRows.map((r) => r[0])).toContain("Sfi");
  // (a sheet's name is cut at 31 characters)
  const workedSheet = wb.worksheets.find((w) => w.name.startsWith("2 Utfall efter 90 dagar per"))!;
  const workedExported: string[][] = [];
  workedSheet.eachRow((row, i) => {
    if (i <= 3) return;
    const v = row.values as (string | number | null)[];
    workedExported.push([String(v[1]), String(v[2])]);
  });
  expect(workedExported).toEqual(workedRows);
});

test("a coordinator sees their unit's figures but cannot export; a teacher gets nothing", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  await page.goto("/resultat");
  await expect(page.getByRole("heading", { level: 1, name: "Resultat" })).toBeVisible();
  await expect(page.getByLabel("Enhet", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Exportera CSV" })).toHaveCount(0);
  // The drill-down names the people behind a figure when the list is opened (not before: the
  // page holds no names), and they open.
  const missingEducation = page.locator("dd", { has: page.locator("summary") }).first();
  await expect(missingEducation.getByRole("link")).toHaveCount(0);
  const shown = Number(/\((\d+)\)/.exec(await missingEducation.locator("summary").innerText())![1]);
  await missingEducation.locator("summary").click();
  await expect(missingEducation.getByRole("listitem")).toHaveCount(Math.min(shown, 200));
  await expectAccessible(page);
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

test("an admin enters a reference value and a target; a manager sees them beside the figures", async ({ page, browser }) => {
  // A cohort the manager's outcome chart shows.
  // Two users, four accessibility checks: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  // A context of its own, as axe needs.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInAs(manager, "manager");
  await manager.goto("/resultat");
  const year = await manager.locator("#outcome90-table tbody tr").first().getAttribute("data-cohort");
  expect(year).toMatch(/^\d{4}$/);

  await signInAs(page, "admin");
  await page.getByRole("navigation").getByRole("link", { name: "Referensvärden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Referensvärden och mål" })).toBeVisible();
  await expectAccessible(page);

  // Wrong input: the message stands next to the field and what was typed stays.
  await page.getByLabel("Nyckeltal").selectOption("outcome90.share");
  await page.getByLabel("År", { exact: true }).fill(year!);
  await page.getByLabel("Värde", { exact: true }).fill("148");
  await page.getByRole("button", { name: "Spara värdet" }).click();
  await expect(page.getByText("En andel anges i procent, mellan 0 och 100.")).toBeVisible();
  await expect(page.getByText("Ange källan till referensvärdet")).toBeVisible();
  await expect(page.getByLabel("Värde", { exact: true })).toHaveValue("148");
  await expect(page.getByLabel("Värde", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Värde", { exact: true }).fill("48,5");
  await page.getByLabel("Källa").fill("Riket (Kolada)");
  await page.getByRole("button", { name: "Spara värdet" }).click();
  await expect(page.getByRole("status")).toHaveText("Värdet är sparat.");
  await expect(page.getByRole("status")).toBeFocused();
  const row = page.locator(`#reference-values tr[data-indicator="outcome90.share"][data-year="${year}"][data-kind="reference"]`);
  await expect(row).toContainText("48,5 %");
  await expect(row).toContainText("Riket (Kolada)");

  // A local target for the same year.
  await page.getByLabel("Nyckeltal").selectOption("outcome90.share");
  await page.getByLabel("År", { exact: true }).fill(year!);
  await page.getByLabel("Typ").selectOption("target");
  await page.getByLabel("Värde", { exact: true }).fill("60");
  await page.getByRole("button", { name: "Spara värdet" }).click();
  await expect(page.locator(`#reference-values tr[data-year="${year}"][data-kind="target"]`)).toContainText("60 %");

  // The manager sees both on the chart (with a text alternative) and in the table.
  await manager.reload();
  const chart = manager.locator('[data-chart="outcome90-chart"]');
  await expect(chart.locator(`[data-reference-kind="reference"][data-category="${year}"]`)).toHaveAttribute("data-value", "0.485");
  await expect(chart.locator(`[data-reference-kind="target"][data-category="${year}"]`)).toHaveAttribute("data-value", "0.6");
  await expect(chart.locator("[data-references] li", { hasText: `Referensvärde ${year}: 48,5 % (Riket (Kolada))` })).toBeVisible();
  await expect(chart.locator("desc")).toContainText(`Mål ${year}: 60 %`);
  const compared = manager.locator(`#reference-table tr[data-indicator="outcome90.share"][data-year="${year}"]`);
  await expect(compared).toContainText("48,5 %");
  await expect(compared).toContainText("Riket (Kolada)");
  await expect(compared).toContainText("60 %");
  // The local figure beside it is the one of the outcome table's total row.
  const local = await manager.locator(`#outcome90-table tr[data-cohort="${year}"][data-group="total"] td[data-share]`).getAttribute("data-share");
  await expect(compared.locator("td[data-local]")).toHaveAttribute("data-local", local ?? "");
  // Open signals per coordinator stand in the caseload table.
  await expect(manager.locator("#caseload-table th", { hasText: "Öppna signaler" })).toBeVisible();
  await expectAccessible(manager);
  await managerContext.close();
});

test("while new figures take long, the manager sees the previous ones with a note, and the new ones on reload", async ({ page }) => {
  // The new computation is made to wait by a lock taken from a second connection to the server's
  // database; PGlite lives inside the server process and has no second connection, so this runs
  // on PostgreSQL only (CI's second run). The page's own decision is what is checked: no test
  // hook in the app.
  test.skip(!process.env.DATABASE_URL || Boolean(process.env.E2E_BASE_URL), "needs the e2e server's PostgreSQL database (scripts/e2e-server.ts)");
  test.setTimeout(120_000);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/etablera_e2e";
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const note = page.getByRole("status").filter({ hasText: "Siffrorna räknades fram kl." });
  let release = () => {};
  try {
    await signInAs(page, "manager");
    const results = new ResultsPage(page);
    // Figures of the data as it is now, computed and kept.
    await expect(async () => {
      await results.goto();
      await expect(note).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });

    // Someone holds the outcomes table (as a long maintenance statement would): any new
    // computation of the figures waits for it, longer than the page's 0.8 s.
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const held = sql.begin(async (tx) => {
      await tx`lock table outcomes in access exclusive mode`;
      locked();
      await released;
    });
    await lockTaken;
    // A change to data the figures read: the data version moves, as with any save.
    await sql`update units set name = name where municipality_id = (select id from municipalities where code = '9999')`;

    await page.reload();
    await expect(note).toBeVisible();
    await expect(note).toContainText(/kl\. \d{2}:\d{2}\. Uppgifter har ändrats sedan dess/);
    // The previous figures stand beneath it.
    await expect(page.locator("#outcome90-table tbody tr").first()).toBeVisible();
    await expectAccessible(page);

    // The computation goes on once the table is free; a reload then shows the new figures.
    release();
    await held;
    await expect(async () => {
      await page.reload();
      await expect(note).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    release();
    await sql.end();
  }
});
