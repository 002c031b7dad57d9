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
    await item.getByRole("button", { name: "Spara" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är registrerad." })).toBeVisible();
    await page.reload();
  }
  await expect(section.getByText("Praktiken fungerar bra, sfi på kvällstid.").first()).toBeVisible();

  await page.goto("/arbetslista");
  await expect(page.locator('tr[data-signal="followup_overdue"]', { hasText: name })).toHaveCount(0);
});
