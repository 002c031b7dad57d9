// A wide table in its own horizontal scroll area, so that on a narrow screen (a phone at 375 px)
// the table scrolls and the page does not. With a label the area is a named region that takes
// keyboard focus, so that a keyboard user can scroll it too (WCAG 2.1.1; axe's
// scrollable-region-focusable); without one it holds links or fields, which take focus themselves.
// The region is a landmark: inside a section named by the same words as the table's caption (as
// on Resultat, where each figure's section and table have its title) give it a name of its own,
// e.g. "Tabell: <caption>", for landmarks must differ (axe's landmark-unique).
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label?: string; children: ReactNode }) {
  return label ? (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  ) : (
    <div className="table-scroll">{children}</div>
  );
}
