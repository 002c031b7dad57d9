// Journey: an sfi teacher records a full group's attendance and a course result; the student's
// coordinator sees both on the participant page; the teacher reaches nothing outside their groups;
// a teacher changes a group ("Ändra gruppen") and adds a co-teacher; a completion or an avbrott
// recorded by mistake is undone ("Ångra"); a group is closed, found among the closed ones and
// opened again, by its teacher and by an admin.
import { expect, expectAccessible, signInAs, test, type AccountKey } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { SfiGroupPage } from "./pages/SfiGroupPage";
import { LoginPage } from "./pages/LoginPage";

/** Opens the student's page as whichever coordinator has them; returns that page. */
async function openAsCoordinator(browser: Browser, name: string): Promise<Page> {
  for (const who of ["coordinator", "coordinatorNorr"] as AccountKey[]) {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, who);
    await page.goto("/deltagare");
    await page.getByLabel("Sök på namn").fill(name);
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByText(/\d+ deltagare/)).toBeVisible();
    const link = page.getByRole("link", { name, exact: true });
    if ((await link.count()) > 0) {
      await link.first().click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      return page;
    }
    await page.close();
  }
  throw new Error(`no coordinator has ${name}`);
}

test("a teacher records attendance and a result, and the coordinator sees both", async ({ page, browser }) => {
  test.slow(); // two users, several pages
  await signInAs(page, "sfi_teacher");
  await expectAccessible(page);
  const group = new SfiGroupPage(page);
  await group.openFirstGroup();
  await expectAccessible(page);
  const groupUrl = page.url().split("?")[0];
  const names = await group.studentNames();
  expect(names.length).toBeGreaterThan(1);
  const student = names[0];

  const coordinator = await openAsCoordinator(browser, student);
  const shareBefore = await coordinator.getByTestId("sfi-share4w").innerText();

  // The whole group is present by default: one change, one save.
  await group.mark(student, "Frånvarande");
  await group.save();
  await expect(page.getByRole("status").filter({ hasText: "Närvaron är sparad" })).toContainText(`${names.length} elever, 1 frånvarande`);
  // The answer has the focus the save button had (disabled while saving), not <body>.
  await expect(page.getByRole("status").filter({ hasText: "Närvaron är sparad" })).toBeFocused();

  await page.getByLabel("Elev", { exact: true }).selectOption({ label: student });
  await page.getByLabel("Betyg").selectOption("C");
  await page.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resultatet är sparat" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Resultatet är sparat" })).toBeFocused();
  // The grade is cleared after a save (the student stays): a second click records nothing twice.
  await expect(page.getByLabel("Betyg")).toHaveValue("");
  await expect(page.getByLabel("Elev", { exact: true })).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.locator("#grade-error")).toHaveText("Välj ett betyg A–F.");

  await coordinator.reload();
  await expect(coordinator.getByTestId("sfi-last-result")).toContainText(": C (");
  const shareAfter = await coordinator.getByTestId("sfi-share4w").innerText();
  const pct = (s: string) => (s.endsWith("%") ? Number(s.replace(/[^\d]/g, "")) : 100);
  expect(pct(shareAfter)).toBeLessThanOrEqual(pct(shareBefore));
  expect(shareAfter).toMatch(/%$/);
  await expectAccessible(coordinator);
  await coordinator.close();

  // With the passing grade the course can be completed and the student moved on. The next course's
  // groups are searched for (a region has hundreds); the teacher's own one is chosen already.
  await page.getByRole("main").getByRole("link", { name: student, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: student })).toBeVisible();
  const next = page.getByLabel("Grupp i kurs C");
  await expect(next.locator("option:checked")).toHaveText("Sfi 2C förmiddag (Lärcentrum Demokommunen)");
  const groupSearch = page.getByLabel("Sök grupp på namn eller skola");
  await groupSearch.fill("kväll");
  await expect(page.locator("#complete-next-search-status")).toHaveText("Ingen grupp i nästa kurs matchar ”kväll”.");
  // What is chosen stays chosen (and shown) whatever a search finds.
  await expect(next.locator("option:checked")).toHaveText("Sfi 2C förmiddag (Lärcentrum Demokommunen)");
  await groupSearch.fill("lärcentrum");
  await groupSearch.press("Enter");
  await expect(page.locator("#complete-next-search-status")).toHaveText("Antal grupper som matchar: 1.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Avsluta kursen" }).click();
  await expect(page.getByRole("link", { name: /Sfi 2C förmiddag/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: student })).toBeVisible();
  // The place in the new group starts tomorrow: the page says so and offers a pause or an
  // interruption, not a course to complete; course B has ended today, it is not ongoing.
  await expect(page.getByTestId("student-place")).toHaveText(/^Inskriven från \d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText("Inte längre inskriven i gruppen.")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Avbrott eller uppehåll" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Avsluta kursen" })).toHaveCount(0);
  const courses = page.getByRole("table", { name: "Tid per kurs" });
  await expect(courses.getByRole("columnheader", { name: "Dagar" })).toBeVisible();
  const courseB = courses.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "B", exact: true }) });
  // Cells: studieväg, from, to, days (the course is the row header).
  await expect(courseB.getByRole("cell").nth(2)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expectAccessible(page);
  // The new group lists the student as starting soon, with the first day.
  const startsOn = (await page.getByTestId("student-place").innerText()).replace("Inskriven från ", "");
  await page.getByRole("link", { name: /Sfi 2C förmiddag/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Börjar snart" })).toBeVisible();
  await expect(page.getByTestId("upcoming-students").getByRole("listitem").filter({ hasText: student })).toContainText(`börjar ${startsOn}`);
  await expectAccessible(page);
  const nextGroupUrl = page.url().split("?")[0];

  // Recorded by mistake: "Ångra" on the student's page of the first group puts the place back and
  // removes the upcoming place in the next course's group.
  await page.goto(groupUrl);
  await page.getByRole("main").getByRole("link", { name: student, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: student })).toBeVisible();
  const undo = page.getByRole("region", { name: "Ångra" });
  await expect(undo).toContainText(`Platsen i gruppen Sfi 2C förmiddag från ${startsOn} tas också bort.`);
  await undo.getByRole("button", { name: "Ångra att kursen är klar" }).click();
  await expect(page.getByRole("button", { name: "Ja, ångra" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, ångra" }).click();
  await expect(page.getByTestId("undo-answer")).toHaveText("Ångrat. Eleven är inskriven i gruppen igen.");
  await expect(page.getByTestId("student-place")).toHaveText(/^I gruppen sedan \d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("button", { name: "Avsluta kursen" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ångra" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(nextGroupUrl);
  await expect(page.getByTestId("upcoming-students").getByRole("listitem").filter({ hasText: student })).toHaveCount(0);
});

test("a teacher cannot record attendance or results for days that have not come, nor too many hours", async ({ page }) => {
  await signInAs(page, "sfi_teacher");
  const group = new SfiGroupPage(page);
  await group.openFirstGroup();
  const groupUrl = page.url().split("?")[0];
  const today = (await page.getByLabel("Lektionsdatum").inputValue()).trim();

  // A date after today, or one that does not exist, shows today and says why.
  await page.goto(`${groupUrl}?datum=2099-03-03`);
  await expect(page.getByRole("alert").filter({ hasText: "Närvaro kan inte registreras för ett datum efter i dag." })).toContainText(`2099-03-03 har inte varit ännu, så sidan visar i dag, ${today}.`);
  await expect(page.getByRole("heading", { level: 2, name: `Närvaro ${today}` })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${groupUrl}?datum=2026-02-30`);
  await expect(page.getByRole("alert").filter({ hasText: "2026-02-30 är inte ett giltigt datum" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Närvaro ${today}` })).toBeVisible();

  // Partial attendance cannot exceed the lesson: the error is next to the row, nothing is saved.
  const [student] = await group.studentNames();
  await group.mark(student, "Delvis");
  await page.getByLabel(`Timmar närvarande för ${student}`).fill("10");
  await page.getByRole("button", { name: "Spara närvaro" }).click();
  await expect(page.locator("table.attendance .field-error")).toHaveText(/^Högst \d+(,\d+)? timmar\.$/);
  await expect(page.getByLabel(`Timmar närvarande för ${student}`)).toHaveValue("10");
  await expect(page.getByRole("status").filter({ hasText: "Närvaron är sparad" })).toHaveCount(0);

  // A result dated after today is refused; one dated before the student's place gets the server's reason.
  const results = page.getByRole("form", { name: "Registrera resultat" });
  await results.getByLabel("Elev", { exact: true }).selectOption({ label: student });
  await results.getByLabel("Betyg").selectOption("E");
  await results.getByLabel("Datum").fill("2099-06-01");
  await results.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.locator("#resultDate-error")).toHaveText("Ett resultat kan inte dateras efter i dag.");
  await results.getByLabel("Datum").fill("2000-01-03");
  await results.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.locator("#participantId-error")).toContainText("Eleven var inte inskriven i gruppen den 2000-01-03 (inskriven");
  await expect(results.getByLabel("Betyg")).toHaveValue("E");
  await expectAccessible(page);
});

test("a teacher gets not found outside their own groups", async ({ page, browser }) => {
  // A participant's page URL, taken as a coordinator.
  const coordinator = await browser.newPage();
  await signInAs(coordinator, "coordinator");
  await coordinator.goto("/deltagare");
  const href = await coordinator.locator("table tbody tr td a").first().getAttribute("href");
  await coordinator.close();

  await signInAs(page, "sfi_teacher");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
  await page.goto("/sfi/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Sidan eller uppgiften hittades inte." })).toBeVisible();
});

test("a teacher creates a group, enrols a student, records a pause and an interruption, and the coordinator sees it", async ({ page, browser }) => {
  test.slow(); // two users, several pages
  await signInAs(page, "sfi_teacher");
  await page.getByRole("link", { name: "Ny grupp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skapa en sfi-grupp" })).toBeVisible();
  await page.getByLabel("Gruppens namn").fill("Zeta kvällsgrupp");
  await page.getByLabel("Skola", { exact: true }).fill("Lärcentrum Demokommunen");
  await page.getByLabel("Studieväg").selectOption("3");
  // Course D, the last of studieväg 3: the demo's students found below have passed C at most.
  await page.getByLabel("Kurs", { exact: true }).selectOption("D");
  await page.getByLabel("Starttid").fill("17:00");
  await page.getByLabel("Sluttid").fill("20:00");
  // No weekday yet: the error is shown next to the field and what was typed stays.
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.getByText("Välj minst en veckodag.")).toBeVisible();
  await expect(page.getByLabel("Gruppens namn")).toHaveValue("Zeta kvällsgrupp");
  await expectAccessible(page);
  await page.getByLabel("måndag").check();
  await page.getByLabel("onsdag").check();
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zeta kvällsgrupp" })).toBeVisible();
  await expect(page.getByText("Gruppen har inga elever det här datumet.")).toBeVisible();

  // Enrol: search by name; the hits show name and birth date only. Someone already in another
  // group is refused with the reason, so take the first who can be enrolled.
  await page.getByLabel("Namn", { exact: true }).fill("an");
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  const hits = page.locator(".enrol table tbody tr");
  await expect(hits.first()).toBeVisible();
  expect(await hits.first().locator("td").count()).toBe(2);
  let student = "";
  for (let i = 0; i < (await hits.count()) && !student; i++) {
    const name = (await hits.nth(i).locator("th").innerText()).trim();
    await hits.nth(i).getByRole("button", { name: `Skriv in ${name}` }).click();
    const enrolled = page.getByRole("status").filter({ hasText: `${name} är inskriven i gruppen.` });
    const refused = page.locator(".enrol .form-error");
    await expect(enrolled.or(refused)).toBeVisible();
    // The row and its button are gone (enrolled) or the reason is given: either has the focus.
    await expect(enrolled.or(refused)).toBeFocused();
    if ((await enrolled.count()) > 0) student = name;
  }
  expect(student).not.toBe("");
  await expect(page.locator("table.attendance tbody th", { hasText: student })).toBeVisible();
  await expectAccessible(page);

  // The student's page: the course cannot be completed without a passing grade; a pause needs
  // its end date; an interruption ends the place.
  await page.getByRole("main").getByRole("link", { name: student, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: student })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Avsluta kursen" }).click();
  await expect(page.getByText("Registrera först ett godkänt kursbetyg (A–E) i kurs D.")).toBeVisible();
  const breakForm = page.getByRole("form", { name: "Avbrott eller uppehåll" });
  await breakForm.getByRole("button", { name: "Spara" }).click();
  await expect(breakForm.getByText("Ange till vilket datum uppehållet gäller.")).toBeVisible();
  await breakForm.getByLabel("Till och med").fill("2099-01-31");
  await breakForm.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByTestId("student-breaks")).toContainText("Uppehåll");
  await breakForm.getByLabel("Avbrott").check();
  await breakForm.getByLabel("Orsak").selectOption({ label: "Arbete" });
  await breakForm.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Inte längre inskriven i gruppen.")).toBeVisible();
  await expect(page.getByTestId("student-breaks")).toContainText("(Arbete)");

  // The coordinator sees the interruption on the participant page, read-only.
  const coordinator = await openAsCoordinator(browser, student);
  await expect(coordinator.getByTestId("sfi-breaks")).toContainText("Avbrott");
  await expect(coordinator.getByTestId("sfi-breaks")).toContainText("(Arbete)");
  await coordinator.close();
});

test("an admin creates a group for a teacher and sees every group, without student data", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Sfi-grupper" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sfi-grupper" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ny grupp" }).click();
  await page.getByLabel("Gruppens namn").fill("Zeta förmiddag 1A");
  await page.getByLabel("Skola", { exact: true }).fill("Lärcentrum Demokommunen");
  await page.getByLabel("Studieväg").selectOption("1");
  await page.getByLabel("Kurs", { exact: true }).selectOption("A");
  await page.getByLabel("tisdag").check();
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.locator("#teacherIds-error")).toHaveText("Välj minst en lärare.");
  // Teachers are found by name or e-mail (a region has hundreds); a choice stays whatever the
  // search shows next.
  const teacherSearch = page.getByLabel("Sök lärare på namn eller e-post");
  await teacherSearch.fill("lena.sfi@");
  await expect(page.locator("#teacher-search-status")).toHaveText("Antal lärare som matchar: 1.");
  await page.getByLabel("Lena Ek").check();
  await teacherSearch.fill("Ingen sådan lärare");
  await teacherSearch.press("Enter");
  await expect(page.locator("#teacher-search-status")).toHaveText("Ingen lärare matchar ”Ingen sådan lärare”.");
  await expect(page.getByLabel("Lena Ek")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sfi-grupper" })).toBeVisible();
  const row = page.getByRole("row", { name: /Zeta förmiddag 1A/ });
  await expect(row).toContainText("Lena Ek");
  // No link to a group's students: only "Ändra" links, to change a group.
  await expect(page.locator('table tbody a:not([href$="/andra"])')).toHaveCount(0);
  // The list comes a page at a time; a search by the group's or a teacher's name finds it.
  const search = page.getByRole("search");
  await search.getByLabel("Sök på grupp eller lärare").fill("zeta förmiddag");
  await search.getByRole("button", { name: "Sök" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("zeta förmiddag");
  await expect(page.getByText("Antal grupper: 1", { exact: true })).toBeVisible();
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expect(row).toContainText("Lena Ek");
  await expectAccessible(page);
  await search.getByLabel("Sök på grupp eller lärare").fill("Ingen sådan grupp");
  await search.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByText("Ingen grupp matchar sökningen.")).toBeVisible();
});

test("a teacher changes a group's schedule and adds a co-teacher, who then has the group", async ({ page, browser }) => {
  test.slow(); // two users, several pages
  // A second sfi teacher, made by the admin (the demo has one).
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto("/admin/anvandare/ny");
  const stamp = Date.now();
  const coName = `Sara Medlärare ${stamp}`;
  const coEmail = `e2e.sfi.${stamp}@demo.etablera.se`;
  const coPassword = "en-lång-startfras-2026";
  await admin.getByLabel("Namn").fill(coName);
  await admin.getByLabel("E-postadress").fill(coEmail);
  await admin.getByLabel("Roll").selectOption({ label: "Sfi-lärare" });
  await admin.getByLabel("Startlösenord (minst 12 tecken)").fill(coPassword);
  await admin.getByRole("button", { name: "Skapa användare" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: coName })).toBeVisible();

  // The teacher makes a group of their own, then changes it from the group's page.
  await signInAs(page, "sfi_teacher");
  await page.getByRole("link", { name: "Ny grupp" }).click();
  const groupName = `Zeta ändras ${stamp}`;
  await page.getByLabel("Gruppens namn").fill(groupName);
  await page.getByLabel("Skola", { exact: true }).fill("Lärcentrum Demokommunen");
  await page.getByLabel("måndag").check();
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await page.getByRole("link", { name: "Ändra gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ändra gruppen: ${groupName}` })).toBeVisible();
  await expectAccessible(page);

  // Nothing is saved with an end before the start; the error is next to the field.
  await page.getByLabel("Starttid").fill("17:00");
  await page.getByLabel("Sluttid").fill("16:00");
  await page.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(page.locator("#end-error")).toHaveText("Sluttiden måste vara efter starttiden.");
  await expectAccessible(page);
  await page.getByLabel("Sluttid").fill("20:00");
  await page.getByLabel("måndag").uncheck();
  await page.getByLabel("tisdag").check();
  await page.getByLabel("torsdag").check();
  await page.getByLabel("Undervisningstimmar per lektion").fill("2.5");
  // The co-teacher is found by e-mail and added; the teacher stays checked.
  await page.getByLabel("Sök lärare på namn eller e-post").fill(coEmail);
  await expect(page.locator("#teacher-search-status")).toHaveText("Antal lärare som matchar: 1.");
  await page.getByLabel(coName).check();
  await expect(page.getByLabel("Lena Ek")).toBeChecked();
  await page.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByText("tis, tor 17:00–20:00", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // The co-teacher now has the group among theirs.
  const co = await (await browser.newContext()).newPage();
  const login = new LoginPage(co);
  await login.goto();
  await login.signIn(coEmail, coPassword);
  await expect(co).toHaveURL(/\/sfi$/);
  await expect(co.getByRole("link", { name: groupName })).toBeVisible();
  await co.close();

  // The admin reaches the same form from the list of groups.
  await admin.goto(`/admin/sfi-grupper?q=${encodeURIComponent(groupName)}`);
  const row = admin.getByRole("row", { name: new RegExp(groupName) });
  await expect(row).toContainText(coName);
  await row.getByRole("link", { name: `Ändra ${groupName}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Ändra gruppen: ${groupName}` })).toBeVisible();
  await expectAccessible(admin);
  await admin.close();
});

/** Creates a group of the teacher's (on its page after) and returns its name. */
async function createGroup(page: Page, name: string, studyPath = "2", course = "B") {
  await page.goto("/sfi/ny");
  await page.getByLabel("Gruppens namn").fill(name);
  await page.getByLabel("Skola", { exact: true }).fill("Lärcentrum Demokommunen");
  await page.getByLabel("Studieväg").selectOption(studyPath);
  await page.getByLabel("Kurs", { exact: true }).selectOption(course);
  await page.getByLabel("tisdag").check();
  await page.getByRole("button", { name: "Skapa gruppen" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Enrols the first person found by the name (by default "an") who is in no other group, from today; returns the name. */
async function enrolSomeone(page: Page, search = "an"): Promise<string> {
  await page.getByLabel("Namn", { exact: true }).fill(search);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  const hits = page.locator(".enrol table tbody tr");
  await expect(hits.first()).toBeVisible();
  for (let i = 0; i < (await hits.count()); i++) {
    const name = (await hits.nth(i).locator("th").innerText()).trim();
    await hits.nth(i).getByRole("button", { name: `Skriv in ${name}` }).click();
    const enrolled = page.getByRole("status").filter({ hasText: `${name} är inskriven i gruppen.` });
    await expect(enrolled.or(page.locator(".enrol .form-error"))).toBeVisible();
    if ((await enrolled.count()) > 0) return name;
  }
  throw new Error("nobody to enrol");
}

test("a teacher undoes an avbrott and a completed course recorded by mistake, and the group stays open while the student is in it", async ({ page }) => {
  test.slow(); // several pages and saves
  await signInAs(page, "sfi_teacher");
  // Course D, the last of studieväg 3: completing it ends sfi on the plan, with no next group.
  await createGroup(page, `Zeta ångra ${Date.now()}`, "3", "D");
  const groupUrl = page.url().split("?")[0];
  // Not "an": the first journey leaves an "an" student in no group but on a long uppehåll.
  const student = await enrolSomeone(page, "Yusuf");

  // An avbrott by mistake, undone after one more question (Escape goes back to the button).
  await page.getByRole("main").getByRole("link", { name: student, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: student })).toBeVisible();
  // The student's breaks are the person's, from every group: an earlier journey may have left some.
  const avbrottItems = page.getByTestId("student-breaks").getByText(/^Avbrott/);
  const avbrottBefore = await avbrottItems.count();
  const breakForm = page.getByRole("form", { name: "Avbrott eller uppehåll" });
  await breakForm.getByLabel("Avbrott").check();
  await breakForm.getByLabel("Orsak").selectOption({ label: "Arbete" });
  await breakForm.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Inte längre inskriven i gruppen.")).toBeVisible();
  const undo = page.getByRole("region", { name: "Ångra" });
  await expect(undo).toContainText("Ett avbrott registrerades från");
  await undo.getByRole("button", { name: "Ångra avbrottet" }).click();
  await expect(page.getByRole("group", { name: `Ångra avbrottet för ${student}?` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(undo.getByRole("button", { name: "Ångra avbrottet" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Ja, ångra" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("undo-answer")).toHaveText("Ångrat. Eleven är inskriven i gruppen igen.");
  await expect(page.getByTestId("undo-answer")).toBeFocused();
  await expect(page.getByTestId("student-place")).toHaveText(/^I gruppen sedan \d{4}-\d{2}-\d{2}$/);
  // The avbrott is gone.
  await expect(avbrottItems).toHaveCount(avbrottBefore);
  await expectAccessible(page);

  // A completed course by mistake: sfi on the plan is ongoing again and the course can be completed later.
  await page.goto(groupUrl);
  const results = page.getByRole("form", { name: "Registrera resultat" });
  await results.getByLabel("Elev", { exact: true }).selectOption({ label: student });
  await results.getByLabel("Betyg").selectOption("E");
  await results.getByRole("button", { name: "Spara resultat" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resultatet är sparat" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: student, exact: true }).click();
  await page.getByRole("button", { name: "Avsluta kursen" }).click();
  await expect(page.getByTestId("student-place")).toContainText(", till och med ");
  await expect(undo).toContainText("Kursen registrerades som klar");
  await undo.getByRole("button", { name: "Ångra att kursen är klar" }).click();
  await page.getByRole("button", { name: "Ja, ångra" }).click();
  await expect(page.getByTestId("undo-answer")).toHaveText("Ångrat. Eleven är inskriven i gruppen igen.");
  await expect(page.getByTestId("student-place")).toHaveText(/^I gruppen sedan \d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole("button", { name: "Avsluta kursen" })).toBeVisible();
  await expectAccessible(page);

  // The group is not closed while the student is in it: the page says so instead of the button.
  await page.goto(groupUrl);
  await expect(page.getByTestId("close-blocked")).toHaveText(
    "Gruppen kan avslutas när ingen elev är inskriven längre: 1 elev är fortfarande inskriven. Registrera först att kursen är klar eller ett avbrott för var och en.",
  );
  await expect(page.getByRole("button", { name: "Avsluta gruppen" })).toHaveCount(0);
});

test("a teacher closes a group, finds it among the closed ones and opens it again; an admin does the same", async ({ page, browser }) => {
  test.slow(); // two users, several pages
  await signInAs(page, "sfi_teacher");
  const name = `Zeta avslutas ${Date.now()}`;
  await createGroup(page, name);
  const groupUrl = page.url().split("?")[0];

  // Closing asks once more; Avbryt goes back and nothing is closed.
  const closing = page.getByRole("region", { name: "Avsluta gruppen" });
  await closing.getByRole("button", { name: "Avsluta gruppen" }).click();
  await expect(page.getByRole("group", { name: `Avsluta gruppen ${name}? Den tar inte emot närvaro, resultat eller nya elever förrän den öppnas igen.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, avsluta" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Avbryt" }).click();
  await expect(closing.getByRole("button", { name: "Avsluta gruppen" })).toBeFocused();
  await closing.getByRole("button", { name: "Avsluta gruppen" }).click();
  await page.getByRole("button", { name: "Ja, avsluta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gruppen är avslutad." })).toBeVisible();

  // Closed: marked with the day, read without forms.
  await expect(page.getByTestId("group-closed")).toContainText(/^Avslutad \d{4}-\d{2}-\d{2}/);
  const closedOn = ((await page.getByTestId("group-closed").locator("strong").innerText()).match(/\d{4}-\d{2}-\d{2}/) ?? [""])[0];
  await expect(page.getByRole("heading", { level: 2, name: "Skriv in en elev" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Spara närvaro" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ändra gruppen" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Elever som har gått i gruppen" })).toBeVisible();
  await expectAccessible(page);

  // Not among the running groups; among the closed ones, with the day.
  await page.goto("/sfi");
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Visa avslutade grupper" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Avslutade grupper" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(closedOn);
  await expectAccessible(page);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByTestId("group-closed")).toBeVisible();

  // Opened again: the forms are back.
  await page.getByRole("button", { name: "Öppna gruppen igen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gruppen är öppen igen." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Skriv in en elev" })).toBeVisible();
  await expect(page.getByTestId("group-closed")).toHaveCount(0);
  await expectAccessible(page);

  // The admin closes it from "Ändra gruppen", finds it among the municipality's closed groups and opens it again.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await admin.goto(`/admin/sfi-grupper?q=${encodeURIComponent(name)}`);
  await admin.getByRole("row", { name: new RegExp(name) }).getByRole("link", { name: `Ändra ${name}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Ändra gruppen: ${name}` })).toBeVisible();
  await admin.getByRole("region", { name: "Avsluta gruppen" }).getByRole("button", { name: "Avsluta gruppen" }).click();
  await admin.getByRole("button", { name: "Ja, avsluta" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Gruppen är avslutad." })).toBeVisible();
  await expect(admin.getByText("Gruppen är avslutad och kan inte ändras.")).toBeVisible();
  await expectAccessible(admin);
  await admin.goto("/admin/sfi-grupper");
  await admin.getByRole("link", { name: "Visa avslutade grupper" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Avslutade sfi-grupper" })).toBeVisible();
  const search = admin.getByRole("search");
  await search.getByLabel("Sök på grupp eller lärare").fill(name);
  await search.getByRole("button", { name: "Sök" }).click();
  await expect.poll(() => new URL(admin.url()).searchParams.get("visa")).toBe("avslutade");
  await expect(admin.getByText("Antal grupper: 1", { exact: true })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: `Ändra ${name}` }).click();
  await admin.getByRole("button", { name: "Öppna gruppen igen" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Gruppen är öppen igen." })).toBeVisible();
  await admin.close();

  // The teacher's page was opened before the admin's changes: closing from it is a conflict, said
  // plainly, and the page then shows the group as it is, from which it closes.
  await closing.getByRole("button", { name: "Avsluta gruppen" }).click();
  await page.getByRole("button", { name: "Ja, avsluta" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Gruppen har ändrats sedan du öppnade sidan." })).toBeVisible();
  await expect(page.getByTestId("group-closed")).toHaveCount(0);
  await closing.getByRole("button", { name: "Avsluta gruppen" }).click();
  await page.getByRole("button", { name: "Ja, avsluta" }).click();
  await expect(page.getByTestId("group-closed")).toBeVisible();
  expect(page.url().split("?")[0]).toBe(groupUrl);
});
