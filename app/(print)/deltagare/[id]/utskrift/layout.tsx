// The printout stands alone: no header or navigation, just the page on white.
import type { ReactNode } from "react";

export default function PrintLayout({ children }: { children: ReactNode }) {
  return <main className="printout">{children}</main>;
}
