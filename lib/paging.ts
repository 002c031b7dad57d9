// One page of a long list: the page asked for, kept within the list (a page past the last shows the
// last, which a link made before the list got shorter asks for; nonsense shows the first).

export interface PageWindow {
  page: number;
  pages: number;
  pageSize: number;
  /** Rows to skip before the page. */
  offset: number;
}

export function pageWindow(total: number, requested: number | undefined, pageSize: number): PageWindow {
  const size = Math.max(1, Math.floor(pageSize) || 1);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1) || 1), pages);
  return { page, pages, pageSize: size, offset: (page - 1) * size };
}
