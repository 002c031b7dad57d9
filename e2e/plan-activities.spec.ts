// Journeys of the plan's activities: an activity is added and edited on the plan, wrong dates are
// refused next to the field, a stale edit form shows both versions instead of overwriting, every
// change shows in the plan's history, and
// the printout for the participant has the plan without personnummer or navigation.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function firstParticipant(page: Page) {
  await page.goto("/deltagare");
  const href = (await page.locator("table tbody tr td a").first().getAttribute("href"))!;
  return href.split("/").pop()!;
}

test("a stale edit form shows both versions and overwrites nothing", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  const id = await firstParticipant(page);
  // Add a validering to edit.
  await page.goto(`/deltagare/${id}/insats/ny`);
  await expectAccessible(page);
  await page.getByLabel("Typ av insats").selectOption("validering");
  await page.getByLabel("Planerad start").fill(isoIn(20));
  await page.getByLabel("Planerat slut").fill(isoIn(10));
  await page.getByLabel("Vad som valideras").fill("Svetsning");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Planerat slut kan inte vara före planerad start.")).toBeVisible();
  await page.getByLabel("Planerat slut").fill(isoIn(80));
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  const row = page.locator('#plan-activities tbody tr[data-type="validering"]', { hasText: isoIn(20) });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: /Ändra/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Ändra insats/ })).toBeVisible();
  const editUrl = page.url();
  await expectAccessible(page);

  // A colleague (the same account in another window) opens and saves it first.
  const other = await browser.newPage();
  await signInAs(other, "coordinator");
  await other.goto(editUrl);
  await other.getByLabel("Väg (hur)").fill("Branschvalidering");
  await other.getByRole("button", { name: "Spara" }).click();
  await expect(other).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  await other.close();

  await page.getByLabel("Väg (hur)").fill("Yrkeshögskola");
  await page.getByRole("button", { name: "Spara" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.locator("tr", { hasText: "Väg (hur)" })).toContainText("Yrkeshögskola");
  await expect(conflict.locator("tr", { hasText: "Väg (hur)" })).toContainText("Branschvalidering");
  await expectAccessible(page);
  await conflict.getByRole("button", { name: "Använd den sparade versionen" }).click();
  await expect(page.getByLabel("Väg (hur)")).toHaveValue("Branschvalidering");
  // Start it: an actual start is required, then it saves.
  await page.getByLabel("Status").selectOption("avbruten");
  await page.getByLabel("Faktisk start").fill(isoIn(20));
  await page.getByLabel("Faktiskt slut").fill(isoIn(25));
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Skriv varför insatsen avbröts.")).toBeVisible();
  await page.getByLabel("Skäl till avbrott").fill("Fick arbete");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  await expect(page.locator('#plan-activities tbody tr[data-type="validering"]', { hasText: isoIn(20) })).toContainText("Avbruten");

  // Every change of the activity is in the plan's history, newest first, with who and what.
  const history = page.getByTestId("plan-history");
  await history.locator("summary").first().click();
  const entries = history.locator("li[data-kind=activity]");
  await expect(entries.nth(0)).toContainText("Validering: status planerad → avbruten");
  await expect(entries.nth(0)).toContainText("skäl till avbrott – → Fick arbete");
  await expect(entries.nth(0)).toContainText("av Anna");
  await expect(entries.nth(1)).toContainText("Validering: väg (hur) – → Branschvalidering");
  await expect(entries.nth(2)).toContainText(`Ny insats: Validering, planerad ${isoIn(20)} – ${isoIn(80)}`);
  await expectAccessible(page);
});

test("the goal is revised and every revision shows who and what", async ({ page }) => {
  await signInAs(page, "coordinator");
  const id = await firstParticipant(page);
  await page.goto(`/deltagare/${id}`);
  await page.getByText("Ändra mål").click();
  await page.getByLabel("Målyrke eller studieinriktning").fill("Busschaufför");
  await page.getByRole("form", { name: "Ändra mål" }).getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await page.reload();
  await page.getByTestId("plan-history").locator("summary").click();
  await expect(page.getByTestId("plan-history")).toContainText("→ Busschaufför");
  await expect(page.getByTestId("plan-history")).toContainText("av Anna");
});

test("a stale goal form shows both goals, keeps what was typed and saves it on top", async ({ page, browser }) => {
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  const href = (await page.locator("table tbody tr td a").nth(1).getAttribute("href"))!;
  await page.goto(href);
  await page.getByText("Ändra mål").click();
  const form = page.getByRole("form", { name: "Ändra mål" });

  // A colleague changes the goal's occupation after this page was opened.
  const other = await browser.newPage();
  await signInAs(other, "coordinator");
  await other.goto(href);
  await other.getByText("Ändra mål").click();
  await other.getByLabel("Målyrke eller studieinriktning").fill("Kock i storkök");
  await other.getByRole("form", { name: "Ändra mål" }).getByRole("button", { name: "Spara" }).click();
  await expect(other.getByText("Sparat.")).toBeVisible();
  await other.close();

  await form.getByLabel("Nästa översyn").fill(isoIn(45));
  await form.getByLabel("Kommentar").fill("Körkort först");
  await form.getByRole("button", { name: "Spara" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(page.getByRole("heading", { name: "Någon annan har ändrat målet sedan du öppnade sidan" })).toBeVisible();
  await expect(conflict.locator("tr", { hasText: "Kommentar" })).toContainText("Körkort först");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara mina ändringar ovanpå deras" }).click();
  await expect(page.getByText("Sparat.")).toBeVisible();
  await page.reload();
  await page.getByTestId("plan-history").locator("summary").first().click();
  await expect(page.getByTestId("plan-history")).toContainText("→ Kock i storkök");
  await expect(page.getByTestId("plan-history")).toContainText("Körkort först");
});

test("the printout has the plan in plain Swedish, without navigation or personnummer, and names whom to ask", async ({ page }) => {
  await signInAs(page, "coordinator");
  // The list's first row is one of Anna's own (hers come first).
  const id = await firstParticipant(page);
  // A one-day activity: printed as that day, once.
  const day = isoIn(30 + (Date.now() % 60));
  await page.goto(`/deltagare/${id}/insats/ny`);
  await page.getByLabel("Typ av insats").selectOption("samhallsorientering");
  await page.getByLabel("Planerad start").fill(day);
  await page.getByLabel("Planerat slut").fill(day);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));
  await page.goto(`/deltagare/${id}`);
  const pnr = (await page.locator("dl.facts dd").first().innerText()).trim();
  await page.getByRole("link", { name: "Utskrift för deltagaren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Din plan: / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ditt mål" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Nästa möte med din etableringskoordinator" })).toBeVisible();
  const long = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const oneDay = page.locator('#print-activities tbody tr[data-type="samhallsorientering"]', { hasText: long }).first();
  await expect(oneDay.locator("td").first()).toHaveText(`den ${long}`);
  // Whom to ask: the responsible coordinator by name, with their e-mail.
  await expect(page.getByRole("heading", { level: 2, name: "Din etableringskoordinator", exact: true })).toBeVisible();
  await expect(page.getByTestId("print-contact")).toHaveText("Har du frågor? Kontakta Anna Lindqvist, din etableringskoordinator.");
  await expect(page.getByRole("link", { name: "anna.koordinator@demo.etablera.se" })).toHaveAttribute("href", "mailto:anna.koordinator@demo.etablera.se");
  await expect(page.locator("body")).not.toContainText("handläggare");
  await expect(page.locator("nav")).toHaveCount(0);
  await expect(page.locator(".app-header")).toHaveCount(0);
  const body = await page.locator("body").innerText();
  expect(body).not.toMatch(/\d{6,8}-\d{4}/);
  if (/\d/.test(pnr)) expect(body).not.toContain(pnr);
  await expectAccessible(page);
});

test("a new person's plan: no goal yet once there are activities, a planned open-ended one runs 'tills vidare' and is drawn, and the validering form labels both result boxes", async ({ page }) => {
  const stockholm = (offsetDays: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + offsetDays * 86_400_000));
  await signInAs(page, "coordinator");
  // Someone new, without a personnummer, so the run can be repeated on the same server.
  await page.goto("/deltagare/ny");
  await page.getByLabel("Förnamn").fill("Plan");
  await page.getByLabel("Efternamn").fill(`Utan Mål ${Date.now() % 100_000}`);
  await page.getByLabel("Födelsedatum").fill("1990-05-05");
  await page.getByLabel("Kön").selectOption("M");
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page).toHaveURL(/\/deltagare\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const plan = page.locator("#plan");
  await expect(plan.getByText("Ingen plan är upprättad ännu.")).toBeVisible();

  // A validering starting in over a year, without an end.
  await page.goto(`/deltagare/${id}/insats/ny`);
  await page.getByLabel("Typ av insats").selectOption("validering");
  // The general result box and the validering's own result are two fields, each with its label.
  await expect(page.getByLabel("Resultat av valideringen")).toHaveJSProperty("tagName", "INPUT");
  await expect(page.getByLabel("Resultat", { exact: true })).toHaveJSProperty("tagName", "TEXTAREA");
  const ids = await page.locator("form [id]").evaluateAll((els) => els.map((e) => e.id));
  expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
  const start = stockholm(400);
  await page.getByLabel("Planerad start").fill(start);
  await page.getByLabel("Vad som valideras").fill("Svetsning");
  await page.getByLabel("Resultat", { exact: true }).fill("Ska bedömas av branschen");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL(new RegExp(`/deltagare/${id}#plan$`));

  // It has not begun, so it is not "pågår".
  const row = page.locator('#plan-activities tbody tr[data-type="validering"]');
  await expect(row).toContainText(`${start} – tills vidare`);
  await expect(row).not.toContainText("pågår");
  // Its bar is inside the timeline, however far ahead it starts.
  const figure = await page.locator("figure.timeline").boundingBox();
  const bar = await page.locator('figure.timeline .bar[data-type="validering"]').boundingBox();
  expect(figure && bar).toBeTruthy();
  expect(bar!.width).toBeGreaterThan(2);
  expect(bar!.x).toBeGreaterThanOrEqual(figure!.x - 1);
  expect(bar!.x + bar!.width).toBeLessThanOrEqual(figure!.x + figure!.width + 1);
  // Activities but no goal: it is the goal that is missing.
  await expect(plan.getByText("Inget mål är satt ännu.")).toBeVisible();
  await expect(plan.getByText("Ingen plan är upprättad ännu.")).toHaveCount(0);
  await expectAccessible(page);
});
