// Journeys (issue 3): a coordinator registers an employer, finds it by organisationsnummer or name
// in the list (which comes a page at a time), puts an sfi and a praktik at that
// employer (found by a part of its name in the activity form) on a participant's plan, sees them side by side in the timeline and prints the plan;
// finds participants who fit an opening and books one in a single step; edits the employer's
// details past a colleague's save (the conflict view); closes an opening, which then stands
// under "Stängda platser" and offers nobody, edits it and reopens it.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const EMPLOYER = "Konditori Söta Bullen AB";

// A long journey on a shared, slow machine: more than the default minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function registerEmployer(page: Page) {
  await page.goto("/arbetsgivare");
  await expect(page.getByRole("heading", { level: 1, name: "Arbetsgivare" })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Registrera arbetsgivare" });
  await form.getByLabel("Organisationsnummer").fill("559123-4562");
  await form.getByLabel("Namn").fill(EMPLOYER);
  await form.getByRole("button", { name: "Registrera arbetsgivare" }).click();
  await expect(form.getByText("Organisationsnumret stämmer inte (kontrollsiffran är fel).")).toBeVisible();
  await expect(form.getByLabel("Namn")).toHaveValue(EMPLOYER);
  await form.getByLabel("Organisationsnummer").fill("5591234561");
  await form.getByLabel("Bransch").fill("Livsmedel");
  await form.getByLabel("Kontaktperson").fill("Eva Nilsson");
  await form.getByLabel("Adress").fill("Storgatan 3");
  await form.getByRole("button", { name: "Registrera arbetsgivare" }).click();
  await expect(form.getByText("Arbetsgivaren är registrerad.")).toBeVisible();
  await expect(page.locator("#employers tr", { hasText: EMPLOYER })).toContainText("559123-4561");
}

test("register an employer, plan sfi beside a praktik there, see both in the timeline and print the plan", async ({ page }) => {
  await signInAs(page, "coordinator");
  await registerEmployer(page);

  await page.goto("/deltagare");
  const href = (await page.locator("table tbody tr td a").first().getAttribute("href"))!;
  const id = href.split("/").pop()!;
  const sfiStart = isoIn(30);
  const praktikStart = isoIn(45);

  await page.goto(`/deltagare/${id}`);
  await page.getByRole("link", { name: "Lägg till insats" }).click();
  await page.getByLabel("Typ av insats").selectOption("sfi");
  await page.getByLabel("Planerad start").fill(sfiStart);
  await page.getByLabel("Planerat slut").fill(isoIn(200));
  await page.getByLabel("Timmar per vecka").fill("15");
  await page.getByLabel("Skola").fill("Lärcentrum");
  await page.getByLabel("Studieväg").selectOption("2");
  await page.getByLabel("Kurs").selectOption("B");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));

  await page.getByRole("link", { name: "Lägg till insats" }).click();
  await expectAccessible(page);
  await page.getByLabel("Typ av insats").selectOption("praktik");
  await page.getByLabel("Planerad start").fill(praktikStart);
  await page.getByLabel("Planerat slut").fill(isoIn(120));
  // The form sends no list of every employer: the coordinator searches, from two characters.
  const employerSearch = page.getByLabel("Sök på namn eller organisationsnummer");
  const employer = page.getByLabel("Arbetsgivare");
  await expect(employer.locator("option")).toHaveCount(1);
  await employerSearch.fill("Ingen sådan firma");
  await expect(page.getByRole("status").filter({ hasText: "Ingen arbetsgivare matchar ”Ingen sådan firma”." })).toBeVisible();
  await expect(employer.locator("option")).toHaveCount(1);
  await employerSearch.fill("söta bull");
  await expect(page.getByRole("status").filter({ hasText: /^\d+ arbetsgivare matchar\.$/ })).toBeVisible();
  await expectAccessible(page);
  await employer.selectOption({ label: EMPLOYER });
  // Another search keeps the chosen one in the select, chosen.
  await employerSearch.fill("ab");
  await employerSearch.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /arbetsgivare matchar/ })).toBeVisible();
  await expect(employer.locator("option:checked")).toHaveText(EMPLOYER);
  await page.getByLabel("Handledare").fill("Eva Nilsson");
  await page.getByLabel("Yrke").fill("Konditor");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));

  // Both in the table, and as bars in different lanes of the timeline: they run in parallel.
  const praktikRow = page.locator('#plan-activities tr[data-type="praktik"]', { hasText: praktikStart });
  await expect(praktikRow).toContainText(EMPLOYER);
  // Its edit form shows the employer chosen, without a search.
  await praktikRow.getByRole("link", { name: /Ändra/ }).click();
  await expect(page.getByLabel("Arbetsgivare").locator("option:checked")).toHaveText(EMPLOYER);
  // A colleague moves it to another employer meanwhile: the conflict view names both, the saved
  // one too though this form never searched for it; keeping mine keeps the bakery.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByLabel("Sök på namn eller organisationsnummer").fill("kajen");
  await other.getByLabel("Arbetsgivare").selectOption({ label: "Restaurang Kajen AB" });
  await other.getByRole("button", { name: "Spara" }).click();
  await expect(other).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  await other.close();
  await page.getByLabel("Handledare").fill("Eva Lind");
  await page.getByRole("button", { name: "Spara" }).click();
  const employerRow = page.getByTestId("conflict").locator("tr", { hasText: "Arbetsgivare" });
  await expect(employerRow).toContainText(EMPLOYER);
  await expect(employerRow).toContainText("Restaurang Kajen AB");
  await page.getByRole("button", { name: "Behåll mina ändringar och spara igen" }).click();
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  await expect(page.locator('#plan-activities tr[data-type="sfi"]', { hasText: sfiStart })).toBeVisible();
  const sfiBar = page.locator(`.timeline .bar[data-type="sfi"][title*="${sfiStart}"]`);
  const praktikBar = page.locator(`.timeline .bar.workplace[data-type="praktik"][title*="${praktikStart}"]`);
  await expect(sfiBar).toHaveCount(1);
  await expect(praktikBar).toHaveCount(1);
  expect(await sfiBar.getAttribute("data-lane")).not.toBe(await praktikBar.getAttribute("data-lane"));
  await expect(page.getByTestId("workplace-first")).toContainText("Arbetsplats först");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Utskrift för deltagaren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Din plan: / })).toBeVisible();
  await expect(page.locator('#print-activities tr[data-type="praktik"]', { hasText: EMPLOYER })).toContainText("Praktik");
  await expect(page.locator('#print-activities tr[data-type="sfi"]', { hasText: "Lärcentrum" }).or(page.locator('#print-activities tr[data-type="sfi"]')).first()).toBeVisible();
  await expect(page.locator("nav")).toHaveCount(0);
  expect(await page.locator("body").innerText()).not.toMatch(/\d{6,8}-\d{4}/);
  await expectAccessible(page);

  // The employer's page lists the placement.
  await page.goto("/arbetsgivare");
  await page.getByRole("link", { name: EMPLOYER }).click();
  await expect(page.locator("#placements")).toContainText("Praktik");
  await expect(page.getByText("Antal placeringar: 1. De senaste visas först.")).toBeVisible();
  // One page of them: no pager; a page number from nowhere still shows it.
  await expect(page.getByRole("navigation", { name: "Sida" })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?page=7`);
  await expect(page.locator("#placements")).toContainText("Praktik");
  await expectAccessible(page);
});

test("a coordinator finds an employer by organisationsnummer or a part of its name", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/arbetsgivare");
  const search = page.getByRole("search");
  const find = async (q: string) => {
    await search.getByLabel("Sök på namn eller organisationsnummer").fill(q);
    await search.getByRole("button", { name: "Sök" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q);
  };
  const rows = page.locator("#employers tbody tr");
  // Without the dash, as it is often written: the stored number has one.
  await find("5591234561");
  await expect(page.getByText("1 arbetsgivare", { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(EMPLOYER);
  await expect(rows).toContainText("559123-4561");
  await expectAccessible(page);
  await find("söta bull");
  await expect(rows).toHaveCount(1);
  await expect(search.getByLabel("Sök på namn eller organisationsnummer")).toHaveValue("söta bull");
  // Nothing found is said as such, not as an empty register; registering stays on the page.
  await find("Finns inte 100%");
  await expect(page.getByText("Ingen arbetsgivare matchar sökningen.")).toBeVisible();
  await expect(page.getByText("0 arbetsgivare", { exact: true })).toBeVisible();
  await expect(page.locator("#employers")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Registrera arbetsgivare" })).toBeVisible();
  await expectAccessible(page);
  // Odd addresses are an answer, not an error: a page past the last is the last, a long search none.
  for (const url of ["/arbetsgivare?page=9999", "/arbetsgivare?page=-1", "/arbetsgivare?page=abc"]) {
    await page.goto(url);
    await expect(page.locator("#employers tbody tr", { hasText: EMPLOYER })).toHaveCount(1);
  }
  await page.goto(`/arbetsgivare?q=${"x".repeat(500)}&page=2`);
  await expect(page.getByText("Ingen arbetsgivare matchar sökningen.")).toBeVisible();
  await find("Söta Bullen");
  await page.getByRole("link", { name: EMPLOYER }).click();
  await expect(page.getByRole("heading", { level: 1, name: EMPLOYER })).toBeVisible();
});

test("an opening lists the participants who fit, and Boka puts it on the plan in one step", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/arbetsgivare");
  await page.getByRole("link", { name: EMPLOYER }).click();
  await page.locator("summary", { hasText: "Lägg till plats" }).click();
  const form = page.getByRole("form", { name: "Lägg till plats" });
  await form.getByLabel("Typ av plats").selectOption("praktik");
  await form.getByLabel("Yrke").fill("Undersköterska");
  await form.getByLabel("Antal platser").fill("2");
  await form.getByLabel("Från", { exact: true }).fill(isoIn(20));
  await form.getByLabel("Till", { exact: true }).fill(isoIn(10));
  await form.getByRole("button", { name: "Lägg till plats" }).click();
  await expect(form.getByText("Slutdatum kan inte vara före startdatum.")).toBeVisible();
  await form.getByLabel("Till", { exact: true }).fill(isoIn(100));
  await form.getByRole("button", { name: "Lägg till plats" }).click();
  await expect(form.getByText("Platsen är sparad.")).toBeVisible();
  const opening = page.locator('#openings tr[data-type="praktik"]', { hasText: "Undersköterska" });
  await opening.getByRole("link", { name: /Hitta deltagare/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Deltagare som passar" })).toBeVisible();
  await expectAccessible(page);
  const row = page.locator("#matches tbody tr").first();
  await expect(row).toContainText("Undersköterska");
  const name = (await row.locator("th").innerText()).trim();
  await row.getByRole("button", { name: /Boka/ }).click();
  // The confirmation is replaced as soon as the page revalidates and marks the row booked.
  await expect(page.locator("#matches tbody tr", { hasText: name })).toContainText("Bokad");
  // The row's button has given way to "Bokad": the list says who was booked, and has the focus.
  await expect(page.getByTestId("match-status").getByText(`${name} är bokad: en planerad insats finns nu på planen.`)).toBeFocused();
  await row.getByRole("link", { name }).click();
  await expect(page.locator('#plan-activities tr[data-type="praktik"]', { hasText: EMPLOYER })).toContainText("Planerad");
});

test("edit the employer's details over a colleague's save, then close, edit and reopen an opening", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/arbetsgivare");
  const takenOrgNr = (await page.locator("#employers tr", { hasText: "Restaurang Kajen AB" }).locator("td").first().innerText()).trim();
  await page.getByRole("link", { name: EMPLOYER }).click();
  await expect(page).toHaveURL(/\/arbetsgivare\/[0-9a-f-]{36}$/);
  const employerUrl = page.url();
  await page.getByRole("link", { name: "Ändra uppgifter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ändra uppgifter om arbetsgivaren: ${EMPLOYER}` })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Ändra uppgifter om arbetsgivaren" });
  await expect(form.getByLabel("Kontaktperson")).toHaveValue("Eva Nilsson");

  // The checksum in the browser, another employer's number on the server; the input stays.
  await form.getByLabel("Telefon").fill("040-123456");
  await form.getByLabel("Organisationsnummer").fill("559123-4562");
  await form.getByRole("button", { name: "Spara" }).click();
  await expect(form.getByText("Organisationsnumret stämmer inte (kontrollsiffran är fel).")).toBeVisible();
  await form.getByLabel("Organisationsnummer").fill(takenOrgNr);
  await form.getByRole("button", { name: "Spara" }).click();
  await expect(form.getByText("Organisationsnumret hör redan till Restaurang Kajen AB.")).toBeVisible();
  await expect(form.getByLabel("Telefon")).toHaveValue("040-123456");
  await form.getByLabel("Organisationsnummer").fill("559123-4561");
  await form.getByLabel("Adress").fill("Hamngatan 5");

  // A colleague (another tab) saves a new contact person meanwhile.
  const other = await page.context().newPage();
  await other.goto(`${employerUrl}/redigera`);
  await other.getByLabel("Kontaktperson").fill("Bo Ek");
  await other.getByRole("button", { name: "Spara" }).click();
  await expect(other.locator("dl.facts")).toContainText("Bo Ek");
  await other.close();

  // Saving the stale form shows both versions and overwrites nothing until I choose.
  await form.getByRole("button", { name: "Spara" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(page.getByRole("heading", { name: "Någon annan har sparat under tiden" })).toBeVisible();
  await expect(conflict.locator("tr", { hasText: "Kontaktperson" })).toContainText("Bo Ek");
  await expect(conflict.locator("tr", { hasText: "Kontaktperson" })).toContainText("Eva Nilsson");
  await expect(conflict.locator("tr", { hasText: "Adress" })).toContainText("Hamngatan 5");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara mina ändringar ovanpå deras" }).click();
  await expect(page).toHaveURL(employerUrl);
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("Bo Ek");
  await expect(facts).toContainText("040-123456");
  await expect(facts).toContainText("Hamngatan 5");

  // Close the opening booked in the journey before.
  await page.locator("#openings tr", { hasText: "Undersköterska" }).getByRole("link", { name: /Hitta deltagare/ }).click();
  await expect(page.getByTestId("opening-state")).toHaveText("Platsen är öppen och kan bokas.");
  await page.getByLabel("Skäl (frivilligt)").fill("Tillsatt");
  await page.getByRole("button", { name: "Stäng platsen" }).click();
  await expect(page.getByTestId("opening-state")).toContainText("Platsen är stängd sedan");
  await expect(page.getByTestId("opening-state")).toContainText("Skäl: Tillsatt.");
  await expect(page.getByRole("heading", { name: "Deltagare som passar" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Boka/ })).toHaveCount(0);
  await expectAccessible(page);

  // Its fields can still be corrected; the page then reopens it from the saved version.
  await page.locator("summary", { hasText: "Ändra platsen" }).click();
  const edit = page.getByRole("form", { name: "Ändra platsen" });
  await edit.getByLabel("Antal platser").fill("0");
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(edit.getByText("Ange antal platser (1–99).")).toBeVisible();
  await edit.getByLabel("Antal platser").fill("3");
  await edit.getByLabel("Krav på svenska").fill("Sfi kurs C");
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(edit.getByText("Ändringarna är sparade.")).toBeVisible();
  await expect(page.getByText("av 3 platser kvar. Krav på svenska: Sfi kurs C")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Tillbaka till arbetsgivaren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Stängda platser" })).toBeVisible();
  await expect(page.locator("#closed-openings tr", { hasText: "Undersköterska" })).toContainText("Tillsatt");
  await expect(page.locator("#openings tr", { hasText: "Undersköterska" })).toHaveCount(0);
  await expectAccessible(page);

  await page.locator("#closed-openings tr", { hasText: "Undersköterska" }).getByRole("link", { name: /Visa platsen/ }).click();
  await page.getByRole("button", { name: "Öppna platsen igen" }).click();
  await expect(page.getByTestId("opening-state")).toHaveText("Platsen är öppen och kan bokas.");
  await expect(page.getByRole("heading", { level: 2, name: "Deltagare som passar" })).toBeVisible();
});
