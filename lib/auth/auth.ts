// The full Auth.js setup: credentials checked against the users table with argon2id.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { findUserForSignIn } from "./queries";
import { verifyPassword } from "./password";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc";

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(1) });

const oidc = oidcProvider();

export const { handlers, auth, signIn, signOut } = NextAuth({
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
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await findUserForSignIn(parsed.data.email);
        if (!user || !user.active || !user.passwordHash) return null;
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
});
