import { expect, type Page } from "@playwright/test";

export class ImportPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/import");
    await expect(this.page.getByRole("heading", { level: 1, name: "Import av befintliga ärenden" })).toBeVisible();
  }

  async choose(files: { name: string; text: string }[]) {
    await this.page.getByLabel("Filer").setInputFiles(files.map((f) => ({ name: f.name, mimeType: "text/csv", buffer: Buffer.from(f.text, "utf8") })));
  }

  async check() {
    await this.page.getByRole("button", { name: "Kontrollera filerna" }).click();
  }
}
