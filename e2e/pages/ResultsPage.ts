import { expect, type Page } from "@playwright/test";

export class ResultsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/resultat");
    await expect(this.page.getByRole("heading", { level: 1, name: "Resultat" })).toBeVisible();
  }

  /** The outcome90 table as { cohort|group: { n, share } }. */
  async outcomeTable(): Promise<Map<string, { n: number; share: string }>> {
    const rows = this.page.locator("#outcome90-table tbody tr");
    const out = new Map<string, { n: number; share: string }>();
    for (let i = 0; i < (await rows.count()); i++) {
      const r = rows.nth(i);
      const key = `${await r.getAttribute("data-cohort")}|${await r.getAttribute("data-group")}`;
      out.set(key, { n: Number(await r.locator("td").nth(1).innerText()), share: (await r.locator("td[data-share]").getAttribute("data-share")) ?? "" });
    }
    return out;
  }

  async chartValues(): Promise<number[]> {
    const values = await this.page.locator('[data-chart="outcome90-chart"] rect[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value"))));
    return values.sort();
  }
}
