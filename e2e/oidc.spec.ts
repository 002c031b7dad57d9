// Journey: signing in through the municipality's identity provider (OpenID Connect) against a
// real provider running locally. Runs its own app server (the main one has no provider configured,
// so its sign-in page shows no provider button). An account an admin created is matched by
// email; an unknown or inactive user is refused; password sign-in stays.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { OIDC_USERS, oidcDataDir, prepareOidcDatabase, startApp, startOidcProvider } from "./support/oidc";

const basePort = Number(process.env.E2E_PORT ?? 3100);
const APP_PORT = basePort + 1000;
const IDP_PORT = basePort + 1001;

let app: { origin: string; stop: () => void };
let idp: { issuer: string; close: () => Promise<void> };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // "localhost", not 127.0.0.1: Next.js rewrites loopback addresses in request URLs to localhost,
  // so that is the origin Auth.js builds its callback from.
  const origin = `http://localhost:${APP_PORT}`;
  idp = await startOidcProvider(IDP_PORT, origin);
  await prepareOidcDatabase(oidcDataDir(APP_PORT));
  app = await startApp(APP_PORT, {
    PGLITE_DIR: oidcDataDir(APP_PORT),
    ETABLERA_NO_DEMO: "1",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: "etablera",
    OIDC_CLIENT_SECRET: "etablera-test-secret-0123456789",
  });
});

test.afterAll(async () => {
  app?.stop();
  await idp?.close();
});

async function signInThroughProvider(page: Page, sub: string) {
  await page.goto(`${app.origin}/login`);
  await page.getByRole("button", { name: "Logga in med kommunens konto" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("valfritt");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("the main server, without a provider configured, shows no provider button", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Logga in med kommunens konto" })).toHaveCount(0);
});

test("an account an admin created signs in through the identity provider", async ({ page }) => {
  await page.goto(`${app.origin}/login`);
  await expectAccessible(page);
  await signInThroughProvider(page, "sub-active");
  await expect(page).toHaveURL(`${app.origin}/arbetslista`);
  await expect(page.getByText("Olle Oidc")).toBeVisible();
  // The headers and the nonce'd scripts hold here too.
  const res = await page.request.get(`${app.origin}/deltagare`);
  expect(res.headers()["content-security-policy"]).toContain(`form-action 'self' ${idp.issuer}`);
});

for (const sub of ["sub-unknown", "sub-inactive"]) {
  test(`${OIDC_USERS[sub].name} (${sub.replace("sub-", "")}) is refused`, async ({ page }) => {
    await signInThroughProvider(page, sub);
    await expect(page).toHaveURL(new RegExp(`^${app.origin}/login\\?error=AccessDenied`));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Ditt konto finns inte i Etablera eller är inte aktivt. Kontakta din administratör.");
    await page.goto(`${app.origin}/arbetslista`);
    await expect(page).toHaveURL(/\/login/);
  });
}
