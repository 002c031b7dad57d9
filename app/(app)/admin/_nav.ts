// The admin's privacy pages in the main menu (kept here so the shared layout changes by one line).
import type { Messages } from "@/lib/i18n/messages";
import type { NavItem } from "@/app/_components/NavLinks";

export function adminPrivacyNav(t: Messages): NavItem[] {
  const en = t.nav.users === "Users";
  return [
    { href: "/admin/logg", label: en ? "Log" : "Logg" },
    { href: "/admin/registerutdrag", label: en ? "Register extract" : "Registerutdrag" },
    { href: "/admin/gallring", label: en ? "Retention" : "Gallring" },
  ];
}
