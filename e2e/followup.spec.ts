// Journey (issue 4): a coordinator sees an overdue follow-up on the worklist, records it on the
// participant's page, and the signal disappears.
import { expect, expectAccessible, signInAs, test } from "./fixtures";

test("an overdue follow-up is recorded and leaves the worklist", async ({ page }) => {
  await signInAs(page, "coordinator");
  const overdue = page.locator('tr[data-signal="followup_overdue"]').first();
  await expect(overdue).toBeVisible();
  const name = (await overdue.locator("th").innerText()).trim();
  await overdue.getByRole("link", { name: /Öppna/ }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/#uppfoljning$/);
  const section = page.locator("#uppfoljning");
  await expectAccessible(page);

  // Record every overdue one (the demo may have more than one for a person).
  while ((await section.locator("li", { has: page.locator(".tag.overdue") }).count()) > 0) {
    const item = section.locator("li", { has: page.locator(".tag.overdue") }).first();
    await item.locator("summary").click();
    await item.getByRole("button", { name: "Spara" }).click();
    await expect(item.getByText("Skriv vilka som deltog.")).toBeVisible();
    await item.getByLabel("Deltagare i mötet").fill("Deltagaren och koordinatorn");
    await item.getByLabel("Anteckningar").fill("Praktiken fungerar bra, sfi på kvällstid.");
    const before = await section.locator("li", { has: page.locator(".tag.overdue") }).count();
    await item.getByRole("button", { name: "Spara" }).click();
    // The page re-renders: the follow-up moves from planned to held.
    await expect(section.locator("li", { has: page.locator(".tag.overdue") })).toHaveCount(before - 1);
  }
  await expect(section.getByText("Praktiken fungerar bra, sfi på kvällstid.").first()).toBeVisible();

  await page.goto("/arbetslista");
  await expect(page.locator('tr[data-signal="followup_overdue"]', { hasText: name })).toHaveCount(0);
});

test("a coordinator records an exit and later the 90-day outcome, which the worklist stops asking for", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  // Someone in the programme for a while: their row says "Pågår".
  const row = page.locator("table tbody tr", { hasText: "Pågår" }).first();
  const name = (await row.locator("td a").innerText()).trim();
  await row.locator("td a").click();
  const section = page.locator("#utfall");
  await section.locator("summary", { hasText: "Registrera avslut" }).click();
  // Left the programme 100 days ago, so the outcome is due today.
  const left = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
  await section.getByLabel("Sista dag i programmet").fill(left);
  await section.getByLabel("Orsak").selectOption("arbete");
  await section.getByRole("button", { name: "Registrera avslut" }).click();
  await expect(section.getByTestId("exit")).toContainText(left);

  await page.goto("/arbetslista?visa=enheten");
  await expect(page.locator('tr[data-signal="outcome_due"]', { hasText: name })).toHaveCount(1);
  await page.locator('tr[data-signal="outcome_due"]', { hasText: name }).getByRole("link", { name: /Öppna/ }).click();
  await expect(page).toHaveURL(/#utfall$/);

  const day90 = section.locator('[data-outcome-kind="dag90"]');
  await day90.locator("summary", { hasText: "Registrera utfall" }).click();
  await day90.getByLabel("Utfall", { exact: true }).selectOption("arbete");
  await day90.getByLabel("Anställningsform").selectOption("nej");
  await day90.getByRole("button", { name: "Registrera utfall" }).click();
  await expect(section.getByTestId("outcome")).toContainText("Arbete (Osubventionerad)");
  // The 12-month outcome is offered too, but refused before a year has passed since the exit.
  const month12 = section.locator('[data-outcome-kind="manad12"]');
  await expect(month12).toContainText(`Kan registreras från ${new Date(Date.parse(left) + 365 * 86_400_000).toISOString().slice(0, 10)}`);
  await month12.locator("summary").first().click();
  await month12.getByLabel("Utfall", { exact: true }).selectOption("studier");
  await month12.getByLabel("Fastställt den").fill(new Date().toISOString().slice(0, 10));
  await month12.getByRole("button", { name: "Registrera utfall" }).click();
  await expect(month12.getByText(/Utfallet kan fastställas tidigast .* \(12 månader efter avslutet\)\./)).toBeVisible();
  await expect(section.getByTestId("outcome-12")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/arbetslista?visa=enheten");
  await expect(page.locator('tr[data-signal="outcome_due"]', { hasText: name })).toHaveCount(0);
});
