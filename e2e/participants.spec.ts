// Journey: a coordinator's participant list is their own unit's, searchable; another unit's
// participant cannot be opened.
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("a coordinator lists, searches and opens their unit's participants", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.getByRole("link", { name: "Deltagare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deltagare" })).toBeVisible();
  await expectAccessible(page);
  const firstLink = page.locator("table tbody tr td a").first();
  const fullName = (await firstLink.textContent())!.trim();
  const lastName = fullName.split(" ").slice(1).join(" ");
  await page.getByLabel("Sök på namn").fill(lastName.toLowerCase());
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.locator("table tbody tr td a", { hasText: fullName }).first()).toBeVisible();
  await page.locator("table tbody tr td a", { hasText: fullName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: fullName })).toBeVisible();
  await expectAccessible(page);
});

test("a coordinator of another unit gets not found for that participant", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  const href = await page.locator("table tbody tr td a").first().getAttribute("href");
  expect(href).toMatch(/^\/deltagare\/[0-9a-f-]{36}$/);
  const other = await browser.newPage();
  await signInAs(other, "coordinatorNorr");
  await other.goto(href!);
  await expect(other.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  await other.close();
});

test("a personnummer typed into the name search goes to the posted search, never into the address", async ({ page }) => {
  const ymd = "19900315";
  const serial = "238";
  const pnr = `${ymd}-${serial}${luhnCheckDigit(ymd.slice(2) + serial)}`;
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  const before = page.url();
  await page.getByLabel("Sök på namn").fill(pnr);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  // Searched by the posted search instead: the answer is there, the page did not navigate.
  await expect(page.getByText("Ingen deltagare i din enhet har det personnumret.")).toBeVisible();
  await expect(page.getByTestId("name-search-notice")).toContainText("ser ut som ett personnummer");
  await expect(page.getByRole("form", { name: "Sök på personnummer" }).getByLabel("Personnummer")).toBeFocused();
  await expect(page.getByLabel("Sök på namn")).toHaveValue("");
  expect(page.url()).toBe(before);
  expect(page.url()).not.toContain(ymd);
  await expectAccessible(page);

  // Text with a personnummer in it is not sent either.
  await page.getByLabel("Sök på namn").fill(`Anna ${pnr}`);
  await page.getByLabel("Sök på namn").press("Enter");
  await expect(page.getByTestId("name-search-notice")).toContainText("Namnsökningen gjordes inte");
  await expect(page.getByLabel("Sök på namn")).toBeFocused();
  expect(page.url()).toBe(before);

  // A browser that skips the form's check (here: the address typed by hand): the server neither
  // searches nor keeps it, and says why.
  await page.goto(`/deltagare?status=i_program&q=${pnr}`);
  await expect(page).toHaveURL(/\/deltagare\?status=i_program&sok=personnummer$/);
  await expect(page.getByTestId("name-search-notice")).toContainText("Namnsökningen gjordes inte");
  await expect(page.getByLabel("Sök på namn")).toHaveValue("");
});
