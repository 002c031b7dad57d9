// Previous, "page n of m", next: under every list that comes a page at a time. Nothing when there
// is only one page.
import Link from "@/app/_components/Link";
import type { Messages } from "@/lib/i18n/messages";

export function Pager({ page, pages, href, t }: { page: number; pages: number; href: (page: number) => string; t: Messages["common"] }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.page} className="pager">
      {page > 1 && <Link href={href(page - 1)}>{t.previous}</Link>}
      <span>
        {t.page} {page} {t.of} {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>{t.next}</Link>}
    </nav>
  );
}
