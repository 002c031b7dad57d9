// Journey: the admin's pages as QA read them. A user's page confirms each save and lets go of
// "Användaren är skapad." once the user is edited; deactivating asks first (keyboard too); the log
// says its details in words and says when the from-date is after the to-date; the register
// extract names stored codes and shows no JSON.
import { expect, expectAccessible, PASSWORD, signInAs, test } from "./fixtures";
import { LoginPage } from "./pages/LoginPage";
import { FIX } from "./support/seed";

test("a user's page confirms every save, drops the created notice, and asks before deactivating", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/anvandare/ny");
  const email = `e2e.admin.${Date.now()}@demo.etablera.se`;
  await page.getByLabel("Namn").fill("Ebba Sparsson");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Roll").selectOption({ label: "Chef" });
  await page.getByLabel("Startlösenord (minst 12 tecken)").fill("en-lång-startfras-2026");
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ebba Sparsson" })).toBeVisible();
  await expect(page).toHaveURL(/created=1/);
  await expect(page.getByText("Användaren är skapad.")).toBeVisible();

  // The first save: "Sparat." stays after the page is loaded again, the created notice goes.
  await page.getByLabel("Namn").fill("Ebba Sparsson Ek");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ebba Sparsson Ek" })).toBeVisible();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await expect(page.getByText("Användaren är skapad.")).toHaveCount(0);
  await expect(page).not.toHaveURL(/created=1/);
  // A second save right after: confirmed again, no conflict (the form took the saved time).
  await page.getByLabel("Roll").selectOption({ label: "Administratör" });
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await expect(page.getByText("Någon annan har ändrat")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Roll")).toHaveValue("admin");
  // A new password, then an edit: still no conflict.
  await page.getByLabel("Nytt lösenord (minst 12 tecken)").fill("ett-annat-lösenord-2026");
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByText("Sparat.").first()).toBeVisible();
  await page.getByLabel("Namn").fill("Ebba Ek");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ebba Ek" })).toBeVisible();
  await expect(page.getByText("Någon annan har ändrat")).toHaveCount(0);
  await expectAccessible(page);

  // Deactivating asks first; Escape goes back to the button, with the focus on it.
  await page.getByRole("button", { name: "Avaktivera", exact: true }).click();
  const question = page.getByRole("group", { name: /^Avaktivera Ebba Ek\?/ });
  await expect(question).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, avaktivera" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Avaktivera", exact: true })).toBeFocused();
  // Avbryt leaves the account active.
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Avbryt" }).click();
  await expect(page.getByRole("button", { name: "Avaktivera", exact: true })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^Aktiv$/ })).toBeVisible();
  // By keyboard: Enter opens the question, Enter on the focused "Ja, avaktivera" deactivates.
  await page.getByRole("button", { name: "Avaktivera", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Ja, avaktivera" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Aktivera", exact: true })).toBeVisible();
  await expect(page.locator("dd", { hasText: /^Avaktiverad$/ })).toBeVisible();
  // Activating needs no second step.
  await page.getByRole("button", { name: "Aktivera", exact: true }).click();
  await expect(page.getByRole("button", { name: "Avaktivera", exact: true })).toBeVisible();

  // The log says what changed in words, before → after, no English keys or JSON.
  await page.goto("/admin/logg?action=user.update");
  const details = page.locator("td.audit-details");
  await expect(details.filter({ hasText: "namn: Ebba Sparsson → Ebba Sparsson Ek" }).first()).toBeVisible();
  await expect(details.filter({ hasText: "roll: Chef → Administratör" }).first()).toBeVisible();
  for (const raw of ["ändringar: {", "from:", "to:", "changes"]) await expect(details.filter({ hasText: raw })).toHaveCount(0);
  await expectAccessible(page);
});

test("the log says when the from-date is after the to-date, next to the field", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/logg?from=2025-03-02&to=2025-03-01");
  const from = page.getByLabel("Från och med");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#from-error")).toHaveText(/Från-datumet är efter till-datumet/);
  await expect(from).toHaveAttribute("aria-describedby", "from-error");
  await expect(page.getByText("Inga händelser matchar.")).toHaveCount(0);
  await expectAccessible(page);
  // The same day is a day: no message.
  await page.goto("/admin/logg?from=2025-03-01&to=2025-03-01");
  await expect(page.locator("#from-error")).toHaveCount(0);
  await expect(page.getByLabel("Från och med")).not.toHaveAttribute("aria-invalid", "true");
});

test("the register extract names stored codes in words and shows no JSON", async ({ page }) => {
  // Testkommunen's admin and its participant (e2e/support/seed.ts).
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(FIX.adminEmail, PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/admin/registerutdrag/${FIX.participantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Registerutdrag");
  // Loaded again: the first showing is itself logged, so the log's section has an entry to count.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Registerutdrag");
  // Gender in words, as the rest of the app says it.
  const fact = (label: RegExp) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(fact(/^Kön$/)).toHaveText("Kvinna");
  // Other records by their names, not their ids: the municipality, the unit, the coordinator.
  await expect(fact(/^Kommun$/)).toHaveText("Testkommunen");
  await expect(fact(/^Enhet$/)).toHaveText("Testenheten");
  await expect(fact(/^Koordinator$/)).toHaveText("Tove Testkoordinator");
  await expect(page.locator("main")).not.toContainText("(id)");
  // What only the system needs is left out; the person's identifiers in the system stand apart, marked.
  await expect(page.locator("dt", { hasText: /^Version/ })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /^Version|Nyckel från import/ })).toHaveCount(0);
  await expect(page.getByText("Namnet så som det söks")).toHaveCount(0);
  const technical = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Tekniska uppgifter" }) });
  await expect(technical.locator("dt", { hasText: /^Id i systemet$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(FIX.participantId);
  await expect(technical.locator("dt", { hasText: /externt id/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("E2E-1");
  await expect(technical.locator("dt", { hasText: /söker på/ })).toHaveCount(1);
  const activities = page.getByRole("region", { name: /^Insatser/ });
  await expect(activities.getByRole("cell", { name: "Praktik", exact: true })).toBeVisible();
  // The activity's empty details are left out, not printed as {}.
  await expect(page.getByRole("cell", { name: "{}", exact: true })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(/\{"|":/);
  // The log's summary counts in Swedish: "1 händelse", never "1 händelser".
  await expect(page.getByText(/(^|\s)1 händelser\b/)).toHaveCount(0);
  await expect(page.getByText(/^\d[\d\s]* händelser?, /)).toBeVisible();
  await expectAccessible(page);
});
