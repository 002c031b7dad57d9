// Journeys of the actor directory ("vem gör vad"): a coordinator finds who offers health
// examinations, registers an actor (errors beside the fields, nothing typed lost), edits it past a
// colleague's save (the conflict view), finds it suggested as the provider of a praktik with its
// contact, follows a plan's provider to its entry, archives and restores it. A manager reads the directory but does not keep it.
import { expect, expectAccessible, signInAs, test } from "./fixtures";

const ACTOR = "Byggcentrum Praktik Syd";

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a coordinator finds, registers, edits, suggests, archives and restores an actor", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Aktörer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aktörer" })).toBeVisible();
  await expectAccessible(page);

  // Who offers health examinations?
  await page.getByLabel("Erbjuder").selectOption("halsoundersokning");
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/typ=halsoundersokning/);
  await expect(page.locator("#actors tbody tr")).toHaveCount(1);
  await expect(page.locator("#actors tbody tr")).toContainText("Vårdcentralen Demokommunen");
  await expect(page.locator("#actors tbody tr")).toContainText("0410-55 40 00");

  // Register one: the server's errors beside the fields, what was typed kept.
  await page.getByRole("link", { name: "Registrera aktör" }).click();
  const form = page.getByRole("form", { name: "Registrera aktör" });
  await form.getByLabel("Namn").fill(ACTOR);
  await form.getByLabel("E-post").fill("info@");
  await form.getByRole("button", { name: "Registrera aktör" }).click();
  await expect(form.getByText("Välj vilken sorts aktör det är.")).toBeVisible();
  await expect(form.getByText("Skriv en giltig e-postadress.")).toBeVisible();
  await expect(form.getByLabel("Namn")).toHaveValue(ACTOR);
  await expectAccessible(page);
  await form.getByLabel("Typ av aktör").selectOption("utbildning");
  await form.getByRole("group", { name: "Insatser som aktören erbjuder" }).getByLabel("Praktik").check();
  await form.getByRole("group", { name: "Insatser som aktören erbjuder" }).getByLabel("Validering").check();
  await form.getByLabel("Erbjudande och hur man hänvisar").fill("Praktik på byggarbetsplatser med handledare.\nAnmälan via e-post.");
  await form.getByLabel("Kontaktperson").fill("Omar Said");
  await form.getByLabel("E-post").fill("praktik@byggcentrum.example.se");
  await form.getByLabel("Webbplats").fill("www.byggcentrum.example.se");
  await form.getByRole("button", { name: "Registrera aktör" }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACTOR })).toBeVisible();
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("Utbildningsanordnare");
  await expect(facts).toContainText("Validering, Praktik");
  await expect(facts.getByRole("link", { name: "https://www.byggcentrum.example.se" })).toHaveAttribute("href", "https://www.byggcentrum.example.se");
  await expectAccessible(page);
  const actorUrl = new URL(page.url()).pathname;

  // Edit past a colleague's save: both versions shown, nothing overwritten until I choose.
  await page.getByRole("link", { name: "Ändra uppgifter" }).click();
  const edit = page.getByRole("form", { name: "Ändra uppgifter om aktören" });
  await edit.getByLabel("Telefon").fill("040-55 66 77");
  const other = await page.context().newPage();
  await other.goto(`${actorUrl}/redigera`);
  await other.getByLabel("Kontaktperson").fill("Lina Berg");
  await other.getByRole("button", { name: "Spara" }).click();
  await expect(other.locator("dl.facts")).toContainText("Lina Berg");
  await other.close();
  await edit.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByRole("heading", { name: "Någon annan har sparat under tiden" })).toBeVisible();
  const conflict = page.getByTestId("conflict");
  await expect(conflict.locator("tr", { hasText: "Kontaktperson" })).toContainText("Lina Berg");
  await expect(conflict.locator("tr", { hasText: "Kontaktperson" })).toContainText("Omar Said");
  await expect(conflict.locator("tr", { hasText: "Telefon" })).toContainText("040-55 66 77");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara mina ändringar ovanpå deras" }).click();
  await expect(page).toHaveURL(actorUrl);
  await expect(facts).toContainText("Lina Berg");
  await expect(facts).toContainText("040-55 66 77");

  // The activity form suggests it as a praktik's provider and names whom to contact.
  await page.goto("/deltagare");
  const participant = (await page.locator("table tbody tr td a").first().getAttribute("href"))!;
  await page.goto(`${participant}/insats/ny`);
  await page.getByLabel("Typ av insats").selectOption("praktik");
  const provider = page.getByLabel("Anordnare");
  const listId = (await provider.getAttribute("list"))!;
  const suggested = await page.locator(`datalist[id="${listId}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // Those offering a praktik come first.
  expect(suggested.slice(0, 2).sort()).toEqual(["Arbetsmarknadsenheten, praktiksamordningen", ACTOR].sort());
  expect(suggested).toContain("Lärcentrum Demokommunen");
  expect(suggested).not.toContain("Språkcafé på biblioteket");
  await provider.fill(ACTOR.toLowerCase());
  await expect(page.getByTestId("provider-contact")).toHaveText(`Kontakt hos ${ACTOR}: Lina Berg, 040-55 66 77, praktik@byggcentrum.example.se`);
  await expectAccessible(page);

  // A plan's provider that is in the directory links to it (the demo's sfi is at Lärcentrum).
  const hrefs = await page.goto("/deltagare").then(() => page.locator("table tbody tr td a").evaluateAll((as) => as.slice(0, 8).map((a) => a.getAttribute("href")!)));
  let found = false;
  for (const href of hrefs) {
    await page.goto(href);
    const link = page.locator("#plan-activities").getByRole("link", { name: "Lärcentrum Demokommunen" }).first();
    if ((await link.count()) === 0) continue;
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: "Lärcentrum Demokommunen" })).toBeVisible();
    await expect(page.locator("dl.facts")).toContainText("0410-73 50 00");
    found = true;
    break;
  }
  expect(found).toBe(true);

  // Archived: no longer listed or suggested, found among the archived, and restored.
  await page.goto(actorUrl);
  await page.getByRole("button", { name: "Arkivera aktören" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Arkiverad" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ändra uppgifter" })).toHaveCount(0);
  await page.goto(`/aktorer?q=${encodeURIComponent("Byggcentrum")}`);
  await expect(page.getByText("Ingen aktör matchar sökningen.")).toBeVisible();
  await page.getByRole("link", { name: "Visa arkiverade aktörer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arkiverade aktörer" })).toBeVisible();
  await page.locator("#actors").getByRole("link", { name: ACTOR }).click();
  await page.getByRole("button", { name: "Återställ aktören" }).click();
  await expect(page.getByRole("link", { name: "Ändra uppgifter" })).toBeVisible();
  await page.goto(`/aktorer?q=${encodeURIComponent("Byggcentrum")}`);
  await expect(page.locator("#actors tbody tr")).toHaveCount(1);
});

test("a manager reads the directory but does not keep it", async ({ page }) => {
  await signInAs(page, "manager");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Aktörer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aktörer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Registrera aktör" })).toHaveCount(0);
  await page.locator("#actors").getByRole("link", { name: "Arbetsförmedlingen" }).click();
  await expect(page.locator("dl.facts")).toContainText("0771-416 416");
  await expect(page.getByRole("link", { name: "Ändra uppgifter" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Arkivera aktören" })).toHaveCount(0);
  await expectAccessible(page);
});
