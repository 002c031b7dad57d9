// Journey: a coordinator reads a participant's plan: the workplace-first notice, the timeline
// with parallel activities, and the same activities as a table.
import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("the participant page shows the plan as a timeline and a table", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  await page.locator("table tbody tr td a").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Individuell plan" })).toBeVisible();
  await expect(page.getByTestId("workplace-first")).toContainText("Arbetsplats först");
  const rows = page.locator("#plan-activities tbody tr");
  const bars = page.locator(".timeline .bar");
  await expect(rows.first()).toBeVisible();
  expect(await bars.count()).toBe(await rows.count());
  // Every workplace-based activity in the table is marked in the timeline too.
  const workplaceRows = await page.locator("#plan-activities tbody tr", { hasText: "arbetsplatsförlagd" }).count();
  expect(await page.locator(".timeline .bar.workplace").count()).toBe(workplaceRows);
  await expectAccessible(page);
});

test("activities at the same time get lanes of their own", async ({ page }) => {
  await signInAs(page, "coordinator");
  // Find someone in the unit whose sfi ran beside a praktik (the demo has many).
  await page.goto("/deltagare?page=1");
  const links = await page.locator("table tbody tr td a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  for (const href of links) {
    await page.goto(href);
    const lanes = await page.locator(".timeline .bar").evaluateAll((bs) => new Set(bs.map((b) => b.getAttribute("data-lane"))).size);
    if (lanes > 1) {
      await expect(page.locator('.timeline .bar[data-lane="1"]').first()).toBeVisible();
      return;
    }
  }
  throw new Error("no participant with parallel activities found");
});
