// Journey: an sfi teacher records a full group's attendance and a course result; the student's
// coordinator sees both on the participant page; the teacher reaches nothing outside their groups.
import { expect, expectAccessible, signInAs, test, type AccountKey } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { SfiGroupPage } from "./pages/SfiGroupPage";

/** Opens the student's page as whichever coordinator has them; returns that page. */
async function openAsCoordinator(browser: Browser, name: string): Promise<Page> {
  for (const who of ["coordinator", "coordinatorNorr"] as AccountKey[]) {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, who);
    await page.goto("/deltagare");
    await page.getByLabel("Sök på namn").fill(name);
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByText(/\d+ deltagare/)).toBeVisible();
    const link = page.getByRole("link", { name, exact: true });
    if ((await link.count()) > 0) {
      await link.first().click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      return page;
    }
    await page.close();
  }
  throw new Error(`no coordinator has ${name}`);
}

test("a teacher records attendance and a result, and the coordinator sees both", async ({ page, browser }) => {
  await signInAs(page, "sfi_teacher");
  await expectAccessible(page);
  const group = new SfiGroupPage(page);
  await group.openFirstGroup();
  await expectAccessible(page);
  const names = await group.studentNames();
  expect(names.length).toBeGreaterThan(1);
  const student = names[0];

  const coordinator = await openAsCoordinator(browser, student);
  const shareBefore = await coordinator.getByTestId("sfi-share4w").innerText();

  // The whole group is present by default: one change, one save.
  await group.mark(student, "Frånvarande");
  await group.save();
  await expect(page.getByRole("status").filter({ hasText: "Närvaron är sparad" })).toContainText(`${names.length} elever, 1 frånvarande`);

  await page.getByLabel("Elev", { exact: true }).selectOption({ label: student });
  await page.getByLabel("Betyg").selectOption("C");
  await page.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resultatet är sparat" })).toBeVisible();

  await coordinator.reload();
  await expect(coordinator.getByTestId("sfi-last-result")).toContainText(": C (");
  const shareAfter = await coordinator.getByTestId("sfi-share4w").innerText();
  const pct = (s: string) => (s.endsWith("%") ? Number(s.replace(/[^\d]/g, "")) : 100);
  expect(pct(shareAfter)).toBeLessThanOrEqual(pct(shareBefore));
  expect(shareAfter).toMatch(/%$/);
  await expectAccessible(coordinator);
  await coordinator.close();
});

test("a teacher gets not found outside their own groups", async ({ page, browser }) => {
  // A participant's page URL, taken as a coordinator.
  const coordinator = await browser.newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto("/deltagare");
  const href = await coordinator.locator("table tbody tr td a").first().getAttribute("href");
  await coordinator.close();

  await signInAs(page, "sfi_teacher");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  await page.goto("/sfi/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
});
