// Lists that come a page at a time (the employers, the admin's sfi groups): the bounds of a page
// as the worklist has them, and the LIKE pattern of a free-text search. Server and client safe.

/** Rows a page of such a list shows by default. */
export const LIST_PAGE_SIZE = 50;
/** No caller asks for more; a bigger number (from a URL, say) is cut to this. */
const MAX_PAGE_SIZE = 500;

/**
 * The page to show of a list of `total` rows: a page past the last shows the last, nonsense (0,
 * negative, NaN) shows the first; the page size is a whole number from 1 to 500.
 */
export function pageBounds(total: number, opts: { page?: number; pageSize?: number }, defaultSize = LIST_PAGE_SIZE) {
  const size = Math.floor(opts.pageSize ?? defaultSize);
  const pageSize = Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : defaultSize;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1) || 1), pages);
  return { page, pages, pageSize, offset: (page - 1) * pageSize };
}

/** An (I)LIKE pattern that finds `text` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A free-text search as a URL brings it: trimmed, at most 200 characters, "" for none. */
export function searchText(q: string | undefined | null) {
  return (q ?? "").trim().slice(0, 200);
}
