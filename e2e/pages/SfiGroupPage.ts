import { expect, type Page } from "@playwright/test";

export class SfiGroupPage {
  constructor(private readonly page: Page) {}

  async openFirstGroup() {
    await this.page.goto("/sfi");
    await expect(this.page.getByRole("heading", { level: 1, name: "Mina grupper" })).toBeVisible();
    await this.page.locator("table tbody tr th a").first().click();
    await expect(this.page.getByRole("heading", { level: 2, name: /Närvaro/ })).toBeVisible();
  }

  studentNames() {
    return this.page.locator("table.attendance tbody th").allInnerTexts();
  }

  async mark(name: string, presence: "Närvarande" | "Frånvarande" | "Delvis") {
    await this.page.getByLabel(`Närvaro ${name}`).selectOption({ label: presence });
  }

  async save() {
    await this.page.getByRole("button", { name: "Spara närvaro" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Närvaron är sparad" })).toBeVisible();
  }
}
