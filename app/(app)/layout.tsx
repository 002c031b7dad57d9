// The signed-in app: header, navigation by role, and the page.
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";
import { signOutAction } from "@/app/actions/session";
import { LanguageSwitch } from "@/app/_components/LanguageSwitch";
import { NavLinks, type NavItem } from "@/app/_components/NavLinks";
import type { Messages } from "@/lib/i18n/messages";
import type { Role } from "@/db/schema/enums";
import { adminPrivacyNav, adminReferenceNav } from "@/app/(app)/admin/_nav";

export const dynamic = "force-dynamic";

function navFor(role: Role, t: Messages): NavItem[] {
  switch (role) {
    case "coordinator":
      return [
        { href: "/arbetslista", label: t.nav.worklist },
        { href: "/deltagare", label: t.nav.participants },
        { href: "/arbetsgivare", label: t.nav.employers },
        { href: "/aktorer", label: t.nav.actors },
        { href: "/resultat", label: t.nav.results },
      ];
    case "sfi_teacher":
      return [
        { href: "/sfi", label: t.nav.sfiGroups },
        { href: "/aktorer", label: t.nav.actors },
      ];
    case "manager":
      return [
        { href: "/resultat", label: t.nav.results },
        { href: "/aktorer", label: t.nav.actors },
      ];
    case "admin":
      return [
        { href: "/admin/anvandare", label: t.nav.users },
        { href: "/admin/import", label: t.nav.import },
        { href: "/admin/sfi-grupper", label: t.nav.sfiGroupsAdmin },
        { href: "/aktorer", label: t.nav.actors },
        ...adminReferenceNav(t),
        ...adminPrivacyNav(t),
      ];
  }
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getMessages();
  return (
    <>
      <a href="#main" className="skip-link">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a href="/" className="brand">
            {t.app.name}
          </a>
          <nav aria-label={t.nav.label}>
            <NavLinks items={navFor(user.role, t)} />
          </nav>
          <div className="user-box">
            <span>
              <span className="visually-hidden">{t.nav.signedInAs} </span>
              <strong>{user.name}</strong> · {t.roles[user.role]}
            </span>
            <LanguageSwitch label={t.nav.language} />
            <form action={signOutAction} className="inline-form">
              <button type="submit" className="link-button">
                {t.nav.signOut}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
