// Shared test helpers: demo accounts, signing in, and the accessibility check.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { LoginPage } from "./pages/LoginPage";

export const PASSWORD = "Etablera-demo-2026";
export const ACCOUNTS = {
  coordinator: { email: "anna.koordinator@demo.etablera.se", home: "/arbetslista", heading: "Min arbetslista" },
  coordinatorNorr: { email: "samira.koordinator@demo.etablera.se", home: "/arbetslista", heading: "Min arbetslista" },
  sfi_teacher: { email: "lena.sfi@demo.etablera.se", home: "/sfi", heading: "Mina grupper" },
  manager: { email: "karin.chef@demo.etablera.se", home: "/resultat", heading: "Resultat" },
  admin: { email: "admin@demo.etablera.se", home: "/admin/anvandare", heading: "Användare" },
} as const;
export type AccountKey = keyof typeof ACCOUNTS;

export async function signInAs(page: Page, who: AccountKey) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(ACCOUNTS[who].email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`${ACCOUNTS[who].home}$`));
}

/** axe: no serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Checked on a settled page: right after a server action the page is briefly re-rendered, and
  // axe once caught it without its <title> (a flaky "document-title" in CI). Every page has one.
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Every landmark has a name of its own (axe's landmark-unique, a best practice that
 * expectAccessible does not ask for): a table's scroll area is a named region, and inside a
 * section with the table's title it is named apart ("Tabell: …").
 */
export async function expectUniqueLandmarks(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(" "))), page.url()).toEqual([]);
}

export const test = base;
export { expect };
