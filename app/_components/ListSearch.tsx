// A list's free-text search and the number of rows it found, above a list that comes a page at a
// time (users, employers, the admin's sfi groups). A GET form: the search stays in the URL, and the
// pager's links keep it (listPageHref).
/** `found` is the sentence of how many the list has, e.g. "12 arbetsgivare". */
export function ListSearch({ q, label, button, found }: { q: string; label: string; button: string; found: string }) {
  return (
    <>
      <form role="search" method="get" className="search-form">
        <label htmlFor="q">{label}</label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={200} />
        <button type="submit">{button}</button>
      </form>
      <p aria-live="polite">{found}</p>
    </>
  );
}

/** A page of the list at `path` with the same search, for the Pager. */
export const listPageHref = (path: string, q: string) => (page: number) => `${path}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
