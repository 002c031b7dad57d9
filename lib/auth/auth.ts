// The full Auth.js setup: credentials checked against the users table with argon2id.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { findUserForSignIn, isSignInLocked, recordSignInAttempt } from "./queries";
import { verifyPassword } from "./password";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

const oidc = oidcProvider();

/** Too many failed attempts: the sign-in page shows its own message for this code. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

/** The client's address as the proxy or the server saw it. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

// Sign-in, sign-out and Auth.js's endpoints. The session is read without Auth.js's auth() (its
// request pipeline per call): lib/auth/session-cookie.ts.
export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    // The identity provider's user must match an active account (see lib/auth/oidc.ts).
    signIn({ user, account }) {
      if (account?.provider === OIDC_PROVIDER_ID) return Boolean(account.providerAccountId && user.role);
      return true;
    },
  },
  providers: [
    ...(oidc ? [oidc] : []),
    Credentials({
      credentials: { email: {}, password: {} },
      // Every credentials sign-in comes through here (the sign-in page and a direct post to
      // /api/auth/callback/credentials alike), so the limit on failed attempts lives here.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientAddress(request.headers);
        if (await isSignInLocked(parsed.data.email, ip)) throw new SignInLocked();
        const user = await findUserForSignIn(parsed.data.email);
        const ok = Boolean(user && user.active && user.passwordHash && (await verifyPassword(user.passwordHash, parsed.data.password)));
        await recordSignInAttempt(parsed.data.email, ip, ok);
        if (!ok || !user) return null;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
});
