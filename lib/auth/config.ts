// The part of the Auth.js configuration without database or argon2: the session's format, lifetime
// and callbacks, shared by Auth.js (lib/auth/auth.ts) and the middleware's own reading of the
// cookie (lib/auth/session-cookie.ts).
import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema/enums";
import { decodeSessionToken, encodeSessionToken } from "./jwt";

/** Signed out after this long without any request. */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** Signed out this long after signing in, whatever happens. */
export const ABSOLUTE_TIMEOUT_SECONDS = 8 * 60 * 60;

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

interface EtableraToken {
  uid?: string;
  role?: Role;
  loginAt?: number;
}

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  trustHost: true,
  // The JWT cookie is re-issued on every request, so maxAge works as the idle timeout; the
  // absolute limit is enforced from loginAt in the jwt callback.
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
  // Auth.js's own format, with the derived key kept instead of derived on every call (lib/auth/jwt.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [],
  callbacks: {
    jwt({ token, user, account }) {
      const t = token as typeof token & EtableraToken;
      const now = Math.floor(Date.now() / 1000);
      if (user?.id) {
        // Through the identity provider, our user id is the account id set in lib/auth/oidc.ts.
        t.uid = account?.type === "oidc" ? account.providerAccountId : user.id;
        t.role = user.role;
        t.loginAt = now;
      }
      if (!t.loginAt || now - t.loginAt > ABSOLUTE_TIMEOUT_SECONDS) return null;
      return t;
    },
    session({ session, token }) {
      const t = token as typeof token & EtableraToken;
      if (t.uid && t.role) {
        session.user.id = t.uid;
        session.user.role = t.role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
