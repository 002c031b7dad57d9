// Journey: the permission matrix over HTTP against the production server. Every page and route
// declared in e2e/matrix.ts (which lib/auth/matrix.test.ts keeps complete) is requested as every
// kind of user, including a coordinator of another unit and users of another municipality.
// Then: guessed ids of other units' and municipalities' records leak nothing, and markup typed
// into text fields renders as text.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, expectUniqueLandmarks, PASSWORD, test } from "./fixtures";
import { LoginPage } from "./pages/LoginPage";
import { PAGES, ROUTES, WHO, type Outcome, type Who } from "./matrix";
import { FIX, FIX_PERSONNUMMER } from "./support/seed";

const EMAILS: Record<Exclude<Who, "anonymous">, string> = {
  coordinator: "anna.koordinator@demo.etablera.se",
  coordinatorOtherUnit: "samira.koordinator@demo.etablera.se",
  sfi_teacher: "lena.sfi@demo.etablera.se",
  manager: "karin.chef@demo.etablera.se",
  admin: "admin@demo.etablera.se",
  otherMunicipalityCoordinator: FIX.coordinatorEmail,
  otherMunicipalityAdmin: FIX.adminEmail,
};
const NOT_FOUND_HEADING = "Sidan eller uppgiften hittades inte.";

async function contextFor(browser: Browser, who: Who): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (who !== "anonymous") {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(EMAILS[who], PASSWORD);
    await expect(page).not.toHaveURL(/\/login/);
  }
  return { context, page };
}

async function outcomeOf(page: Page, url: string): Promise<{ outcome: Outcome | "other"; status: number; body: string }> {
  const res = await page.request.get(url);
  const body = await res.text();
  const finalPath = new URL(res.url()).pathname;
  // The not-found UI also travels inside every page's RSC payload, so look for it as the page's heading.
  if (res.status() === 404 || new RegExp(`<h1[^>]*>${NOT_FOUND_HEADING}</h1>`).test(body)) return { outcome: "notFound", status: res.status(), body };
  if (finalPath === "/login" && !url.startsWith("/login")) return { outcome: "login", status: res.status(), body };
  if (res.status() === 200) return { outcome: "ok", status: res.status(), body };
  return { outcome: "other", status: res.status(), body };
}

test.describe.configure({ mode: "serial" });

let samples: Record<string, string> = {};

test.beforeAll(async ({ browser }) => {
  // A participant of Anna's unit and a user of Demokommunen, found as their owners see them.
  const anna = await contextFor(browser, "coordinator");
  await anna.page.goto("/deltagare");
  const href = await anna.page.locator('table a[href^="/deltagare/"]').first().getAttribute("href");
  await anna.page.goto("/arbetsgivare");
  const employerHref = await anna.page.locator('#employers a[href^="/arbetsgivare/"]').first().getAttribute("href");
  await anna.page.goto("/aktorer");
  const actorHref = await anna.page.locator('#actors a[href^="/aktorer/"]').first().getAttribute("href");
  const admin = await contextFor(browser, "admin");
  await admin.page.goto("/admin/anvandare");
  const userHref = await admin.page.locator('a[href^="/admin/anvandare/"]:not([href$="/ny"])').first().getAttribute("href");
  samples = {
    participant: href!.split("/").pop()!,
    user: userHref!.split("/").pop()!,
    employer: employerHref!.split("/").pop()!,
    actor: actorHref!.split("/").pop()!,
    otherParticipant: FIX.participantId,
    otherPlan: FIX.planId,
    otherActivity: FIX.activityId,
  };
  await anna.context.close();
  await admin.context.close();
});

const fill = (url: string) => url.replace(/\{(\w+)\}/g, (_, k: string) => samples[k]);

for (const who of WHO) {
  test(`matrix: ${who}`, async ({ browser }) => {
    const { context, page } = await contextFor(browser, who);
    const wrong: string[] = [];
    for (const entry of [...PAGES, ...ROUTES]) {
      const url = fill(entry.url);
      const got = await outcomeOf(page, url);
      if (got.outcome !== entry.expect[who]) wrong.push(`${entry.file} ${entry.url}: expected ${entry.expect[who]}, got ${got.outcome} (${got.status})`);
    }
    expect(wrong).toEqual([]);
    await context.close();
  });
}

test("guessed ids of another unit's or municipality's participant leak nothing", async ({ browser }) => {
  const guesses: [Who, string][] = [
    ["coordinatorOtherUnit", "/deltagare/{participant}"],
    ["coordinatorOtherUnit", "/deltagare/{participant}/sammanfattning-af"],
    ["coordinator", "/deltagare/{otherParticipant}"],
    ["coordinator", "/deltagare/{otherParticipant}/sammanfattning-af"],
    ["admin", "/admin/registerutdrag/{otherParticipant}"],
    ["admin", "/admin/registerutdrag/{otherParticipant}/json"],
    ["otherMunicipalityAdmin", "/admin/registerutdrag/{participant}"],
    ["otherMunicipalityAdmin", "/admin/registerutdrag/{participant}/json"],
    ["otherMunicipalityAdmin", "/admin/anvandare/{user}"],
    ["coordinator", "/deltagare/00000000-0000-4000-8000-000000000000"],
    ["coordinator", "/deltagare/not-a-uuid'%20or%201=1--"],
    // The calendar feed answers only its own secret token, whoever asks.
    ["anonymous", "/api/kalender/not-a-token"],
    ["coordinator", "/api/kalender/'%20or%201=1--"],
  ];
  const contexts = new Map<Who, { context: BrowserContext; page: Page }>();
  for (const [who, url] of guesses) {
    if (!contexts.has(who)) contexts.set(who, await contextFor(browser, who));
    const { page } = contexts.get(who)!;
    const got = await outcomeOf(page, fill(url));
    expect(got.outcome, `${who} ${url}`).toBe("notFound");
    expect(got.body).not.toContain("Testkommunen");
    expect(got.body).not.toContain("window.__xss");
  }
  // The owner's unit sees its own participant: the guesses above failed for the right reason.
  const anna = await contextFor(browser, "coordinator");
  expect((await outcomeOf(anna.page, fill("/deltagare/{participant}"))).outcome).toBe("ok");
  for (const c of [...contexts.values(), anna]) await c.context.close();
});

test("markup in names and text fields renders as text; search treats SQL-shaped input as text", async ({ browser }) => {
  const { context, page } = await contextFor(browser, "otherMunicipalityCoordinator");
  await page.goto("/deltagare");
  const link = page.getByRole("link", { name: `${FIX.xssFirstName} ${FIX.xssLastName}` });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${FIX.xssFirstName} ${FIX.xssLastName}`);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("main img").count()).toBe(0);

  // A consent whose scope is markup, then the hand-over it allows.
  await page.getByRole("link", { name: "Sammanfattning av planen för Arbetsförmedlingen" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("inget giltigt samtycke");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Arbetsförmedlingen");
  await page.goBack();
  // Submitted empty: the message names the field, next to it, and the focus goes there.
  await page.getByRole("button", { name: "Registrera samtycke" }).click();
  await expect(page.locator("#consent-scope-error")).toHaveText("Skriv vad som får delas.");
  await expect(page.getByLabel("Vad som får delas")).toBeFocused();
  await expect(page.getByText("Fyll i fältet.")).toHaveCount(0);
  const scope = `<script>window.__xss=3</script><b>mål</b> och "insatser"`;
  await page.getByLabel("Vad som får delas").fill(scope);
  await page.getByRole("button", { name: "Registrera samtycke" }).click();
  await expect(page.getByRole("cell", { name: scope })).toBeVisible();
  // The confirmation is said where the focus goes.
  const answer = page.getByTestId("consent-answer");
  await expect(answer).toHaveText("Samtycket till Arbetsförmedlingen är registrerat.");
  await expect(answer).toBeFocused();
  await expectAccessible(page);
  // The table's scroll area is a landmark named apart from its section "Samtycken" (landmark-unique).
  await expect(page.getByRole("region", { name: "Tabell: Samtycken", exact: true })).toHaveCount(1);
  await expectUniqueLandmarks(page);
  await page.getByRole("link", { name: "Sammanfattning av planen för Arbetsförmedlingen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sammanfattning för Arbetsförmedlingen" })).toBeVisible();
  await expect(page.locator("pre")).toContainText(scope);
  await expect(page.locator("pre")).toContainText(FIX.xssFirstName);
  // The scope names the goal and the activities: those, in words, and nothing else.
  await expect(page.getByText("Med enligt samtycket: planens mål, insatserna.")).toBeVisible();
  await expect(page.locator("pre")).toContainText("Praktik, pågående, från 2025-11-01, anordnare: Testkommunens äldreboende");
  await expect(page.locator("pre")).toContainText("Arbete: Undersköterska");
  await expect(page.locator("pre")).not.toContainText("Hälsoundersökning");
  await expect(page.locator("pre")).not.toContainText("Närvaro i sfi");
  await expect(page.locator("pre")).not.toContainText("pagaende");
  await expectAccessible(page);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // Withdrawn, asked once more with its day: a day to come is refused next to the date, then today.
  await page.goBack();
  await page.getByRole("button", { name: "Återkalla", exact: true }).click();
  const date = page.getByLabel("Återkallat den");
  await expect(date).toBeFocused();
  await expect(page.getByRole("group", { name: /Återkalla samtycket till Arbetsförmedlingen/ })).toContainText("Från och med den dag du anger");
  const today = await date.inputValue();
  const [y, mo, d] = today.split("-").map(Number);
  const tomorrow = new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
  await date.fill(tomorrow);
  await page.getByRole("button", { name: "Ja, återkalla" }).click();
  await expect(page.getByText("Ett samtycke kan inte återkallas i förväg")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("cell", { name: /Återkallat/ })).toHaveCount(0);
  await expectAccessible(page);
  await date.fill(today);
  await page.getByRole("button", { name: "Ja, återkalla" }).click();
  await expect(page.getByRole("cell", { name: /Återkallat/ })).toBeVisible();
  await expect(answer).toHaveText(`Samtycket till Arbetsförmedlingen är återkallat från och med ${today}.`);
  await expect(answer).toBeFocused();
  await page.goto(`/deltagare/${FIX.participantId}/sammanfattning-af`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("inget giltigt samtycke");

  // SQL-shaped input and LIKE wildcards are text: they match only where the name holds that text
  // (the seeded name does contain `"; DROP TABLE participants; --`).
  const queries: [string, number][] = [
    [`' or 1=1 --`, 0],
    [`%' or '%'='`, 0],
    [`"; drop table participants; --`, 1],
  ];
  for (const [q, n] of queries) {
    await page.goto(`/deltagare?${new URLSearchParams({ q })}`);
    await expect(page.getByRole("heading", { level: 1, name: "Deltagare" })).toBeVisible();
    await expect(page.getByLabel("Sök på namn")).toHaveValue(q);
    await expect(page.getByText(`${n} deltagare`, { exact: true })).toBeVisible();
  }
  await context.close();
});

test("an admin finds a person by posted personnummer and gets the register extract as a page and as JSON", async ({ browser }) => {
  // The person's coordinator sees them in the caseload: a read of a list, which names them only
  // among the page's ids, yet the extract lists it.
  const coordinator = await contextFor(browser, "otherMunicipalityCoordinator");
  await coordinator.page.goto("/deltagare");
  await expect(coordinator.page.getByRole("link", { name: `${FIX.xssFirstName} ${FIX.xssLastName}` })).toBeVisible();
  await coordinator.context.close();
  const { context, page } = await contextFor(browser, "otherMunicipalityAdmin");
  await page.goto("/admin/registerutdrag");
  await expectAccessible(page);
  // Nothing filled in: said as such, not as "nobody found".
  await page.getByRole("button", { name: "Ta fram registerutdrag" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fyll i personnummer eller deltagarens id.");
  await expect(page.getByRole("main").getByRole("alert")).toBeFocused();
  // A personnummer whose check digit is wrong: said next to the field, what was typed kept.
  const wrong = `${FIX_PERSONNUMMER.slice(0, 11)}${(Number(FIX_PERSONNUMMER[11]) + 1) % 10}`;
  await page.getByLabel("Personnummer (ÅÅÅÅMMDDNNNN)").fill(wrong);
  await page.getByRole("button", { name: "Ta fram registerutdrag" }).click();
  await expect(page.locator("#personnummer-error")).toContainText("inget giltigt personnummer");
  await expect(page.getByLabel("Personnummer (ÅÅÅÅMMDDNNNN)")).toHaveValue(wrong);
  await expect(page.getByLabel("Personnummer (ÅÅÅÅMMDDNNNN)")).toBeFocused();
  expect(page.url()).not.toContain(wrong);
  await page.getByLabel("Personnummer (ÅÅÅÅMMDDNNNN)").fill("");
  await page.getByLabel("Externt id").fill("finns-inte");
  await page.getByRole("button", { name: "Ta fram registerutdrag" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Ingen deltagare med det personnumret eller id:t.");
  await page.getByLabel("Externt id").fill("");
  await page.getByLabel("Personnummer (ÅÅÅÅMMDDNNNN)").fill(FIX_PERSONNUMMER);
  await page.getByRole("button", { name: "Ta fram registerutdrag" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/registerutdrag/${FIX.participantId}$`));
  expect(page.url()).not.toContain(FIX_PERSONNUMMER);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Registerutdrag: ${FIX.xssFirstName} ${FIX.xssLastName}`);
  await expect(page.getByRole("heading", { name: /^Samtycken/ })).toBeVisible();
  // Written for the person it is about: fields and codes in words, not as the database stores them.
  await expect(page.locator("dt", { hasText: /^Förnamn$/ })).toBeVisible();
  await expect(page.locator("dt", { hasText: /^firstName$/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Insatser/ }).getByRole("columnheader", { name: "Startdatum", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Insatser/ }).getByRole("cell", { name: "Pågående", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Logg/ }).getByRole("cell", { name: "Såg deltagare i en lista eller sökning" }).first()).toBeVisible();
  await expectAccessible(page);
  const json = await page.request.get(`/admin/registerutdrag/${FIX.participantId}/json`);
  expect(json.headers()["content-disposition"]).toContain("attachment");
  const data = (await json.json()) as { participant: { personnummer: string }; auditEntries: { action: string }[] };
  expect(data.participant.personnummer).toBe(FIX_PERSONNUMMER);
  expect(data.auditEntries.map((e) => e.action)).toContain("participant.extract");
  expect(data.auditEntries.map((e) => e.action)).toContain("participant.list");
  // The audit log finds the same list read by the participant's id.
  await page.goto(`/admin/logg?${new URLSearchParams({ participantId: FIX.participantId, action: "participant.list" })}`);
  await expect(page.getByRole("cell", { name: "Såg deltagare i en lista eller sökning participant.list" }).first()).toBeVisible();
  // An entry's participant links to every entry about them, the lists they were seen in too.
  await page.goto("/admin/logg?action=participant.extract");
  await page.getByRole("link", { name: FIX.participantId }).first().click();
  await expect(page).toHaveURL(new RegExp(`participantId=${FIX.participantId}`));
  await expect(page.getByLabel("Deltagarens id")).toHaveValue(FIX.participantId);
  await expect(page.getByRole("cell", { name: /participant\.list$/ }).first()).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await context.close();
});
