// The bounds of a page: a page past the last shows the last, nonsense shows the first.
import { describe, expect, it } from "vitest";
import { containsPattern, escapeLike, pageBounds, pageWindow, searchText } from "./paging";

describe("pageBounds", () => {
  it("counts pages of 50 by default and offsets the page", () => {
    expect(pageBounds(120, { page: 3 })).toEqual({ page: 3, pages: 3, pageSize: 50, offset: 100 });
    expect(pageBounds(100, {})).toEqual({ page: 1, pages: 2, pageSize: 50, offset: 0 });
    expect(pageBounds(0, { page: 1 })).toEqual({ page: 1, pages: 1, pageSize: 50, offset: 0 });
  });
  it("shows the last page for one past it and the first for nonsense", () => {
    expect(pageBounds(120, { page: 99 }).page).toBe(3);
    expect(pageBounds(120, { page: Infinity }).page).toBe(3);
    for (const page of [0, -4, NaN, -Infinity]) expect(pageBounds(120, { page }).page).toBe(1);
    expect(pageBounds(120, { page: 2.7 }).page).toBe(2);
    expect(pageBounds(0, { page: 7 })).toMatchObject({ page: 1, pages: 1, offset: 0 });
  });
  it("keeps the page size a whole number from 1 to 500", () => {
    expect(pageBounds(10, { pageSize: 3 })).toMatchObject({ pages: 4, pageSize: 3 });
    expect(pageBounds(10, { pageSize: 0 }).pageSize).toBe(50);
    expect(pageBounds(10, { pageSize: NaN }).pageSize).toBe(50);
    expect(pageBounds(10_000, { pageSize: 1e9 }).pageSize).toBe(500);
  });
});

describe("search text", () => {
  it("escapes LIKE's wildcards and its escape", () => {
    expect(containsPattern("100% a_b\\c")).toBe("%100\\% a\\_b\\\\c%");
    // The bare escape, for a prefix or a word's start (the caseload's and the audit log's searches).
    expect(escapeLike("50%_\\")).toBe("50\\%\\_\\\\");
    expect(escapeLike("Åsa")).toBe("Åsa");
  });
  it("trims and cuts a long search", () => {
    expect(searchText("  Bageri ")).toBe("Bageri");
    expect(searchText(undefined)).toBe("");
    expect(searchText("x".repeat(500))).toHaveLength(200);
    expect(searchText([" Bageri", "Annat"])).toBe("Bageri");
  });
});

describe("pageWindow", () => {
  it("gives the page asked for and where it starts, at any page size", () => {
    expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pages: 3, pageSize: 50, offset: 50 });
    expect(pageWindow(120, 3, 50)).toEqual({ page: 3, pages: 3, pageSize: 50, offset: 100 });
    expect(pageWindow(3000, 1, Number.MAX_SAFE_INTEGER)).toMatchObject({ pages: 1, offset: 0 });
  });
  it("shows the last page for a page past it, the first for nonsense, and one page for an empty list", () => {
    expect(pageWindow(120, 9, 50).page).toBe(3);
    for (const p of [0, -2, Number.NaN, undefined]) expect(pageWindow(120, p, 50).page).toBe(1);
    expect(pageWindow(0, 4, 50)).toEqual({ page: 1, pages: 1, pageSize: 50, offset: 0 });
    expect(pageWindow(10, 1, 0).pageSize).toBe(1);
    expect(pageWindow(10, 1, Number.NaN).pageSize).toBe(1);
  });
});
