// Journey: signing in, landing on the role's home, wrong passwords, and pages behind sign-in.
import { ACCOUNTS, expect, expectAccessible, PASSWORD, signInAs, test, type AccountKey } from "./fixtures";
import { LoginPage } from "./pages/LoginPage";

test("the sign-in page is accessible", async ({ page }) => {
  await new LoginPage(page).goto();
  await expectAccessible(page);
});

for (const role of ["coordinator", "sfi_teacher", "manager", "admin"] as AccountKey[]) {
  test(`${role} signs in, lands on their home, and signs out`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByRole("heading", { level: 1, name: ACCOUNTS[role].heading })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(ACCOUNTS[role].home);
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password shows an error, keeps the email, and nothing breaks", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(ACCOUNTS.manager.email, "fel-lösenord");
  await expect(page.getByRole("alert").filter({ hasText: "lösenord" })).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress")).toHaveValue(ACCOUNTS.manager.email);
  await expectAccessible(page);
  await login.signIn(ACCOUNTS.manager.email, PASSWORD);
  await expect(page).toHaveURL(/\/resultat$/);
});

test("an unauthenticated visit to any app page goes to sign-in", async ({ page }) => {
  for (const path of ["/", "/arbetslista", "/deltagare", "/arbetsgivare", "/sfi", "/resultat", "/admin/anvandare", "/admin/import"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a role never reaches another role's pages", async ({ page }) => {
  await signInAs(page, "sfi_teacher");
  for (const path of ["/deltagare", "/arbetslista", "/resultat", "/admin/anvandare"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  }
});

test("the language switch shows the app in English", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expect(page).toHaveTitle("Min arbetslista · Etablera");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByRole("link", { name: "Participants" })).toBeVisible();
  // The browser tab's title (page.title(), retried until the streamed metadata is in) follows the
  // language, and never names the person shown.
  await expect(page).toHaveTitle("My worklist · Etablera");
  await page.goto("/deltagare");
  await expect(page).toHaveTitle("Participants · Etablera");
  // One that the plan specs' goal edits (the first two) do not touch at the same time.
  const href = (await page.locator("table tbody tr td a").nth(10).getAttribute("href"))!;
  await page.goto(href);
  await expect(page).toHaveTitle("Participant · Etablera");

  // The plan's history in English: a goal change made now, and the entries saved before (stored in Swedish).
  const occupation = `Line cook ${Date.now() % 100_000}`;
  await page.getByText("Change goal").click();
  const form = page.getByRole("form", { name: "Change goal" });
  // The person may have no plan yet (the list's order follows today's date): then a goal is chosen too.
  const goal = form.getByLabel("Goal", { exact: true });
  if ((await goal.inputValue()) === "") await goal.selectOption({ label: "Work" });
  // The errors are in English too: the form's own check, in the browser (the schemas' messages
  // are Swedish, lib/i18n/zod-resolver.ts), and a refusal only the server can make: a new next
  // review before today (a stored one that has passed may stay, and only the server knows it).
  const occupationField = form.getByLabel("Goal occupation or field of study");
  await occupationField.fill("");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter the goal occupation or the field of study.")).toBeVisible();
  await expect(form).not.toContainText("Skriv målyrket");
  const review = form.getByLabel("Next review");
  const storedReview = await review.inputValue();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const past = [daysAgo(3), daysAgo(4)].find((d) => d !== storedReview)!;
  await occupationField.fill(occupation);
  await review.fill(past);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The next review must be today or a later date.")).toBeVisible();
  await expect(form.getByText("Check the marked fields.")).toBeVisible();
  await expect(form).not.toContainText("Nästa översyn");
  await review.fill(storedReview);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  const history = page.getByTestId("plan-history");
  await history.locator("summary").first().click();
  const entry = history.locator("li[data-kind=goal]", { hasText: occupation });
  await expect(entry).toContainText("Goal by Anna");
  await expect(entry).toContainText(`Goal occupation: `);
  await expect(entry).toContainText(`→ ${occupation}`);
  await expect(history).not.toContainText("Målyrke");
  await expect(history).not.toContainText("Planen upprättades");
  await page.goto(`${href}/utskrift`);
  await expect(page).toHaveTitle("Plan for printing · Etablera");

  await page.goto(href);
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.getByRole("link", { name: "Deltagare", exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Deltagare · Etablera");
  await page.getByTestId("plan-history").locator("summary").first().click();
  await expect(page.getByTestId("plan-history").locator("li[data-kind=goal]", { hasText: occupation })).toContainText(`av Anna`);
  await expect(page.getByTestId("plan-history").locator("li[data-kind=goal]", { hasText: occupation })).toContainText(`Målyrke: `);
});

test("repeated failed sign-ins lock the account for a while with a clear message", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const email = `gissning-${Date.now()}@demo.etablera.se`;
  for (let i = 0; i < 5; i++) {
    await login.signIn(email, `fel-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "lösenord" })).toBeVisible();
    // React resets the form when the action is done; type the next attempt after that.
    await expect(page.getByRole("button", { name: "Logga in" })).toBeEnabled();
    await expect(page.getByLabel("Lösenord")).toHaveValue("");
  }
  await login.signIn(email, "fel-igen");
  await expect(page.getByRole("alert").filter({ hasText: "För många" })).toHaveText(
    "För många misslyckade inloggningar. Vänta 15 minuter och försök igen.",
  );
});

test("failed sign-ins posted straight to Auth.js count toward the lock too", async ({ page }) => {
  const email = `direkt-${Date.now()}@demo.etablera.se`;
  for (let i = 0; i < 5; i++) {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
    await page.request.post("/api/auth/callback/credentials", { form: { email, password: `fel-${i}`, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  }
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, "fel-igen");
  await expect(page.getByRole("alert").filter({ hasText: "För många" })).toBeVisible();
});
