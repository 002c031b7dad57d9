import { describe, expect, it } from "vitest";
import { pageWindow } from "./paging";

describe("pageWindow", () => {
  it("gives the page asked for and where it starts", () => {
    expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pages: 3, pageSize: 50, offset: 50 });
    expect(pageWindow(120, 3, 50)).toEqual({ page: 3, pages: 3, pageSize: 50, offset: 100 });
  });
  it("shows the last page for a page past it, the first for nonsense, and one page for an empty list", () => {
    expect(pageWindow(120, 9, 50).page).toBe(3);
    for (const p of [0, -2, Number.NaN, undefined]) expect(pageWindow(120, p, 50).page).toBe(1);
    expect(pageWindow(120, 2.7, 50).page).toBe(2);
    expect(pageWindow(0, 4, 50)).toEqual({ page: 1, pages: 1, pageSize: 50, offset: 0 });
    expect(pageWindow(10, 1, 0).pageSize).toBe(1);
  });
});
