// Journey: security headers and CSP (with pages still hydrating), the admin's user management with
// immediate deactivation, finding a user by name or e-mail address, the audit view filtered by a
// typed user, and server actions refused from a foreign origin.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, PASSWORD, signInAs, test } from "./fixtures";
import { LoginPage } from "./pages/LoginPage";
import { actionId } from "./support/actions";
import { FIX } from "./support/seed";

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("every response carries the security headers, with a fresh nonce and no inline scripts", async ({ request }) => {
  const seen = new Set<string>();
  for (const path of ["/login", "/api/health", "/deltagare", "/admin/logg"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    const csp = h["content-security-policy"];
    expect(csp, path).toBeTruthy();
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toBeUndefined();
    seen.add(script);
  }
  expect(seen.size).toBe(4);
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/max-age=/);
  // Every script tag in the page carries the nonce of the header.
  const page = await request.get("/login");
  const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"])![1];
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("the app's icon is linked from every page and served without a session", async ({ request }) => {
  const html = await (await request.get("/login")).text();
  const link = /<link rel="icon" href="(\/icon\.svg[^"]*)"[^>]*type="image\/svg\+xml"/.exec(html);
  expect(link, "icon link in the head").not.toBeNull();
  const icon = await request.get(link![1].replaceAll("&amp;", "&"), { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
});

test("admin creates a user; the user's session ends at once when deactivated", async ({ page, browser }) => {
  const violations = watchCsp(page);
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Lägg till användare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lägg till användare" })).toBeVisible();
  // Client-side validation proves the page hydrated under the CSP.
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("Skriv namnet.")).toBeVisible();
  await expect(page.getByLabel("Startlösenord (minst 12 tecken)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  const email = `e2e.${Date.now()}@demo.etablera.se`;
  await page.getByLabel("Namn").fill("Edda Testsson");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Roll").selectOption({ label: "Etableringskoordinator" });
  await page.getByLabel("Enhet").selectOption({ index: 1 });
  await page.getByLabel("Startlösenord (minst 12 tecken)").fill("kort");
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByText("Lösenordet behöver vara minst 12 tecken.")).toBeVisible();
  await page.getByLabel("Startlösenord (minst 12 tecken)").fill("en-lång-startfras-2026");
  await page.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edda Testsson" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Användaren är skapad.");
  await expectAccessible(page);

  const other = await browser.newContext();
  const userPage = await other.newPage();
  const login = new LoginPage(userPage);
  await login.goto();
  await login.signIn(email, "en-lång-startfras-2026");
  await expect(userPage).toHaveURL(/\/arbetslista$/);

  await page.getByRole("button", { name: "Avaktivera", exact: true }).click();
  await page.getByRole("button", { name: "Ja, avaktivera" }).click();
  await expect(page.getByRole("button", { name: "Aktivera", exact: true })).toBeVisible();
  await userPage.goto("/deltagare");
  await expect(userPage).toHaveURL(/\/login/);
  await login.signIn(email, "en-lång-startfras-2026");
  await expect(userPage.getByRole("alert").filter({ hasText: "lösenord" })).toBeVisible();
  await other.close();

  // The users list finds the new user by part of the name or the e-mail address, in any case.
  await page.goto("/admin/anvandare");
  const search = page.getByLabel("Sök på namn eller e-post");
  await search.fill("edda TESTS");
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/[?&]q=edda\+TESTS/);
  await expect(page.getByText("1 användare", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edda Testsson" })).toBeVisible();
  await expect(search).toHaveValue("edda TESTS");
  await expectAccessible(page);
  await search.fill(email.toUpperCase());
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await search.fill("ingen sådan 100%");
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByText("Ingen användare matchar sökningen.")).toBeVisible();
  await expect(page.getByText("0 användare", { exact: true })).toBeVisible();

  // The audit view shows what was done, filtered by action; the CSV export downloads.
  await page.goto("/admin/logg");
  await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
  await expectAccessible(page);
  // Actions are chosen in words, a whole group or one action; the log says what happened in
  // words, with the code beside it, at Swedish time.
  await page.getByLabel("Händelse").selectOption({ label: "Alla: Användare" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/action=user\./);
  await expect(page.getByLabel("Händelse")).toHaveValue("user.");
  await expect(page.getByRole("cell", { name: "Lade till en användare user.create" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Avaktiverade en användare user.deactivate" }).first()).toBeVisible();
  const shown = await page.locator("tbody time").first().textContent();
  expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const utc = new Date((await page.locator("tbody time").first().getAttribute("datetime"))!);
  expect(shown).toBe(new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(utc));
  await page.getByLabel("Händelse").selectOption({ label: "Avaktiverade en användare" });
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/action=user\.deactivate/);
  await expect(page.getByRole("cell", { name: /user\.create$/ })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: /user\.deactivate$/ }).first()).toBeVisible();
  await expectAccessible(page);
  // Text from the address is taken as the start of codes, as text, never as SQL.
  await page.goto(`/admin/logg?${new URLSearchParams({ action: "' or 1=1 --" })}`);
  await expect(page.getByLabel("Händelse")).toHaveValue("' or 1=1 --");
  await expect(page.getByText("Inga händelser matchar.")).toBeVisible();
  await page.getByRole("button", { name: "Kontrollera att loggen är obruten" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Loggen är obruten");
  await expectAccessible(page);
  const csv = await page.request.get("/admin/logg/export?action=user.");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = await csv.text();
  expect(csvText).toContain("user.deactivate");
  expect(csvText).toContain("Avaktiverade en användare");
  // In the page's words: the columns named, the action in words beside its code, the details
  // in words (the new user's role), never their JSON.
  const csvLines = csvText.replace(/^\uFEFF/, "").split("\r\n");
  expect(csvLines[0]).toBe("Händelsens id,Tidpunkt (svensk tid),Användare,Användarens id,Händelse,Kod,Uppgift,Uppgiftens id,Deltagarens id,Detaljer");
  expect(csvLines.some((l) => l.includes(",Lade till en användare,user.create,Användare,") && /roll: (Etableringskoordinator|Sfi-lärare|Chef|Administratör)/.test(l))).toBe(true);
  expect(csvText).not.toContain('{"');

  // The user filter is a field for a name or e-mail address, not a list of every user; what was
  // typed stays, the matched users are named, and the CSV export applies the same filter.
  await expect(page.locator("select#userId")).toHaveCount(0);
  await page.goto("/admin/logg?action=user.");
  const who = page.getByLabel("Användare (namn eller e-post)");
  await who.fill("ADMIN@demo");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page).toHaveURL(/[?&]user=ADMIN%40demo/);
  await expect(who).toHaveValue("ADMIN@demo");
  await expect(page.getByText("Visar händelser av:")).toContainText("admin@demo.etablera.se");
  await expect(page.getByRole("cell", { name: /user\.deactivate$/ }).first()).toBeVisible();
  await expectAccessible(page);
  const exportHref = await page.getByRole("link", { name: "Exportera CSV" }).getAttribute("href");
  expect(exportHref).toContain("user=ADMIN%40demo");
  expect(await (await page.request.get(exportHref!)).text()).toContain("user.deactivate");
  // The new user did none of the admin's work: filtered by her, the same export has none of it.
  const hers = await (await page.request.get(`/admin/logg/export?action=user.&user=${encodeURIComponent("Edda Testsson")}`)).text();
  expect(hers).not.toContain("user.deactivate");
  await who.fill("ingen sådan användare");
  await page.getByRole("button", { name: "Visa" }).click();
  await expect(page.getByText("Ingen användare i kommunen matchar namnet eller e-postadressen.")).toBeVisible();
  await expect(page.getByText("Inga händelser matchar.")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the admin's privacy pages are accessible", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/gallring");
  await expect(page.getByRole("heading", { level: 1, name: "Gallring" })).toBeVisible();
  await expect(page.getByText("Loggen över läsningar och ändringar sparas")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/admin/anvandare/${FIX.targetUserId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Vera Testmål" })).toBeVisible();
  await expectAccessible(page);
});

test("an admin runs gallring: the due cases counted, anonymised as a job, nothing left", async ({ page }) => {
  // Testkommunen's admin: its three cases closed in 2019 (e2e/support/seed.ts).
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(FIX.adminEmail, PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/admin/gallring");
  await expect(page.getByText("Avslutade ärenden som har passerat bevarandetiden: 3. De äldsta visas först.")).toBeVisible();
  const table = page.getByRole("table", { name: "Detta skulle anonymiseras" });
  await expect(table.getByRole("row")).toHaveCount(4);
  // Whose cases they are: the person, closing day and last activity, and their register extract by id.
  const amal = table.getByRole("row", { name: /Amal Gallrad/ });
  await expect(amal.getByRole("rowheader")).toHaveText("Amal Gallrad");
  await expect(amal).toContainText("Ingen enhet, ingen koordinator");
  await expect(amal.getByRole("cell", { name: "2019-04-15", exact: true })).toHaveCount(2);
  const extract = amal.getByRole("link", { name: "Registerutdrag för Amal Gallrad" });
  await expect(extract).toHaveAttribute("href", /^\/admin\/registerutdrag\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  // Asked once more, saying it cannot be undone; Avbryt (or Escape) goes back with nothing done.
  await page.getByRole("button", { name: "Anonymisera nu" }).click();
  const confirm = page.getByRole("group", { name: "Anonymisera 3 ärenden?" });
  await expect(confirm).toContainText("Det går inte att ångra");
  await expect(confirm.getByRole("button", { name: "Ja, anonymisera 3 ärenden" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Anonymisera nu" })).toBeFocused();
  await expect(table.getByRole("row")).toHaveCount(4);
  await page.getByRole("button", { name: "Anonymisera nu" }).click();
  await page.getByRole("button", { name: "Ja, anonymisera 3 ärenden" }).click();
  // The result is said, and focused, where the buttons were.
  const answer = page.getByTestId("gallring-answer");
  await expect(answer).toHaveText("Klart. Anonymiserat: 3 ärenden.");
  await expect(answer).toBeFocused();
  await expect(page.getByText("Inget att gallra i dag.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Anonymisera nu" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a server action posted from a foreign origin is refused", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/anvandare");
  // A Demokommunen account that no other journey signs in with (e2e/support/seed.ts).
  const targetId = FIX.targetUserId;
  const post = (origin: string) =>
    page.request.post("/admin/anvandare/ny", {
      headers: { Origin: origin, "Next-Action": actionId("setUserActiveServer"), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ id: targetId, active: false }]),
      maxRedirects: 0,
    });
  const evil = await post("http://evil.example");
  expect(evil.status()).toBe(500);
  await page.goto(`/admin/anvandare/${targetId}`);
  await expect(page.getByRole("button", { name: "Avaktivera" })).toBeVisible();
  // The same request from our own origin goes through: the refusal was the origin check.
  const own = await post(new URL(page.url()).origin);
  expect(own.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("button", { name: "Aktivera", exact: true })).toBeVisible();
  const back = await page.request.post("/admin/anvandare/ny", {
    headers: { Origin: new URL(page.url()).origin, "Next-Action": actionId("setUserActiveServer"), "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ id: targetId, active: true }]),
  });
  expect(back.status()).toBe(200);
});
