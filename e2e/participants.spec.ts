// Journey: a coordinator's participant list is their own unit's, searchable; another unit's
// participant cannot be opened.
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
