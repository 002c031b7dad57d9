// Sign-in with the municipality's identity provider over OpenID Connect. Configured by
// OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; without them the provider does not exist.
// Nobody registers themself: the provider's user is matched to an account an admin created, by
// the stored subject (oidc_subject) or, the first time, by email; unknown or inactive is refused.
import { and, eq, isNull, or } from "drizzle-orm";
import type { OIDCConfig } from "next-auth/providers";
import { getDb, type Executor } from "@/db";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";

export const OIDC_PROVIDER_ID = "kommun";

export function oidcSettings(env: Record<string, string | undefined> = process.env) {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

export interface OidcMatch {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The active account for this provider user, or null. Remembers the subject on first use. */
export async function resolveOidcUser(sub: string, email: string | null | undefined, db: Executor = getDb()): Promise<OidcMatch | null> {
  if (!sub) return null;
  const normalized = email?.trim().toLowerCase() || null;
  const [bySubject] = await db.select().from(users).where(eq(users.oidcSubject, sub)).limit(1);
  let row = bySubject;
  if (!row && normalized) {
    // Only accounts not yet bound to another subject can be claimed by email.
    const [byEmail] = await db.select().from(users).where(and(eq(users.email, normalized), isNull(users.oidcSubject))).limit(1);
    if (byEmail) {
      await db.update(users).set({ oidcSubject: sub, updatedAt: new Date() }).where(and(eq(users.id, byEmail.id), or(isNull(users.oidcSubject), eq(users.oidcSubject, sub))));
      row = byEmail;
    }
  }
  if (!row || !row.active) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  name?: string;
}

/** The Auth.js provider, or null when not configured. */
export function oidcProvider(): OIDCConfig<OidcProfile> | null {
  const settings = oidcSettings();
  if (!settings) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: "Kommunens inloggning",
    type: "oidc",
    ...settings,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    // Auth.js keeps the id returned here as the account id; the jwt callback takes it as our user id.
    async profile(profile) {
      const match = await resolveOidcUser(profile.sub, profile.email);
      return match ? { id: match.id, name: match.name, email: match.email, role: match.role } : { id: "", email: profile.email ?? null };
    },
  };
}
