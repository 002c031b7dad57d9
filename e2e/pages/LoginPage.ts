import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-postadress").fill(email);
    await this.page.getByLabel("Lösenord").fill(password);
    await this.page.getByRole("button", { name: "Logga in" }).click();
  }
}
