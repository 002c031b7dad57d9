// On a phone (375 px wide) every role's pages fit the screen: the navigation wraps, wide tables and
// charts scroll sideways in their own area (which a keyboard can reach), and the page itself never
// scrolls sideways. axe checks each page as it is at that width.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectUniqueLandmarks, signInAs, test, type AccountKey } from "./fixtures";

test.use({ viewport: { width: 375, height: 800 } });

/** The page is no wider than the screen (a pixel of rounding allowed). */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, page.url()).toBeLessThanOrEqual(client + 1);
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await expectUniqueLandmarks(page);
}

const PAGES: [AccountKey, string[]][] = [
  ["coordinator", ["/arbetslista", "/deltagare", "/arbetsgivare", "/aktorer", "/resultat"]],
  ["manager", ["/resultat"]],
  ["sfi_teacher", ["/sfi"]],
  ["admin", ["/admin/anvandare", "/admin/logg", "/admin/sfi-grupper"]],
];

for (const [who, paths] of PAGES) {
  test(`${who}: ${paths.join(", ")} fit a 375 px screen`, async ({ page }) => {
    await signInAs(page, who);
    // Every link of the navigation is on the screen (it wraps instead of running off it).
    for (const link of await page.locator(".nav-list a").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(375);
    }
    for (const path of paths) await visit(page, path);
  });
}

test("a participant's page and an sfi group fit a 375 px screen, and a wide table scrolls in its own area by keyboard", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  await page.locator("table a").first().click();
  await expect(page).toHaveURL(/\/deltagare\/[0-9a-f-]{36}$/);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await expectUniqueLandmarks(page);

  // Resultat's tables of figures: a named region that takes focus and scrolls sideways. Its name is
  // not its section's (the figure's title), so that the two landmarks differ.
  await page.goto("/resultat");
  await expect(page.getByRole("region", { name: "I arbete eller studier 90 dagar efter etableringsprogrammet", exact: true })).toHaveCount(1);
  const region = page.locator('.table-scroll[role="region"][aria-label="Tabell: I arbete eller studier 90 dagar efter etableringsprogrammet"]');
  await region.focus();
  await expect(region).toBeFocused();
  const before = await region.evaluate((el) => el.scrollLeft);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);

  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const teacher = await context.newPage();
  await signInAs(teacher, "sfi_teacher");
  await teacher.locator("table a").first().click();
  await expect(teacher.locator("h1")).toBeVisible();
  await expectNoSidewaysScroll(teacher);
  await expectAccessible(teacher);
  await context.close();
});
