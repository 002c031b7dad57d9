// A wide table in its own horizontal scroll area, so that on a narrow screen (a phone at 375 px)
// the table scrolls and the page does not. With a label the area is a named region that takes
// keyboard focus, so that a keyboard user can scroll it too (WCAG 2.1.1; axe's
// scrollable-region-focusable); without one it holds links or fields, which take focus themselves.
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
