import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { HOME_BY_ROLE } from "@/lib/auth/permissions";
import { getMessages } from "@/lib/i18n/server";
import { LoginForm } from "./LoginForm";
import { LanguageSwitch } from "@/app/_components/LanguageSwitch";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  const t = await getMessages();
  return (
    <main id="main" className="login">
      <div className="login-card">
        <p className="brand">{t.app.name}</p>
        <h1>{t.login.title}</h1>
        <p>{t.login.intro}</p>
        <LoginForm
          labels={{ email: t.login.email, password: t.login.password, submit: t.login.submit }}
        />
        <LanguageSwitch label={t.nav.language} />
      </div>
    </main>
  );
}
