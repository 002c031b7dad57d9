// Journey: a coordinator's worklist shows the day's signals, mine first; one is snoozed with a
// reason and leaves the list; another links to the place to act.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInAs, test } from "./fixtures";

/** A day in Swedish time, `offsetDays` from today. */
const stockholm = (offsetDays: number) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** The unit's rows of a signal, on every page of the worklist (`name`: one person's only). */
async function unitSignals(page: Page, key: string, name?: string): Promise<{ count: number; firstPage: number | null }> {
  let count = 0;
  let firstPage: number | null = null;
  for (let n = 1; n <= 10; n++) {
    await page.goto(`/arbetslista?visa=enheten&page=${n}`);
    const here = await page.locator(`tr[data-signal="${key}"]`, name ? { hasText: name } : {}).count();
    if (here > 0 && firstPage === null) firstPage = n;
    count += here;
    if (!(await page.getByRole("navigation", { name: "Sida" }).getByRole("link", { name: "Nästa" }).count())) break;
  }
  return { count, firstPage };
}

test("a coordinator sees signals, opens one and snoozes another", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expect(page.getByRole("heading", { level: 1, name: "Min arbetslista" })).toBeVisible();
  const rows = page.locator("table.worklist tbody tr");
  await expect(rows.first()).toBeVisible();
  await expectAccessible(page);

  // The demo seed has planned follow-ups from ten days ago: some are overdue.
  await page.getByRole("link", { name: "Hela enheten" }).click();
  await expect(page).toHaveURL(/visa=enheten/);
  const overdue = page.locator('tr[data-signal="followup_overdue"]');
  await expect(overdue.first()).toContainText("Uppföljningen är försenad");

  // Snooze the first signal of the list with a reason: it leaves the list.
  const first = rows.first();
  const name = (await first.locator("th").innerText()).trim();
  const signal = await first.getAttribute("data-signal");
  const before = await page.locator(`tr[data-signal="${signal}"]`, { hasText: name }).count();
  // The form is made when the row is opened, and keeps what was typed when it is closed again.
  await expect(first.locator("form")).toHaveCount(0);
  await first.locator("summary").click();
  await first.getByLabel("Varför kan den vänta?").fill("x");
  await first.locator("summary").click();
  await expect(first.getByLabel("Varför kan den vänta?")).toBeHidden();
  await first.locator("summary").click();
  await expect(first.getByLabel("Varför kan den vänta?")).toHaveValue("x");
  // By default it waits a week; a day already begun or gone by is refused next to the date.
  const until = first.getByLabel("Vänta till och med");
  await expect(until).toHaveValue(stockholm(7));
  await until.fill("2020-01-01");
  await first.getByRole("button", { name: "Spara" }).click();
  await expect(first.getByText("Välj ett datum efter i dag: signalen visas igen dagen efter det.")).toBeVisible();
  await expect(until).toHaveValue("2020-01-01");
  await until.fill(stockholm(0));
  await first.getByRole("button", { name: "Spara" }).click();
  await expect(first.getByText("Välj ett datum efter i dag: signalen visas igen dagen efter det.")).toBeVisible();
  await until.fill(stockholm(7));
  await first.getByRole("button", { name: "Spara" }).click();
  await expect(first.getByText("Skriv kort varför signalen kan vänta.")).toBeVisible();
  await first.getByLabel("Varför kan den vänta?").fill("Väntar på besked från Arbetsförmedlingen");
  await first.getByRole("button", { name: "Spara" }).click();
  // The list re-renders without the snoozed signal. Its row's answer goes with it: the table says
  // it in a status of its own, and focus is on the row that took its place.
  await expect(page.locator(`tr[data-signal="${signal}"]`, { hasText: name })).toHaveCount(before - 1);
  await expect(page.getByTestId("worklist-status")).toHaveText(`Signalen för ${name} väntar till och med ${stockholm(7)} och visas inte i listan till dess.`);
  await expect(rows.first().locator("th")).toBeFocused();
  await expectAccessible(page);
  await page.reload();
  await expect(page.locator(`tr[data-signal="${signal}"]`, { hasText: name })).toHaveCount(before - 1);

  // Each signal links to the participant's page.
  const link = rows.first().getByRole("link", { name: /Öppna/ });
  const target = (await rows.first().locator("th").innerText()).trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: target })).toBeVisible();
});

test("a missing exit reason is added on the participant's page, a future exit is refused, and the signal leaves", async ({ page }) => {
  await signInAs(page, "coordinator");
  const { firstPage } = await unitSignals(page, "missing_exit_reason");
  expect(firstPage, "the demo has someone who left without a reason").not.toBeNull();
  await page.goto(`/arbetslista?visa=enheten&page=${firstPage}`);
  const signal = page.locator('tr[data-signal="missing_exit_reason"]').first();
  await expect(signal).toContainText("Avslutsorsak saknas");
  const name = (await signal.locator("th").innerText()).trim();
  await signal.getByRole("link", { name: /Öppna/ }).click();
  await expect(page).toHaveURL(/#utfall$/);
  const section = page.locator("#utfall");
  await expect(section.getByTestId("exit").locator("dd").nth(1)).toHaveText("–");
  await expect(section.getByText("Orsaken till avslutet saknas.")).toBeVisible();
  await section.locator("summary", { hasText: "Ange orsak till avslutet" }).click();
  const date = section.getByLabel("Sista dag i programmet");
  const left = await date.inputValue();
  expect(left).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await section.getByRole("button", { name: "Rätta avslutet" }).click();
  await expect(section.getByText("Välj orsak.")).toBeVisible();
  await section.getByLabel("Orsak").selectOption("studier");
  await date.fill(stockholm(30));
  await section.getByRole("button", { name: "Rätta avslutet" }).click();
  await expect(section.getByText("Avslutet kan inte ligga i framtiden.", { exact: false })).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await date.fill(left);
  await section.getByRole("button", { name: "Rätta avslutet" }).click();
  await expect(section.getByText("Avslutet är ändrat.")).toBeVisible();
  await expect(section.getByTestId("exit")).toContainText("Studier");
  await expect(section.getByTestId("exit")).toContainText(left);
  await expect(section.getByText("Orsaken till avslutet saknas.")).toHaveCount(0);
  // Saved, not only shown: after a reload the reason is there and the form offers a correction.
  await page.reload();
  await expect(section.getByTestId("exit")).toContainText("Studier");
  await expect(section.locator("summary", { hasText: "Rätta avslutet" })).toBeVisible();
  // In the person's history like the other changes of their details.
  const history = page.locator("details", { has: page.getByTestId("history") });
  await history.locator("summary").first().click();
  await expect(page.getByTestId("history")).toContainText("Ändrat: Orsak till avslutet");

  expect((await unitSignals(page, "missing_exit_reason", name)).count).toBe(0);
});

test("the whole unit's list comes a page at a time, the count over all of it", async ({ page }) => {
  // Anna's unit has more signals in the demo than a page holds (50).
  await signInAs(page, "coordinator");
  await page.goto("/arbetslista?visa=enheten");
  const rows = page.locator("table.worklist tbody tr");
  await expect(rows).toHaveCount(50);
  const total = Number((await page.getByText(/^\d+ signaler$/).innerText()).split(" ")[0]);
  expect(total).toBeGreaterThan(50);
  const pager = page.getByRole("navigation", { name: "Sida" });
  await expect(pager).toContainText("Sida 1 av 2");
  const firstOnPageOne = (await rows.first().locator("th").innerText()).trim();
  await pager.getByRole("link", { name: "Nästa" }).click();
  await expect(page).toHaveURL(/visa=enheten/);
  await expect(page).toHaveURL(/page=2/);
  await expect(pager).toContainText("Sida 2 av 2");
  await expect(rows).toHaveCount(total - 50);
  await expect(page.getByText(`${total} signaler`)).toBeVisible();
  await expectAccessible(page);
  await pager.getByRole("link", { name: "Föregående" }).click();
  await expect(pager).toContainText("Sida 1 av 2");
  await expect(rows.first().locator("th")).toHaveText(firstOnPageOne);
});

test("other roles have no worklist", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/arbetslista");
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
});

test("the lists of links send no prefetch requests, and a link still navigates in the page", async ({ page }) => {
  // Signed-in pages are rendered per request, so a prefetch could fetch only the route's tree: one
  // server request per link in view (app/_components/Link.tsx). None are made.
  await signInAs(page, "coordinator");
  const prefetches: string[] = [];
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetches.push(r.url());
    if (r.resourceType() === "document") documents.push(r.url());
  });
  for (const path of ["/arbetslista?visa=enheten", "/deltagare"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await page.locator("table tbody a").first().hover();
  }
  const row = page.locator("table tbody tr").first();
  const name = (await row.getByRole("link").first().innerText()).trim();
  documents.length = 0;
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
  // A client-side navigation: the page's data came as a payload, not as a new document.
  expect(documents).toEqual([]);
});
