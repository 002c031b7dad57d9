// Lists that come a page at a time (the caseload's kind: the worklist, users, employers, sfi groups,
// gallring's preview): the bounds of a page, and the LIKE pattern of a free-text search. Server and
// client safe.

/** Rows a page of such a list shows by default. */
export const LIST_PAGE_SIZE = 50;
/** No page of a list from a URL is bigger; a bigger number is cut to this. */
const MAX_PAGE_SIZE = 500;

export interface PageWindow {
  page: number;
  pages: number;
  pageSize: number;
  /** Rows to skip before the page. */
  offset: number;
}

/**
 * The page to show of a list of `total` rows: the page asked for, but a page past the last shows
 * the last (a link made before the list got shorter asks for it) and nonsense (0, negative, NaN)
 * the first.
 */
export function pageWindow(total: number, requested: number | undefined, pageSize: number): PageWindow {
  const size = Math.max(1, Math.floor(pageSize) || 1);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1) || 1), pages);
  return { page, pages, pageSize: size, offset: (page - 1) * size };
}

/** `pageWindow` for a page size that may come from outside: a whole number from 1 to 500, `defaultSize` for nonsense. */
export function pageBounds(total: number, opts: { page?: number; pageSize?: number }, defaultSize = LIST_PAGE_SIZE): PageWindow {
  const size = Math.floor(opts.pageSize ?? defaultSize);
  return pageWindow(total, opts.page, Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : defaultSize);
}

/** `text` for an (I)LIKE pattern, its `%`, `_` and `\` taken literally (PostgreSQL's default escape is `\`). */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An (I)LIKE pattern that finds `text` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(text: string) {
  return `%${escapeLike(text)}%`;
}

/** A free-text search as a URL brings it (the first, if it says `q=` twice): trimmed, at most 200 characters, "" for none. */
export function searchText(q: string | string[] | undefined | null) {
  return ((Array.isArray(q) ? q[0] : q) ?? "").trim().slice(0, 200);
}
