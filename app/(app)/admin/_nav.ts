// The admin's privacy pages in the main menu (kept here so the shared layout changes by one line).
import type { NavItem } from "@/app/_components/NavLinks";
import { catalogues, type Messages } from "@/lib/i18n/messages";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { referenceMessages } from "@/lib/i18n/areas/reference";

/** Takes the app's catalogue (what the shared layout has at hand) and answers in its language. */
export function adminPrivacyNav(app: Messages): NavItem[] {
  const t = privacyMessages[app === catalogues.en ? "en" : "sv"].nav;
  return [
    { href: "/admin/logg", label: t.log },
    { href: "/admin/registerutdrag", label: t.extract },
    { href: "/admin/gallring", label: t.gallring },
  ];
}

/** The admin's reference values and targets for the results dashboard. */
export function adminReferenceNav(app: Messages): NavItem[] {
  return [{ href: "/admin/referensvarden", label: referenceMessages[app === catalogues.en ? "en" : "sv"].nav }];
}
