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
    // The form is made when its summary is first opened (LazyDetails), not sent with every view.
    await expect(item.locator("form")).toHaveCount(0);
    await item.locator("summary").click();
    await item.getByRole("button", { name: "Spara" }).click();
    await expect(item.getByText("Skriv vilka som deltog.")).toBeVisible();
    await expect(item.getByLabel("Deltagare i mötet")).toBeFocused();
    await item.getByLabel("Deltagare i mötet").fill("Deltagaren och koordinatorn");
    await item.getByLabel("Anteckningar").fill("Praktiken fungerar bra, sfi på kvällstid.");
    const before = await section.locator("li", { has: page.locator(".tag.overdue") }).count();
    await item.getByRole("button", { name: "Spara" }).click();
    // The page re-renders: the follow-up moves from planned to held, its row and form with it.
    await expect(section.locator("li", { has: page.locator(".tag.overdue") })).toHaveCount(before - 1);
    // The section says it in a status line of its own, which stays and has the focus (not <body>).
    const said = section.getByTestId("followup-status").getByText("Uppföljningen är registrerad.");
    await expect(said).toBeVisible();
    await expect(said).toBeFocused();
  }
  await expect(section.getByText("Praktiken fungerar bra, sfi på kvällstid.").first()).toBeVisible();

  await page.goto("/arbetslista");
  await expect(page.locator('tr[data-signal="followup_overdue"]', { hasText: name })).toHaveCount(0);
});

test("a coordinator records an exit, corrects its date (the booked follow-up moves with it) and later the 90-day outcome, which the worklist stops asking for", async ({ page }) => {
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
  // The form is drawn anew as "Rätta avslutet": the section's status line says it, with the focus.
  const exitSaid = section.getByTestId("outcome-status").getByText("Avslutet är registrerat och en uppföljning är bokad 90 dagar senare.");
  await expect(exitSaid).toBeFocused();
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await expect(page.locator("#uppfoljning")).toContainText(iso(Date.parse(left) + 90 * 86_400_000));

  // A day earlier after all: the correction moves the follow-up booked at exit with it, and says so.
  const corrected = iso(Date.parse(left) - 86_400_000);
  const due = iso(Date.parse(corrected) + 90 * 86_400_000);
  await section.locator("summary", { hasText: "Rätta avslutet" }).click();
  await section.getByLabel("Sista dag i programmet").fill(corrected);
  await section.getByRole("button", { name: "Rätta avslutet" }).click();
  const corrected90 = section.getByText(`Avslutet är ändrat. Den bokade uppföljningen av utfallet efter 90 dagar är flyttad till ${due}.`);
  await expect(corrected90).toBeVisible();
  await expect(section.getByTestId("exit")).toContainText(corrected);
  await expect(corrected90).toBeFocused();
  await expect(page.locator("#uppfoljning")).toContainText(due);

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
  // The confirmation takes the form's place, and the focus its button had.
  await expect(day90.getByRole("status").filter({ hasText: "Utfallet är sparat." })).toBeFocused();
  // The 12-month outcome is offered too, but refused before a year has passed since the exit.
  const month12 = section.locator('[data-outcome-kind="manad12"]');
  await expect(month12).toContainText(`Kan registreras från ${iso(Date.parse(corrected) + 365 * 86_400_000)}`);
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

test("a coordinator records a follow-up that adds a praktik, books its proposed three-party meeting, and gets it in their calendar feed with initials only", async ({ page, playwright }) => {
  const stockholm = (offsetDays: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + offsetDays * 86_400_000));
  const today = stockholm(0);
  const [start, end, mid] = [stockholm(7), stockholm(63), stockholm(35)];
  const provider = "Bageriet Solkatten";
  await signInAs(page, "coordinator");
  await page.goto("/deltagare");
  // Not the first rows: other journeys work on those.
  const link = page.locator("table tbody tr td a").nth(4);
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const section = page.locator("#uppfoljning");

  // Book a follow-up for today, then record it with an agreed praktik as the next step.
  await section.locator("summary", { hasText: "Boka en uppföljning" }).click();
  await section.getByLabel("Typ").selectOption("uppfoljning");
  await section.getByLabel("Datum", { exact: true }).fill(today);
  await section.getByRole("button", { name: "Boka", exact: true }).click();
  // The answer is where the keyboard is: the booking button was disabled while it was sent.
  await expect(section.getByRole("status").filter({ hasText: "Uppföljningen är bokad." })).toBeFocused();
  const item = section.locator("li[data-followup]", { hasText: `Uppföljningssamtal ${today}` }).first();
  await expect(item).toBeVisible();
  await item.locator("summary").click();
  await item.getByLabel("Deltagare i mötet").fill("Deltagaren och koordinatorn");
  await item.getByLabel("Överenskomna nästa steg").fill("Praktik på bageriet");
  await item.getByLabel("Lägg till en insats i planen").check();
  await item.getByRole("button", { name: "Spara" }).click();
  await expect(item.getByText("Välj typ av insats.")).toBeVisible();
  await item.getByLabel("Insats", { exact: true }).selectOption("praktik");
  await item.getByLabel("Planerad start").fill(start);
  await item.getByLabel("Planerat slut (valfritt)").fill(end);
  await item.getByLabel("Anordnare (valfritt)").fill(provider);
  await expectAccessible(page);
  await item.getByRole("button", { name: "Spara" }).click();
  await expect(section.getByText("Praktik på bageriet").first()).toBeVisible();
  await expect(section.getByTestId("followup-status").getByText("Uppföljningen är registrerad.")).toBeFocused();

  // The activity is on the plan, planned.
  const row = page.locator("#plan-activities tbody tr", { hasText: provider });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Planerad");
  await expect(row).toContainText(`${start} – ${end}`);

  // Its three-party meetings are proposed at the midpoint and the end; one click books the first.
  const proposals = section.getByTestId("proposals").locator("li", { hasText: provider });
  await expect(proposals).toHaveCount(2);
  const midProposal = proposals.filter({ hasText: mid });
  await expect(midProposal).toContainText("vid praktikens mitt");
  await expectAccessible(page);
  await midProposal.getByRole("button", { name: /^Boka/ }).click();
  await expect(proposals).toHaveCount(1);
  await expect(proposals).toContainText(end);
  // The proposal booked has left the list, with its button: the section says it, with the focus.
  await expect(section.getByTestId("followup-status").getByText("Trepartssamtalet är bokat.")).toBeFocused();
  await expect(section.locator("li[data-followup]", { hasText: `Trepartssamtal med arbetsgivare ${mid}` })).toHaveCount(1);

  // The calendar link on the worklist, fetched without any session as a calendar app would.
  await page.goto("/arbetslista");
  const calendar = page.locator("#kalender");
  await expect(calendar.getByText("Du har ingen kalenderlänk.")).toBeVisible();
  await calendar.getByRole("button", { name: "Skapa kalenderlänk" }).click();
  const urlField = calendar.getByLabel("Din kalenderlänk");
  await expect(urlField).toHaveValue(/\/api\/kalender\/[A-Za-z0-9_-]{43}$/);
  // The new link takes the focus the button had (disabled while the link was made).
  await expect(urlField).toBeFocused();
  const url = await urlField.inputValue();
  await expectAccessible(page);
  const anonymous = await playwright.request.newContext();
  const res = await anonymous.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const body = await res.text();
  expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const unfolded = body.replace(/\r\n /g, "");
  const events = unfolded.split("BEGIN:VEVENT").slice(1);
  const meeting = events.filter((e) => e.includes(`DTSTART;VALUE=DATE:${mid.replace(/-/g, "")}\r\n`) && e.includes("SUMMARY:Trepartssamtal med arbetsgivare – "));
  expect(meeting.length).toBeGreaterThanOrEqual(1);
  const summaries = meeting.map((e) => /SUMMARY:(.*)\r\n/.exec(e)![1]);
  const words = name.split(/\s+/);
  const expected = words.slice(1).map((w) => `Trepartssamtal med arbetsgivare – ${words[0][0].toUpperCase()}.${w[0].toUpperCase()}.`);
  expect(summaries.some((x) => expected.includes(x)), `${summaries.join(" | ")} vs ${expected.join(" | ")}`).toBe(true);
  // Initials only: no part of the name, no notes, no provider.
  for (const part of name.split(/\s+/).filter((p) => p.length > 1)) expect(unfolded).not.toContain(part);
  expect(unfolded).not.toContain("Praktik på bageriet");
  expect(unfolded).not.toContain(provider);
  // A wrong token is not found, signed in or not.
  expect((await anonymous.get(url.replace(/[A-Za-z0-9_-]{43}$/, "B".repeat(43)))).status()).toBe(404);
  expect((await page.request.get(url.replace(/[A-Za-z0-9_-]{43}$/, "B".repeat(43)))).status()).toBe(404);

  // Turning the link off ends the feed.
  await calendar.getByRole("button", { name: "Stäng av länken" }).click();
  await expect(calendar.getByText("Kalenderlänken är avstängd.")).toBeVisible();
  await expect(calendar.getByText("Kalenderlänken är avstängd.")).toBeFocused();
  expect((await anonymous.get(url)).status()).toBe(404);
  await anonymous.dispose();
});
