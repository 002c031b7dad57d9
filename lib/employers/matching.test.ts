import { describe, expect, it } from "vitest";
import { occupationFits } from "./matching";

describe("occupationFits", () => {
  it("matches the same occupation across case, accents and small variants", () => {
    expect(occupationFits("Kock", "kock")).toBe(true);
    expect(occupationFits("Undersköterska", "underskoterska hemtjänst")).toBe(true);
    expect(occupationFits("Lagerarbetare", "Lagerarbete")).toBe(true);
  });
  it("does not match different occupations or empty ones", () => {
    expect(occupationFits("Undersköterska", "Sjuksköterska")).toBe(false);
    expect(occupationFits("Kock", "Elektriker")).toBe(false);
    expect(occupationFits("", "Kock")).toBe(false);
    expect(occupationFits(null, "Kock")).toBe(false);
  });
});
