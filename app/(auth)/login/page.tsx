import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { HOME_BY_ROLE } from "@/lib/auth/permissions";
import { getAreaMessages, getMessages, pageTitle } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { LoginForm } from "./LoginForm";
import { oidcSignInAction } from "./actions";
import { oidcSettings } from "@/lib/auth/oidc";
import { LanguageSwitch } from "@/app/_components/LanguageSwitch";
import { FormMessage } from "@/app/_components/Field";

export async function generateMetadata(): Promise<Metadata> { return pageTitle("login"); }
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  const t = await getMessages();
  const { error } = await searchParams;
  const oidcText = (await getAreaMessages(privacyMessages)).oidc;
  return (
    <main id="main" className="login">
      <div className="login-card">
        <p className="brand">{t.app.name}</p>
        <h1>{t.login.title}</h1>
        <p>{t.login.intro}</p>
        {error && <FormMessage error={error === "AccessDenied" ? oidcText.refused : t.login.error} />}
        {oidcSettings() && (
          <form action={oidcSignInAction} className="form oidc-form">
            <button type="submit" className="primary">
              {oidcText.button}
            </button>
          </form>
        )}
        <LoginForm
          labels={{ email: t.login.email, password: t.login.password, submit: t.login.submit }}
        />
        <LanguageSwitch label={t.nav.language} />
      </div>
    </main>
  );
}
