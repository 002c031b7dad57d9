"use server";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { clientAddress, signIn, SignInLocked } from "@/lib/auth/auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { isSignInLocked } from "@/lib/auth/queries";
import { fieldErrorsOf } from "@/lib/auth/action";
import { getMessages } from "@/lib/i18n/server";
import { loginSchema } from "./schema";

export interface LoginState {
  email: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getMessages();
  const raw = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) {
    const fe = fieldErrorsOf(parsed.error);
    const translated: Record<string, string[]> = {};
    for (const [k, msgs] of Object.entries(fe)) translated[k] = msgs.map((m) => (t.login as Record<string, string>)[m] ?? m);
    return { email: raw.email, fieldErrors: translated };
  }
  const h = await headers();
  const ip = clientAddress(h);
  if (await isSignInLocked(parsed.data.email, ip)) return { email: raw.email, formError: t.login.locked };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  } catch (err) {
    if (err instanceof AuthError) {
      // Attempts are recorded in authorize(); a lock found there has its own message.
      if (err instanceof SignInLocked || (err as { code?: string }).code === "locked") return { email: raw.email, formError: t.login.locked };
      return { email: raw.email, formError: err.type === "CredentialsSignin" ? t.login.wrong : t.login.error };
    }
    // Success is a redirect, which Next.js signals by throwing; let it through.
    throw err;
  }
  return { email: raw.email };
}

/** Off to the municipality's identity provider (only offered when it is configured). */
export async function oidcSignInAction() {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: "/" });
}
