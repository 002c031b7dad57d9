// Journeys (issue 3): a coordinator registers a participant, a second registration with the same
// personnummer is refused with a link, a kartläggning is added and shows on the participant page;
// two coordinators edit the same person (or their kartläggning) at once and the second sees both
// versions and re-applies.
import type { Browser, Page } from "@playwright/test";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

/** A valid personnummer, different on every run so a reused server does not refuse it. */
function freshPersonnummer(): { pnr: string; birthDate: string } {
  const day = String(1 + (Date.now() % 28)).padStart(2, "0");
  const serial = String(Math.floor(Math.random() * 900) + 100);
  const ymd = `198103${day}`;
  return { pnr: `${ymd}-${serial}${luhnCheckDigit(ymd.slice(2) + serial)}`, birthDate: `1981-03-${day}` };
}

/** Two coordinators, each in a browser of their own, and the link of the n-th person in the list. */
async function twoCoordinators(browser: Browser, n: number) {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await signInAs(a, "coordinator");
  await signInAs(b, "coordinator");
  await a.goto("/deltagare");
  const href = (await a.locator("table tbody tr td a").nth(n).getAttribute("href"))!;
  return { a, b, href, close: () => Promise.all([ctxA.close(), ctxB.close()]) };
}

async function register(page: Page, first: string, last: string, pnr: string, birthDate: string) {
  await page.getByLabel("Personnummer (valfritt)").fill(pnr);
  await page.getByLabel("Förnamn").fill(first);
  await page.getByLabel("Efternamn").fill(last);
  await page.getByLabel("Födelsedatum").fill(birthDate);
  await page.getByLabel("Kön").selectOption("K");
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
}

test("register a participant, refuse a duplicate, add a kartläggning that shows on the participant page", async ({ page }) => {
  // A long journey with several axe runs on a shared, slow machine.
  test.setTimeout(180_000);
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  await page.getByRole("link", { name: "Registrera ny deltagare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrera deltagare" })).toBeVisible();
  await expectAccessible(page);

  // Bad input stays, with the reason next to the field.
  const { pnr, birthDate } = freshPersonnummer();
  await page.getByLabel("Spår", { exact: true }).selectOption("annat_stod");
  await register(page, "Amal", "Registrerad", pnr, "1981-04-01");
  await expect(page.getByText("Födelsedatum stämmer inte med personnumret")).toBeVisible();
  await expect(page.getByText("Skriv varför annat stöd behövs först.")).toBeVisible();
  await expect(page.getByLabel("Förnamn")).toHaveValue("Amal");
  await expectAccessible(page);
  await page.getByLabel("Spår", { exact: true }).selectOption("arbetsmarknad");
  await page.getByLabel("Språk personen talar (valfritt)").fill("arabiska, engelska");
  await page.getByLabel("Behöver tolk på språk (lämna tomt om tolk inte behövs)").fill("arabiska");
  await page.getByLabel("Antal barn (valfritt)").fill("2");
  await page.getByLabel("Behöver förskola eller barnomsorg").check();
  await register(page, "Amal", "Registrerad", pnr, birthDate);

  await expect(page.getByRole("heading", { level: 1, name: "Amal Registrerad" })).toBeVisible();
  await expect(page).toHaveURL(/\/deltagare\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(pnr.slice(0, 8));
  const participantUrl = page.url();
  await expect(page.getByTestId("details")).toContainText("arabiska, engelska");

  // The same personnummer again: refused, with a link to the person already registered.
  await page.goto("/deltagare/ny");
  await register(page, "Annan", "Person", pnr, birthDate);
  await expect(page.getByText("Det finns redan en deltagare med det här personnumret i kommunen.")).toBeVisible();
  // The server's answer: focus is on the field it is about, as for errors found before sending.
  await expect(page.getByLabel("Personnummer (valfritt)")).toBeFocused();
  await page.getByRole("link", { name: "Öppna den som redan finns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Amal Registrerad" })).toBeVisible();

  // Kartläggning.
  await page.getByRole("link", { name: "Gör kartläggning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Kartläggning/ })).toBeVisible();
  await page.getByLabel("Antal år i skola och utbildning").fill("12");
  await page.getByLabel("Land", { exact: true }).fill("Syrien");
  await page.getByRole("button", { name: "Lägg till yrke" }).click();
  await page.getByLabel("Yrke 1", { exact: true }).fill("Snickare");
  await page.getByLabel("Antal år (yrke 1)").fill("8");
  await page.getByRole("button", { name: "Lägg till språk" }).click();
  await page.getByLabel("Språk 1", { exact: true }).fill("arabiska");
  await page.getByLabel("Nivå (språk 1)").selectOption("modersmal");
  await page.getByLabel("Körkort").selectOption("B");
  await page.getByLabel("Mål: yrke eller yrken").fill("Snickare, Byggarbetare");
  await page.getByLabel("Det finns hälsa eller andra behov att ta hänsyn till").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();

  await expect(page).toHaveURL(new RegExp(`${participantUrl.replace(/^https?:\/\/[^/]+/, "")}#kartlaggning$`));
  const mapping = page.getByTestId("mapping");
  await expect(mapping).toContainText("Snickare (8 år)");
  await expect(mapping).toContainText("Snickare, Byggarbetare");
  await expect(mapping).toContainText("arabiska (modersmål)");
  await expect(page.locator("#kartlaggning")).toContainText("Version 1, sparad av Anna Lindqvist");
  await expectAccessible(page);

  // A revision is a new version; the earlier one is kept in the history.
  await page.getByRole("link", { name: "Revidera kartläggningen" }).click();
  await page.getByLabel("Mål: yrke eller yrken").fill("Snickare");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.locator("#kartlaggning")).toContainText("Version 2");
  await page.locator("#kartlaggning summary", { hasText: "Tidigare versioner" }).first().click();
  await expect(page.getByTestId("mapping-history")).toContainText("Ändrat: mål");
  await page.locator("#uppgifter summary", { hasText: "Historik" }).click();
  await expect(page.getByTestId("history")).toContainText("Registrerad (Anna Lindqvist)");

  // Close the case, then reopen it: both stay in the history.
  await expect(page.getByTestId("case-state")).toHaveText("Ärendet är öppet.");
  await page.getByRole("button", { name: "Avsluta ärendet" }).click();
  await expect(page.getByTestId("case-state")).toContainText("Ärendet avslutades");
  await page.getByRole("button", { name: "Öppna ärendet igen" }).click();
  await expect(page.getByTestId("case-state")).toHaveText("Ärendet är öppet.");
  await expect(page.getByTestId("history")).toContainText("Ärendet avslutat");
  await expect(page.getByTestId("history")).toContainText("Ärendet öppnat igen");
});

test("the birth date is filled in from a valid personnummer while it is empty, and one entered stays", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare/ny");
  const { pnr, birthDate } = freshPersonnummer();
  const number = page.getByLabel("Personnummer (valfritt)");
  const birth = page.getByLabel("Födelsedatum");
  await number.fill(pnr.slice(0, -1));
  await expect(birth).toHaveValue("");
  await number.fill(pnr);
  await expect(birth).toHaveValue(birthDate);
  await expect(page.getByTestId("birth-date-filled")).toHaveText("Födelsedatumet är ifyllt från personnumret.");
  await expectAccessible(page);
  // A date the user entered is theirs: another number does not replace it (the server says if they disagree).
  await birth.fill("1981-01-01");
  await expect(page.getByTestId("birth-date-filled")).toHaveCount(0);
  await number.fill("");
  await number.fill(pnr);
  await expect(birth).toHaveValue("1981-01-01");
});

test("a programme end after today is refused next to the field, and what was typed stays", async ({ page }) => {
  const stockholm = (offsetDays: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + offsetDays * 86_400_000));
  await signInAs(page, "coordinator");
  await page.goto("/deltagare/ny");
  const { pnr, birthDate } = freshPersonnummer();
  await page.getByLabel("Kommunmottagen").fill(stockholm(-90));
  await page.getByLabel("Start i etableringsprogrammet (valfritt)").fill(stockholm(-60));
  const end = page.getByLabel("Slut i etableringsprogrammet (valfritt)");
  await end.fill(stockholm(200));
  await register(page, "Framtida", "Avslut", pnr, birthDate);
  await expect(page.getByText("Programslut är den dag personen lämnade programmet och kan inte ligga i framtiden.", { exact: false })).toBeVisible();
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveValue(stockholm(200));
  await expect(page.getByLabel("Förnamn")).toHaveValue("Framtida");
  await expect(page.getByRole("heading", { level: 1, name: "Registrera deltagare" })).toBeVisible();
  await expectAccessible(page);
});

test("an edit conflict shows both versions and re-applies mine on top of theirs", async ({ browser }) => {
  test.setTimeout(120_000);
  const { a, b, href, close } = await twoCoordinators(browser, 0);
  await a.goto(`${href}/redigera`);
  await b.goto(`${href}/redigera`);
  await expect(a.getByRole("heading", { level: 1, name: /Ändra uppgifter/ })).toBeVisible();
  await expectAccessible(a);

  const phone = `070-${String(Date.now()).slice(-7)}`;
  await a.getByLabel("Telefon (valfritt)").fill(phone);
  await a.getByRole("button", { name: "Spara" }).click();
  await expect(a).toHaveURL(new RegExp(`${href}$`));

  await b.getByLabel("Adress (valfritt)").fill("Storgatan 12, Demoby");
  await b.getByRole("button", { name: "Spara" }).click();
  await expect(b.getByRole("heading", { name: "Någon annan har sparat under tiden" })).toBeVisible();
  const table = b.getByTestId("conflict");
  await expect(table.getByRole("row", { name: /Telefon/ })).toContainText(phone);
  await expect(table.getByRole("row", { name: /Adress/ })).toContainText("Storgatan 12, Demoby");
  await expectAccessible(b);
  await b.getByRole("button", { name: "Spara mina ändringar ovanpå deras" }).click();
  await expect(b).toHaveURL(new RegExp(`${href}$`));
  const details = b.getByTestId("details");
  await expect(details).toContainText(phone);
  await expect(details).toContainText("Storgatan 12, Demoby");

  await close();
});

test("a stale kartläggning save shows both versions with who and when, and re-applies mine on top", async ({ browser }) => {
  test.setTimeout(120_000);
  const { a, b, href, close } = await twoCoordinators(browser, 1);
  await a.goto(`${href}/kartlaggning`);
  await b.goto(`${href}/kartlaggning`);
  await expect(b.getByRole("heading", { level: 1, name: /Kartläggning/ })).toBeVisible();

  const goal = `Kock ${String(Date.now()).slice(-5)}`;
  await a.getByLabel("Mål: yrke eller yrken").fill(goal);
  await a.getByRole("button", { name: "Spara" }).click();
  await expect(a).toHaveURL(new RegExp(`${href}#kartlaggning$`));

  await b.getByLabel("Körkort").selectOption("C");
  await b.getByRole("button", { name: "Spara" }).click();
  const conflict = b.getByTestId("mapping-conflict");
  await expect(conflict.getByRole("heading", { name: "Någon annan har sparat under tiden" })).toBeVisible();
  await expect(conflict).toContainText("sparad av Anna Lindqvist");
  const table = b.getByTestId("conflict");
  await expect(table.getByRole("row", { name: /Mål/ })).toContainText(goal);
  await expect(table.getByRole("row", { name: /Körkort/ })).toContainText("C (lastbil)");
  await expectAccessible(b);
  await b.getByRole("button", { name: "Spara mina ändringar ovanpå deras" }).click();
  await expect(b).toHaveURL(new RegExp(`${href}#kartlaggning$`));
  // The current version has both: theirs and mine.
  const mapping = b.getByTestId("mapping").first();
  await expect(mapping).toContainText(goal);
  await expect(mapping).toContainText("C (lastbil)");

  await close();
});

test("hand a participant over to another coordinator of the unit; the history shows it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "coordinator");
  await page.goto("/deltagare/ny");
  const last = `Overlamnad${Date.now() % 100000}`;
  await page.getByLabel("Förnamn").fill("Bashir");
  await page.getByLabel("Efternamn").fill(last);
  await page.getByLabel("Födelsedatum").fill("1990-05-05");
  await page.getByLabel("Kön").selectOption("M");
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Bashir ${last}` })).toBeVisible();

  await page.goto("/deltagare");
  await page.getByLabel("Sök på namn").fill(last);
  await page.getByLabel("Ansvarig koordinator", { exact: true }).selectOption({ label: "Anna Lindqvist" });
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expectAccessible(page);
  await page.getByLabel(`Markera Bashir ${last}`).check();
  await page.getByLabel("Till koordinator").selectOption({ label: "Jonas Berg" });
  await page.getByRole("button", { name: "Överlämna" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 deltagare har överlämnats till Jonas Berg." })).toBeVisible();

  await page.goto(`/deltagare?q=${last}`);
  await expect(page.locator("table tbody tr").first()).toContainText("Jonas Berg");
  await page.getByRole("link", { name: `Bashir ${last}` }).click();
  await page.locator("#uppgifter summary", { hasText: "Historik" }).click();
  await expect(page.getByTestId("history")).toContainText("Överlämnad (Anna Lindqvist) – från Anna Lindqvist till Jonas Berg");
});
